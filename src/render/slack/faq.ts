/**
 * An FAQ answer as one Slack message: each clause a section with its title in bold, the most it
 * pays and where it is, a line saying when it is another district's, then the clause's own
 * words small in a context block; a divider between clauses. The fallback `text`, which
 * notifications show, is the lead sentence and the titles with their amounts, not the whole body.
 */
import type { types } from "@slack/bolt";
import type { FaqClause, FaqView } from "../../dialog/types.ts";
import { CATALOGUE } from "../catalogue.ts";
import { escapeMrkdwn as e, truncate } from "./mrkdwn.ts";

type KnownBlock = types.KnownBlock;

/** Block Kit's limit on a section's or a context element's text (blocks.ts has them all). */
const TEXT_CHARS = 3000;
const FALLBACK_CHARS = 300;

export interface FaqMessage {
  text: string;
  blocks: KnownBlock[];
}

/** The answer as one message, or undefined when a block would be over Slack's limits (the
 * caller then posts the plain text, split as any long text is). */
export function faqMessage(view: FaqView): FaqMessage | undefined {
  const words = CATALOGUE[view.lang].faq;
  const blocks: KnownBlock[] = [];
  let fits = true;
  const section = (text: string) => {
    fits &&= text.length <= TEXT_CHARS;
    if (text) blocks.push({ type: "section", text: { type: "mrkdwn", text } });
  };
  const context = (text: string) => {
    fits &&= text.length <= TEXT_CHARS;
    if (text) blocks.push({ type: "context", elements: [{ type: "mrkdwn", text }] });
  };
  // With no clause to title the answer (the "not covered" reply), its statement is the title.
  section(view.lead.map((l) => (view.clauses.length ? e(l) : `*${e(l)}*`)).join("\n"));
  section(view.list.map((line) => `• ${e(line)}`).join("\n"));
  for (const [i, c] of view.clauses.entries()) {
    if (i > 0) blocks.push({ type: "divider" });
    section(clauseMrkdwn(c, words.english));
    context(`${e(words.source)}“${e(c.quote)}”`);
    if (c.caveat) context(e(c.caveat));
  }
  section(view.notes.map(e).join("\n"));
  if (!fits || blocks.length === 0) return undefined;
  return { text: truncate(fallback(view), FALLBACK_CHARS), blocks };
}

function clauseMrkdwn(c: FaqClause, englishLabel: string): string {
  const [single] = c.points.length === 1 ? c.points : [];
  const lines = [`*${e(c.title)}*`, single ? `${e(single.amount)} · ${e(c.source)}` : e(c.source)];
  if (c.notYours) lines.push(`_${e(c.notYours)}_`);
  if (single) lines.push(e(single.summary));
  else for (const p of c.points) lines.push(`• *${e(p.title)}* · ${e(p.amount)}\n${e(p.summary)}`);
  if (c.english) lines.push(e(`${englishLabel}${c.english}`));
  return lines.join("\n");
}

/** What a notification shows: the lead sentence, then each clause's title and amount. */
function fallback(view: FaqView): string {
  const clauses = view.clauses.map((c) => {
    const [single] = c.points.length === 1 ? c.points : [];
    return single ? `${c.title} · ${single.amount}` : c.title;
  });
  return [...view.lead, ...clauses].join("\n");
}

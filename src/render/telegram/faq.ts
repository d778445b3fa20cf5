/**
 * An FAQ answer as one Telegram message in HTML parse mode: each clause under its title in
 * bold with the most it pays, where it is, a line saying when it is another district's, and
 * the clause's own words folded in an expandable quote (Bot API 7.4), so two clauses fit a
 * phone screen.
 */
import type { FaqClause, FaqView } from "../../dialog/types.ts";
import { CATALOGUE } from "../catalogue.ts";
import { escapeHtml, MAX_MESSAGE_CHARS } from "./messages.ts";

/** The answer's HTML, or undefined when it would not fit one message (the caller then sends
 * the plain text, split as any long text is). */
export function faqHtml(view: FaqView): string | undefined {
  const e = escapeHtml;
  const words = CATALOGUE[view.lang].faq;
  const blocks = [
    // With no clause to title the answer (the "not covered" reply), its statement is the title.
    view.clauses.length ? view.lead.map(e).join("\n") : view.lead.map((l) => `<b>${e(l)}</b>`).join("\n"),
    view.list.map((line) => `• ${e(line)}`).join("\n"),
    ...view.clauses.map((c) => clauseHtml(c, words)),
    view.notes.map(e).join("\n"),
  ].filter(Boolean);
  const html = blocks.join("\n\n");
  return html.length <= MAX_MESSAGE_CHARS ? html : undefined;
}

function clauseHtml(c: FaqClause, words: { source: string; english: string }): string {
  const e = escapeHtml;
  const [single] = c.points.length === 1 ? c.points : [];
  const lines = [`<b>${e(c.title)}</b>`];
  lines.push(single ? `${e(single.amount)} · ${e(c.source)}` : e(c.source));
  if (c.notYours) lines.push(`<i>${e(c.notYours)}</i>`);
  if (single) lines.push(e(single.summary));
  else for (const p of c.points) lines.push(`• <b>${e(p.title)}</b> · ${e(p.amount)}\n${e(p.summary)}`);
  if (c.english) lines.push(e(`${words.english}${c.english}`));
  lines.push(`<blockquote expandable>${e(words.source)}“${e(c.quote)}”</blockquote>`);
  if (c.caveat) lines.push(`<i>${e(c.caveat)}</i>`);
  return lines.join("\n");
}

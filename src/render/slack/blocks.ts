/**
 * Renders the dialog's platform-neutral replies as Slack Block Kit messages, within Block
 * Kit's limits, each with the plain `text` fallback Slack shows in notifications and to
 * screen readers.
 */
import type { types } from "@slack/bolt";
import type { Choice, Reply, ResultSection } from "../../dialog/types.ts";
import { answeredLabel, buttonText, DONE_CHOICE_ID, detailLines, doneLabel } from "../choices.ts";
import { titled, totalsFirst } from "../on-screen.ts";
import { groupReplies, roleIn } from "../one-message.ts";
import { inSlackTerms, type SlackPlace } from "./commands.ts";
import { faqMessage } from "./faq.ts";
import { escapeMrkdwn, splitText, truncate } from "./mrkdwn.ts";

type KnownBlock = types.KnownBlock;
type Button = types.Button;

/** Block Kit limits (docs.slack.dev/reference/block-kit). `messageChars` is not documented:
 * Slack answers `msg_blocks_too_long` somewhere above 13,000 characters of block text. */
export const SLACK_LIMITS = {
  blocksPerMessage: 50,
  sectionText: 3000,
  contextText: 3000,
  headerText: 150,
  buttonText: 75,
  buttonsPerActions: 25,
  messageChars: 12_000,
  fallbackText: 3000,
} as const;

export interface SlackMessage {
  text: string;
  blocks: KnownBlock[];
  /** Uploaded as a file (files.uploadV2 arguments, the comment its text). */
  file?: { file: Buffer; filename: string; initial_comment: string };
}

/** The `action_id` prefix of every choice button; the button's `value` is the choice id. */
export const CHOICE_ACTION_PREFIX = "choice_";
export { DONE_CHOICE_ID };

/** One block with the plain text it contributes to the fallback and to the size budget. */
interface Part {
  block: KnownBlock;
  text: string;
}

/** A turn's replies as messages, a plain text joined to the question or result it goes with
 * (one-message.ts) when the two fit one message. The fallback text, which notifications show,
 * is what comes up to the question or result, not the texts after it. */
export function renderReplies(replies: Reply[], place: SlackPlace = "dm"): SlackMessage[] {
  return groupReplies(replies).flatMap((group) => {
    const out: { message: SlackMessage; after: boolean }[] = [];
    for (const [i, reply] of group.entries()) {
      const after = roleIn(group, i) === "after";
      for (const message of renderReply(reply, place)) {
        const previous = out.at(-1);
        const before = previous?.message.blocks ?? [];
        // A result's buttons stay at the bottom when a note joins it.
        const keep = before.at(-1)?.type === "actions" && !message.blocks.some((b) => b.type === "actions");
        const blocks = keep
          ? [...before.slice(0, -1), ...message.blocks, ...before.slice(-1)]
          : [...before, ...message.blocks];
        const fits =
          !previous?.message.file &&
          !message.file &&
          blocks.length <= SLACK_LIMITS.blocksPerMessage &&
          JSON.stringify(blocks).length <= SLACK_LIMITS.messageChars;
        if (!previous || !fits) {
          out.push({ message, after });
          continue;
        }
        const text = after ? previous.message.text : [previous.message.text, message.text].join("\n");
        previous.message = { blocks, text: truncate(text, SLACK_LIMITS.fallbackText) };
      }
    }
    return out.map((o) => o.message);
  });
}

/** `place`: a DM or a channel thread, which name the commands differently (commands.ts). */
export function renderReply(dialogReply: Reply, place: SlackPlace = "dm"): SlackMessage[] {
  const reply = inSlackTerms(dialogReply, place);
  switch (reply.kind) {
    case "text": {
      const faq = reply.faq && faqMessage(reply.faq);
      if (reply.file) {
        const { name: filename, text } = reply.file;
        const file = { file: Buffer.from(text, "utf8"), filename, initial_comment: reply.text };
        return [{ text: reply.text, blocks: [], file }];
      }
      return faq ? [faq] : pack(sectionParts(escapeMrkdwn(reply.text)));
    }
    case "question":
      return pack(questionParts(reply));
    case "result":
      return pack(resultParts(reply), resultFallback(reply));
  }
}

function questionParts(question: Extract<Reply, { kind: "question" }>): Part[] {
  const parts = sectionParts(escapeMrkdwn(question.text));
  const details = detailLines(question);
  if (details) parts.push(...sectionParts(escapeMrkdwn(details)));
  const notes = [question.progress, question.help].filter((note): note is string => Boolean(note));
  for (const note of notes) parts.push(...contextParts(escapeMrkdwn(note)));
  const choices: Choice[] = [...question.choices];
  const hasDone = choices.some((choice) => choice.id === DONE_CHOICE_ID);
  if (question.multi && !hasDone) choices.push({ id: DONE_CHOICE_ID, label: doneLabel(question) });
  const buttons = choices.map((choice, index) => choiceButton(choice, index));
  for (let start = 0; start < buttons.length; start += SLACK_LIMITS.buttonsPerActions) {
    const elements = buttons.slice(start, start + SLACK_LIMITS.buttonsPerActions);
    const labels = elements.map((button) => button.text.text).join(" / ");
    parts.push({ block: { type: "actions", elements }, text: `[${escapeMrkdwn(labels)}]` });
  }
  return parts;
}

function choiceButton(choice: Choice, index: number): Button {
  const button: Button = {
    type: "button",
    action_id: `${CHOICE_ACTION_PREFIX}${index}`,
    value: choice.id,
    text: { type: "plain_text", text: truncate(buttonText(choice), SLACK_LIMITS.buttonText), emoji: true },
  };
  if (choice.id === DONE_CHOICE_ID) button.style = "primary";
  return button;
}

/** The result: the totals first, an article's heading once above its benefits, each benefit's
 * working and quote in small print below it (a context block), dividers where the totals, the
 * benefits and the notes meet, and the buttons for what to do next last. */
function resultParts(reply: Extract<Reply, { kind: "result" }>): Part[] {
  const heading = truncate(reply.title, SLACK_LIMITS.headerText);
  const header: KnownBlock = { type: "header", text: { type: "plain_text", text: heading } };
  const parts: Part[] = [{ block: header, text: `*${escapeMrkdwn(heading)}*` }];
  let article: string | undefined;
  let previous: ResultSection | undefined;
  for (const section of totalsFirst(reply.sections)) {
    if (previous && partOf(previous) !== partOf(section))
      parts.push({ block: { type: "divider" }, text: "" });
    previous = section;
    const sameArticle = section.detail !== undefined && section.heading === article;
    article = section.detail === undefined ? undefined : section.heading;
    const shown = section.brief ? { ...section, body: `${section.body}\n${section.brief}` } : section;
    parts.push(...resultSectionParts(sameArticle ? { ...shown, heading: "" } : shown));
    if (section.detail) parts.push(...contextParts(escapeMrkdwn(section.detail)));
  }
  if (reply.footer) parts.push(...contextParts(escapeMrkdwn(reply.footer)));
  const actions = (reply.actions ?? []).slice(0, SLACK_LIMITS.buttonsPerActions).map(choiceButton);
  if (actions.length) parts.push({ block: { type: "actions", elements: actions }, text: "" });
  return parts;
}

const partOf = (section: ResultSection) =>
  section.total ? "totals" : section.detail !== undefined ? "benefits" : "notes";

/** What a notification shows of a result: its title and each district's total, in plain words
 * (the fallback is not mrkdwn for every client, so no `*`). */
function resultFallback(reply: Extract<Reply, { kind: "result" }>): string {
  const colon = /\p{Script=Han}/u.test(reply.title) ? "：" : ": ";
  const totals = reply.sections.filter((s) => s.total).map((s) => `${s.heading}${colon}${s.body}`);
  const lines = totals.length ? totals : reply.sections.slice(0, 1).map((s) => s.body);
  return escapeMrkdwn(truncate([reply.title, ...lines].join("\n"), RESULT_FALLBACK_CHARS));
}

/** A result's fallback says what a lock screen has room for. */
const RESULT_FALLBACK_CHARS = 300;

/** A section's heading stays with the first piece of its body; the rest follow as plain sections. */
function resultSectionParts(section: ResultSection): Part[] {
  // Slack only bolds `*text*` without inner edge spaces, and a blank heading would show as "* *".
  const trimmed = section.heading.trim();
  const heading = trimmed ? `*${escapeMrkdwn(trimmed)}*` : "";
  const body = section.body
    .split("\n")
    .map((line) => (titled(line) ? `*${escapeMrkdwn(titled(line).trim())}*` : escapeMrkdwn(line)))
    .join("\n");
  return sectionParts(heading && body ? `${heading}\n${body}` : heading || body);
}

function sectionParts(mrkdwn: string): Part[] {
  return splitText(mrkdwn, SLACK_LIMITS.sectionText)
    .filter((piece) => piece.trim() !== "")
    .map((piece) => ({ block: { type: "section", text: { type: "mrkdwn", text: piece } }, text: piece }));
}

function contextParts(mrkdwn: string): Part[] {
  return splitText(mrkdwn, SLACK_LIMITS.contextText)
    .filter((piece) => piece.trim() !== "")
    .map((piece) => ({
      block: { type: "context", elements: [{ type: "mrkdwn", text: piece }] },
      text: piece,
    }));
}

/** Groups blocks into as few messages as the per-message limits allow, keeping their order.
 * Each message's fallback is its blocks' text, or `fallback` when given. */
function pack(parts: Part[], fallback?: string): SlackMessage[] {
  const messages: SlackMessage[] = [];
  let blocks: KnownBlock[] = [];
  let texts: string[] = [];
  let size = 0;
  const flush = () => {
    if (blocks.length === 0) return;
    messages.push({ blocks, text: fallback ?? truncate(texts.join("\n"), SLACK_LIMITS.fallbackText) });
    blocks = [];
    texts = [];
    size = 0;
  };
  for (const part of parts) {
    const full = blocks.length >= SLACK_LIMITS.blocksPerMessage;
    if (full || size + part.text.length > SLACK_LIMITS.messageChars) flush();
    blocks.push(part.block);
    texts.push(part.text);
    size += part.text.length;
  }
  flush();
  return messages;
}

/** A message once its button was pressed: its buttons replaced by the answer given (`label`, the
 * pressed button's; for a checklist's done button, the options ticked), and its fallback text no
 * longer listing the buttons (a question's fallback ends with "[是 / 否]"). */
export function answeredMessage(
  blocks: KnownBlock[],
  text: string,
  label: string,
): { blocks: KnownBlock[]; text: string } {
  const kept = blocks.filter((block) => block.type !== "actions");
  const rows = blocks.flatMap((block) =>
    block.type === "actions"
      ? [
          block.elements.flatMap((e) =>
            e.type === "button" ? [[e.text.text, e.value ?? ""] as [string, string]] : [],
          ),
        ]
      : [],
  );
  const buttons = rows.flat();
  const done = buttons.find(([text, value]) => value === DONE_CHOICE_ID && text === label);
  const answer = `✓ ${escapeMrkdwn((done && answeredLabel(buttons, DONE_CHOICE_ID)) || label)}`;
  const gone = new Set(rows.map((row) => `[${escapeMrkdwn(row.map(([t]) => t).join(" / "))}]`));
  return {
    blocks: [...kept, { type: "context", elements: [{ type: "mrkdwn", text: answer }] }],
    text: [...text.split("\n").filter((line) => !gone.has(line)), answer].join("\n"),
  };
}

/** Whether a posted question took several answers: it carries the done button. */
export function hasDoneButton(blocks: KnownBlock[]): boolean {
  return blocks.some(
    (block) =>
      block.type === "actions" &&
      block.elements.some((element) => element.type === "button" && element.value === DONE_CHOICE_ID),
  );
}

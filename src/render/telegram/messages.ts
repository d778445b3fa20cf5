/**
 * Renders the dialog's platform-neutral replies as Telegram messages in HTML parse mode:
 * text escaped, choices as inline keyboards whose callback data is the choice id, and long
 * texts split below Telegram's 4,096-character limit at section, then line, boundaries.
 */
import type { InlineKeyboardButton, InlineKeyboardMarkup } from "grammy/types";
import type { Choice, Reply } from "../../dialog/types.ts";
import { faqHtml } from "./faq.ts";

/** Telegram refuses messages over 4,096 characters; stay clear of it. The limit counts the
 * text after entity parsing, so measuring the HTML source errs on the safe side. */
export const MAX_MESSAGE_CHARS = 4000;
/** Telegram's limit on callback data, in bytes. */
export const MAX_CALLBACK_BYTES = 64;
export const DONE_CHOICE_ID = "done";
const DONE_LABEL = "完成 / Done";

export interface TelegramMessage {
  /** HTML parse mode. */
  html: string;
  keyboard?: InlineKeyboardMarkup;
}

/** A choice id too long for Telegram's callback data: the dialog must use short ids. */
export class CallbackDataError extends Error {
  override readonly name = "CallbackDataError";
  constructor(readonly choiceId: string) {
    super(
      `choice id "${choiceId.slice(0, 80)}" is over Telegram's ${MAX_CALLBACK_BYTES}-byte callback data limit; give the choice a shorter id`,
    );
  }
}

export function escapeHtml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

export function renderReplies(replies: Reply[]): TelegramMessage[] {
  return replies.flatMap(renderReply);
}

export function renderReply(reply: Reply): TelegramMessage[] {
  switch (reply.kind) {
    case "text": {
      const faq = reply.faq && faqHtml(reply.faq);
      if (faq) return [{ html: faq }];
      return pack([paragraph(reply.text)]).map((html) => ({ html }));
    }
    case "question": {
      const blocks = [
        reply.progress && paragraph(reply.progress, "i"),
        paragraph(reply.text, "b"),
        reply.help && paragraph(reply.help),
      ].filter((block): block is string[] => Boolean(block));
      const pieces = pack(blocks).map((html): TelegramMessage => ({ html }));
      // The buttons go under the last piece, next to the question they answer (Telegram
      // refuses an empty message, so a question without text still gets one).
      if (pieces.length === 0) pieces.push({ html: "…" });
      // A question answered by typing (an amount) has no buttons, and Telegram refuses an empty keyboard.
      if (reply.choices.length > 0 || reply.multi) {
        (pieces[pieces.length - 1] as TelegramMessage).keyboard = keyboard(reply.choices, reply.multi);
      }
      return pieces;
    }
    case "result":
      return pack(resultBlocks(reply)).map((html) => ({ html }));
  }
}

/** The result's blocks: a benefit's detail folded into an expandable quote, the heading of an
 * article said once above its benefits. */
function resultBlocks(reply: Extract<Reply, { kind: "result" }>): string[][] {
  const blocks = [paragraph(reply.title, "b")];
  let article: string | undefined;
  for (const section of reply.sections) {
    const sameArticle = section.detail !== undefined && section.heading === article;
    article = section.detail === undefined ? undefined : section.heading;
    blocks.push([
      ...(sameArticle ? [] : paragraph(section.heading, "b")),
      ...paragraph(section.body),
      ...folded(section.detail),
    ]);
  }
  blocks.push(paragraph(reply.footer, "i"));
  return blocks;
}

const FOLD_OPEN = "<blockquote expandable>";
const FOLD_CLOSE = "</blockquote>";

/** Text shown collapsed to its first lines until tapped; each quote is one line of the block, so
 * packing never cuts a quote open (a detail too long for one message becomes several quotes). */
function folded(text: string | undefined): string[] {
  if (!text?.trim()) return [];
  const room = MAX_MESSAGE_CHARS - FOLD_OPEN.length - FOLD_CLOSE.length;
  const quotes: string[] = [];
  for (const line of text
    .trim()
    .split("\n")
    .flatMap((l) => hardSplit(l, room))) {
    const last = quotes.at(-1);
    if (last !== undefined && last.length + 1 + line.length <= room)
      quotes[quotes.length - 1] = `${last}\n${line}`;
    else quotes.push(line);
  }
  return quotes.map((quote) => `${FOLD_OPEN}${quote}${FOLD_CLOSE}`);
}

export function keyboard(choices: Choice[], multi: boolean): InlineKeyboardMarkup {
  const buttons = choices.map(button);
  if (multi) buttons.push({ text: DONE_LABEL, callback_data: DONE_CHOICE_ID });
  // Short labels (yes/no, districts) sit two to a row; longer ones get a row each so
  // phone screens do not cut them off.
  const perRow = choices.every((choice) => [...choice.label].length <= 10) ? 2 : 1;
  const rows: InlineKeyboardButton[][] = [];
  for (let i = 0; i < buttons.length; i += perRow) rows.push(buttons.slice(i, i + perRow));
  return { inline_keyboard: rows };
}

function button(choice: Choice): InlineKeyboardButton.CallbackButton {
  if (Buffer.byteLength(choice.id, "utf8") > MAX_CALLBACK_BYTES) throw new CallbackDataError(choice.id);
  return { text: choice.label, callback_data: choice.id };
}

/**
 * A block of text as escaped HTML lines, each line short enough to fit a message on its own
 * even inside a tag. Blank or missing text gives no lines.
 */
function paragraph(text: string, tag?: "b" | "i"): string[] {
  if (!text.trim()) return [];
  const room = MAX_MESSAGE_CHARS - (tag ? tag.length * 2 + 5 : 0);
  return text
    .trim()
    .split("\n")
    .flatMap((line) => hardSplit(line, room))
    .map((line) => (tag && line ? `<${tag}>${line}</${tag}>` : line));
}

/** Escapes a line and cuts it, between characters, into pieces of at most `room` characters. */
function hardSplit(line: string, room: number): string[] {
  const pieces: string[] = [];
  let current = "";
  for (const char of line) {
    const escaped = escapeHtml(char);
    if (current.length + escaped.length > room) {
      pieces.push(current);
      current = "";
    }
    current += escaped;
  }
  pieces.push(current);
  return pieces;
}

/**
 * Packs blocks (each a list of lines) into as few messages as fit: blocks are separated by a
 * blank line, a block that does not fit starts a new message, and a block longer than a whole
 * message is broken between its lines.
 */
function pack(blocks: string[][]): string[] {
  const messages: string[] = [];
  let current = "";
  const add = (text: string, separator: string) => {
    if (!current) current = text;
    else if (current.length + separator.length + text.length <= MAX_MESSAGE_CHARS)
      current += separator + text;
    else {
      messages.push(current);
      current = text;
    }
  };
  for (const lines of blocks) {
    if (lines.length === 0) continue;
    const whole = lines.join("\n");
    if (whole.length <= MAX_MESSAGE_CHARS) {
      add(whole, "\n\n");
      continue;
    }
    add(lines[0] ?? "", "\n\n");
    for (const line of lines.slice(1)) add(line, "\n");
  }
  if (current) messages.push(current);
  return messages;
}

/**
 * Renders the dialog's platform-neutral replies as Telegram messages in HTML parse mode:
 * text escaped, choices as inline keyboards whose callback data is the choice id, and long
 * texts split below Telegram's 4,096-character limit at section, then line, boundaries.
 */
import { InputFile } from "grammy";
import type { InlineKeyboardButton, InlineKeyboardMarkup } from "grammy/types";
import type { Choice, Reply } from "../../dialog/types.ts";
import { answeredLabel, buttonText, DONE_CHOICE_ID, detailLines, doneLabel } from "../choices.ts";
import { titled, totalsFirst } from "../on-screen.ts";
import { groupReplies } from "../one-message.ts";
import { faqHtml } from "./faq.ts";

export { DONE_CHOICE_ID };

/** Telegram refuses messages over 4,096 characters; stay clear of it. The limit counts the
 * text after entity parsing, so measuring the HTML source errs on the safe side. */
export const MAX_MESSAGE_CHARS = 4000;
/** Telegram's limit on callback data, in bytes. */
export const MAX_CALLBACK_BYTES = 64;

export interface TelegramMessage {
  /** HTML parse mode. */
  html: string;
  keyboard?: InlineKeyboardMarkup;
  /** Sent as a document (sendDocument), `html` its caption. */
  document?: InputFile;
}

/** Telegram's limit on a document's caption. */
const MAX_CAPTION_CHARS = 1000;

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

/** A turn's replies as messages, a plain text joined to the question or result it goes with
 * (one-message.ts) when the two fit one message. */
export function renderReplies(replies: Reply[]): TelegramMessage[] {
  return groupReplies(replies).flatMap((group) => joinMessages(group.map(renderReply)));
}

/** Joins each reply's messages to the next one's where they fit, the buttons staying at the bottom. */
function joinMessages(parts: TelegramMessage[][]): TelegramMessage[] {
  const out: TelegramMessage[] = [];
  for (const message of parts.flat()) {
    const previous = out.at(-1);
    const fits = previous && previous.html.length + 2 + message.html.length <= MAX_MESSAGE_CHARS;
    const document = previous?.document ?? message.document;
    if (previous && fits && !(previous.keyboard && message.keyboard) && !document) {
      out[out.length - 1] = {
        html: `${previous.html}\n\n${message.html}`,
        ...((message.keyboard ?? previous.keyboard)
          ? { keyboard: message.keyboard ?? previous.keyboard }
          : {}),
      };
    } else out.push(message);
  }
  return out;
}

export function renderReply(reply: Reply): TelegramMessage[] {
  switch (reply.kind) {
    case "text": {
      const faq = reply.faq && faqHtml(reply.faq);
      if (faq) return [{ html: faq }];
      if (reply.file) {
        const document = new InputFile(Buffer.from(reply.file.text, "utf8"), reply.file.name);
        return [{ html: escapeHtml(reply.text.slice(0, MAX_CAPTION_CHARS)), document }];
      }
      return pack([paragraph(reply.text)]).map((html) => ({ html }));
    }
    case "question": {
      const blocks = [
        reply.progress && paragraph(reply.progress, "i"),
        paragraph(reply.text, "b"),
        paragraph(detailLines(reply)),
        reply.help && paragraph(reply.help),
      ].filter((block): block is string[] => Boolean(block));
      const pieces = pack(blocks).map((html): TelegramMessage => ({ html }));
      // The buttons go under the last piece, next to the question they answer (Telegram
      // refuses an empty message, so a question without text still gets one).
      if (pieces.length === 0) pieces.push({ html: "…" });
      // A question answered by typing (an amount) has no buttons, and Telegram refuses an empty keyboard.
      if (reply.choices.length > 0 || reply.multi) {
        (pieces[pieces.length - 1] as TelegramMessage).keyboard = keyboard(reply);
      }
      return pieces;
    }
    case "result": {
      const pieces = pack(resultBlocks(reply)).map((html): TelegramMessage => ({ html }));
      // What to do next sits under the result's last piece, as a question's buttons do.
      const last = pieces.at(-1);
      if (last && reply.actions?.length)
        last.keyboard = keyboard({ kind: "question", text: "", choices: reply.actions, multi: false });
      return pieces;
    }
  }
}

/** The result's blocks: the totals first, a benefit's detail folded into an expandable quote, the
 * heading of an article said once above its benefits. */
function resultBlocks(reply: Extract<Reply, { kind: "result" }>): string[][] {
  const blocks = [paragraph(reply.title, "b")];
  let article: string | undefined;
  for (const section of totalsFirst(reply.sections)) {
    const sameArticle = section.detail !== undefined && section.heading === article;
    article = section.detail === undefined ? undefined : section.heading;
    blocks.push([
      ...(sameArticle ? [] : paragraph(section.heading, "b")),
      ...section.body
        .split("\n")
        .flatMap((line) => (titled(line) ? paragraph(titled(line), "b") : paragraph(line))),
      ...paragraph(section.brief ?? ""),
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

/** A phone's inline keyboard row holds two buttons of about 20 columns each (a Chinese
 * character takes two); longer labels get a row of their own rather than being cut off.
 * Tiny ones (levels 0–5, 是/否) share a row six at a time, like a keypad. */
const HALF_ROW_COLUMNS = 20;
const TINY_COLUMNS = 3;
const TINY_PER_ROW = 6;
const columns = (text: string) => [...text].reduce((n, c) => n + ((c.codePointAt(0) ?? 0) < 0x80 ? 1 : 2), 0);

type Button = InlineKeyboardButton.CallbackButton;

export function keyboard(question: Extract<Reply, { kind: "question" }>): InlineKeyboardMarkup {
  const buttons = question.choices.map(button);
  if (question.multi) buttons.push({ text: doneLabel(question), callback_data: DONE_CHOICE_ID });
  // Two to a row where both fit, tiny ones more; the done button closes the list on its own row.
  const isDone = (b: Button) => b.callback_data === DONE_CHOICE_ID;
  const joins = (row: Button[], b: Button) => {
    if (isDone(b) || row.some(isDone)) return false;
    if ([...row, b].every((x) => columns(x.text) <= TINY_COLUMNS)) return row.length < TINY_PER_ROW;
    return row.length === 1 && [...row, b].every((x) => columns(x.text) <= HALF_ROW_COLUMNS);
  };
  const rows: Button[][] = [];
  for (const b of buttons) {
    const last = rows.at(-1);
    if (last && joins(last, b)) last.push(b);
    else rows.push([b]);
  }
  return { inline_keyboard: rows };
}

/** What a press of the button with `data` answered, for the question's record line (choices.ts). */
export function pressedLabel(buttons: InlineKeyboardButton[], data: string): string | undefined {
  const pairs = buttons.map((b): [string, string] => [b.text, "callback_data" in b ? b.callback_data : ""]);
  return answeredLabel(pairs, data);
}

function button(choice: Choice): Button {
  if (Buffer.byteLength(choice.id, "utf8") > MAX_CALLBACK_BYTES) throw new CallbackDataError(choice.id);
  return { text: buttonText(choice), callback_data: choice.id };
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

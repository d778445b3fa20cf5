/**
 * Renders the dialog's platform-neutral replies as Telegram messages in HTML parse mode:
 * text escaped, choices as inline keyboards whose callback data is the choice id, and long
 * texts split below Telegram's 4,096-character limit at section, then line, boundaries.
 */
import type { InlineKeyboardButton, InlineKeyboardMarkup } from "grammy/types";
import type { Choice, Reply } from "../../dialog/types.ts";
import { groupReplies } from "../one-message.ts";
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
    if (previous && fits && !(previous.keyboard && message.keyboard)) {
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
    case "result": {
      const blocks = [
        paragraph(reply.title, "b"),
        ...reply.sections.map((section) => [...paragraph(section.heading, "b"), ...paragraph(section.body)]),
        paragraph(reply.footer, "i"),
      ];
      return pack(blocks).map((html) => ({ html }));
    }
  }
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

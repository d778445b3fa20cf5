/**
 * Reads a Telegram update as the dialog's input: message text → `text`, /start → `start`,
 * a button press → `choice` with the button's callback data. Nothing here interprets what
 * the user meant; that is the dialog's job.
 */
import type { MessageEntity, Update } from "grammy/types";
import type { DialogEvent, Lang } from "../../dialog/types.ts";
import { DONE_CHOICE_ID, pressedLabel } from "../../render/telegram/messages.ts";
import type { SentFile } from "./files.ts";

/** The bot message whose button was pressed, as far as the update shows it. */
export interface PressedMessage {
  messageId: number;
  /** Plain text and entities of the message, to re-send it with the answer appended. */
  text?: string;
  entities?: MessageEntity[];
  /** What the press answered (the button, or a checklist's ticks), when the keyboard is in the update. */
  label?: string;
  /** The message asks a several-answers question (its keyboard has the done button). */
  multi: boolean;
}

export type Inbound =
  | {
      kind: "turn";
      chatId: number;
      userId: string;
      lang?: Lang;
      event: DialogEvent;
      /** The text as Telegram delivered it, for the length cap. */
      rawText?: string;
      pressed?: PressedMessage;
    }
  /** A file (a staff sheet, say): handled by files.ts, outside the dialog. */
  | ({ kind: "file"; userId: string } & SentFile)
  /** A message the dialog cannot read (photo, sticker, voice): the user is asked to type. */
  | { kind: "unreadable"; chatId: number; userId: string; lang?: Lang }
  /** Nothing to answer (an edit, a service message, an update type we do not take). */
  | { kind: "ignored" };

/** The update types the bot asks Telegram for. */
export const ALLOWED_UPDATES = ["message", "callback_query"] as const;

export function readUpdate(update: Update): Inbound {
  if (update.callback_query) return readPress(update.callback_query);
  const message = update.message;
  if (!message?.from || message.from.is_bot) return { kind: "ignored" };
  const base = {
    chatId: message.chat.id,
    userId: String(message.from.id),
    lang: langOf(message.from.language_code),
  };
  const document = message.document;
  if (document) {
    const { file_id: fileId, file_name: fileName = "", file_size: fileSize } = document;
    return { kind: "file", ...base, fileId, fileName, fileSize };
  }
  if (message.text === undefined) {
    // Joins, pins, title changes and the like carry no user content; only answer real messages.
    const hasContent = Boolean(
      message.photo ?? message.sticker ?? message.voice ?? message.document ?? message.video ?? message.audio,
    );
    return hasContent ? { kind: "unreadable", ...base } : { kind: "ignored" };
  }
  return { kind: "turn", ...base, event: textEvent(message.text, base.lang), rawText: message.text };
}

function readPress(query: NonNullable<Update["callback_query"]>): Inbound {
  const message = query.message;
  if (query.data === undefined || !message) return { kind: "ignored" };
  const lang = langOf(query.from.language_code);
  // A message older than 48 hours arrives "inaccessible" (date 0): no text or keyboard to tidy.
  const accessible = message.date !== 0 && "text" in message ? message : undefined;
  const buttons = accessible?.reply_markup?.inline_keyboard.flat() ?? [];
  const dataOf = (button: (typeof buttons)[number]) =>
    "callback_data" in button ? button.callback_data : undefined;
  const label = pressedLabel(buttons, query.data);
  const multi = buttons.some((button) => dataOf(button) === DONE_CHOICE_ID);
  return {
    kind: "turn",
    chatId: message.chat.id,
    userId: String(query.from.id),
    lang,
    event: { kind: "choice", id: query.data },
    pressed: {
      messageId: message.message_id,
      text: accessible?.text,
      entities: accessible?.entities,
      label,
      multi,
    },
  };
}

/** `/start`, `/start payload` and `/start@MyBot` open the conversation; other commands go to
 * the dialog as text, without the `@MyBot` that group chats add. */
function textEvent(text: string, lang: Lang | undefined): DialogEvent {
  const command = /^\/([A-Za-z0-9_]+)(@[A-Za-z0-9_]+)?(?=\s|$)/.exec(text);
  if (command?.[1]?.toLowerCase() === "start") return { kind: "start", lang };
  if (command?.[2]) return { kind: "text", text: text.replace(command[2], "") };
  return { kind: "text", text };
}

/** Telegram's `language_code` is an IETF tag from the user's app settings (`zh-hans`, `en-US`). */
export function langOf(code: string | undefined): Lang | undefined {
  if (!code) return undefined;
  const primary = code.toLowerCase().split(/[-_]/)[0];
  return primary === "zh" ? "zh" : primary === "en" ? "en" : undefined;
}

/** The conversation a chat maps to (src/dialog/types.ts `TurnInput.conversationId`). */
export const conversationIdOf = (chatId: number) => `telegram:${chatId}`;

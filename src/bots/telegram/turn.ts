/**
 * One update of a Telegram chat, run under the chat's lock after its earlier ones: apply the
 * limits (to every message, files included), ask the dialog service (which recognises a
 * redelivered update by its id), and show its replies, tidying the question whose button was
 * pressed so the chat stays readable.
 */
import type { Api } from "grammy";
import { LRUCache } from "lru-cache";
import type { AdvisorService, Reply } from "../../dialog/types.ts";
import { failureText, unreadableText } from "../../render/notices.ts";
import { onScreen } from "../../render/on-screen.ts";
import {
  DONE_CHOICE_ID,
  escapeHtml,
  renderReplies,
  type TelegramMessage,
} from "../../render/telegram/messages.ts";
import type { Limits } from "../limits.ts";
import type { Logger } from "../logger.ts";
import { createFileHandler } from "./files.ts";
import { conversationIdOf, type Inbound, type PressedMessage } from "./inbound.ts";

type Turn = Extract<Inbound, { kind: "turn" }>;

/** A press of an option (not "done") on a several-answers question. */
const isTick = (turn: Turn) =>
  turn.pressed?.multi === true && turn.event.kind === "choice" && turn.event.id !== DONE_CHOICE_ID;

export interface TurnDeps {
  api: Api;
  service: AdvisorService;
  limits: Limits;
  logger: Logger;
  /** Where sent files are downloaded from (TELEGRAM_API_ROOT). */
  apiRoot?: string;
}

/** Chats whose last question is remembered; beyond this the oldest are forgotten (their
 * buttons then simply stay until pressed, when the dialog answers as for any stale press). */
const OPEN_QUESTIONS_LIMIT = 10_000;
const TELEGRAM_TEXT_LIMIT = 4096;
const link_preview_options = { is_disabled: true };
/** How long a turn runs before the chat shows "typing…". */
const TYPING_AFTER_MS = 200;

export function createTurnHandler(deps: TurnDeps) {
  const { api, service, limits, logger } = deps;
  const handleFile = createFileHandler(deps);
  /** The message, per chat, that carries the current question's live buttons. */
  const openQuestions = new LRUCache<number, number>({ max: OPEN_QUESTIONS_LIMIT });

  const send = async (chatId: number, messages: TelegramMessage[]) => {
    let lastKeyboard: number | undefined;
    for (const message of messages) {
      const { document: file, html, keyboard } = message;
      const sent = file
        ? await api.sendDocument(chatId, file, { caption: html, parse_mode: "HTML" })
        : await api.sendMessage(chatId, html, {
            parse_mode: "HTML",
            reply_markup: keyboard,
            link_preview_options,
          });
      if (message.keyboard) lastKeyboard = sent.message_id;
    }
    return lastKeyboard;
  };

  const say = (chatId: number, text: string) => send(chatId, [{ html: escapeHtml(text) }]);

  /** Cosmetic edits fail for ordinary reasons (message too old, deleted, unchanged); the turn goes on. */
  const tryEdit = async (what: string, edit: () => Promise<unknown>) => {
    try {
      await edit();
    } catch (error) {
      logger.debug(`telegram: could not ${what}`, { error });
    }
  };

  const rememberQuestion = (chatId: number, messageId: number | undefined) => {
    if (messageId === undefined) openQuestions.delete(chatId);
    else openQuestions.set(chatId, messageId);
  };

  /** Takes the buttons off a question once it is answered; the pressed one also shows the answer. */
  const closeQuestion = async (chatId: number, messageId: number, answered?: PressedMessage) => {
    const answer =
      answered?.label && answered.text !== undefined && `${answered.text}\n\n✔ ${answered.label}`;
    if (answer && answer.length <= TELEGRAM_TEXT_LIMIT) {
      // Sent without `reply_markup`, the edit also removes the keyboard.
      await tryEdit("mark the answer", () =>
        api.editMessageText(chatId, messageId, answer, { entities: answered.entities }),
      );
    } else {
      await tryEdit("remove old buttons", () => api.editMessageReplyMarkup(chatId, messageId));
    }
  };

  /** A tick on a several-answers question that returns that question again: the same message
   * is updated in place, so ticking five boxes does not leave five copies in the chat. */
  const isRedrawnQuestion = (turn: Turn, replies: Reply[], messages: TelegramMessage[]) => {
    const [reply] = replies;
    if (!isTick(turn) || replies.length !== 1 || reply?.kind !== "question" || messages.length !== 1)
      return false;
    // The same question comes back still offering the option pressed; a press that settles the
    // question ("none of these") brings the next one, which must not overwrite this one.
    const pressedId = turn.event.kind === "choice" ? turn.event.id : undefined;
    return reply.choices.some((choice) => choice.id === pressedId);
  };

  const deliver = async (turn: Turn, replies: Reply[]) => {
    const messages = renderReplies(replies);
    const { chatId, pressed } = turn;
    const open = openQuestions.get(chatId);
    const [only] = messages;
    if (pressed && only && isRedrawnQuestion(turn, replies, messages)) {
      if (open !== undefined && open !== pressed.messageId) await closeQuestion(chatId, open);
      await tryEdit("update the question", () =>
        api.editMessageText(chatId, pressed.messageId, only.html, {
          parse_mode: "HTML",
          reply_markup: only.keyboard,
        }),
      );
      rememberQuestion(chatId, pressed.messageId);
      return;
    }
    // Text alone (a tick acknowledged, a hint) leaves the question on screen open for more
    // presses; a new question or a result replaces it.
    if (!replies.some((reply) => reply.kind !== "text")) {
      await send(chatId, messages);
      // After a restart nothing is remembered: the pressed question is the open one.
      if (pressed && open === undefined) rememberQuestion(chatId, pressed.messageId);
      return;
    }
    if (pressed) {
      const current = open === undefined || open === pressed.messageId;
      // The question keeps a line of what was answered: the button pressed, or the options ticked.
      await closeQuestion(chatId, pressed.messageId, current ? pressed : undefined);
      if (open !== undefined && !current) await closeQuestion(chatId, open);
    } else if (open !== undefined) {
      await closeQuestion(chatId, open);
    }
    rememberQuestion(chatId, await send(chatId, messages));
  };

  const runTurn = async (turn: Turn, deliveryId: string) => {
    const { chatId, userId, lang } = turn;
    // "Typing…" only for a turn slow enough to be noticed (a result, a busy store): most turns
    // take milliseconds, and a Bot API call per turn cost more than the turn itself.
    let typing: Promise<unknown> | undefined;
    const timer = setTimeout(() => {
      typing = api.sendChatAction(chatId, "typing").catch((error) => {
        logger.warn("telegram: typing indicator failed", { error });
      });
    }, TYPING_AFTER_MS);
    const replies = await service
      .handle({
        channel: "telegram",
        conversationId: conversationIdOf(chatId),
        userId,
        lang,
        event: turn.event,
        deliveryId,
      })
      .finally(() => clearTimeout(timer));
    // Awaited before replying, so the indicator cannot arrive after the reply.
    await typing;
    await deliver(turn, onScreen(replies));
  };

  /** Handles one update. A failure is logged and the user told; what the dialog stored stays.
   * A crash before the update's answer to Telegram leaves it to be delivered again, and the
   * service recognises one it had already applied by the id saved with the conversation. */
  return async function handleUpdate(updateId: number, inbound: Inbound): Promise<void> {
    if (inbound.kind === "ignored") return;
    try {
      // Every message counts against the user's rate limit, a sheet or a sticker as much as text.
      const text = inbound.kind === "turn" ? inbound.rawText : undefined;
      const admission = limits.admit({ userKey: `telegram:${inbound.userId}`, text, lang: inbound.lang });
      if (!admission.ok) {
        if (admission.notice) await say(inbound.chatId, admission.notice);
        return;
      }
      if (inbound.kind === "unreadable") await say(inbound.chatId, unreadableText(inbound.lang));
      else if (inbound.kind === "file") await handleFile(inbound);
      else await runTurn(inbound, String(updateId));
    } catch (error) {
      logger.error("telegram: update failed", { error, updateId, chatId: inbound.chatId });
      await say(inbound.chatId, failureText(inbound.lang)).catch((sendError) => {
        logger.error("telegram: could not tell the user about a failure", { error: sendError, updateId });
      });
    }
  };
}

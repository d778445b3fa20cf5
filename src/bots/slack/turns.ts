/**
 * One turn of a Slack conversation, under the conversation's lock: the limits, the dialog
 * service, and the replies posted back where the user wrote.
 */
import type { types, webApi } from "@slack/bolt";
import type { AdvisorService, DialogEvent, Lang, Reply } from "../../dialog/types.ts";
import { failureText } from "../../render/notices.ts";
import { onScreen } from "../../render/on-screen.ts";
import {
  answeredMessage,
  DONE_CHOICE_ID,
  renderReplies,
  type SlackMessage,
} from "../../render/slack/blocks.ts";
import { placeOf } from "../../render/slack/commands.ts";
import { escapeMrkdwn } from "../../render/slack/mrkdwn.ts";
import { sheetsInDirectMessages } from "../../sheet/chat.ts";
import type { ConversationStore } from "../../store/types.ts";
import type { Limits } from "../limits.ts";
import type { Logger } from "../logger.ts";
import { answerSharedFiles, type FileMessage } from "./files.ts";
import { conversationIdFor, type SlackTarget } from "./inbound.ts";

export interface TurnRequest {
  team: string;
  user: string;
  target: SlackTarget;
  isDirect: boolean;
  event: DialogEvent;
  /** The text exactly as Slack delivered it, for the length cap. */
  rawText?: string;
  lang?: Lang;
  /** Slack's event_id: a retry of an event already applied is recognised by the service. */
  deliveryId?: string;
}

/** The bot message whose button was pressed. */
export interface PressedMessage {
  ts: string;
  blocks: types.KnownBlock[];
  text: string;
  /** The pressed button's label, shown in place of the buttons once answered. */
  label: string;
  /** The message asked a several-answers question (it has a done button). */
  multi: boolean;
}

export interface TurnRunner {
  /** A spreadsheet shared (files.ts): counted against the limits, outside the conversation. */
  file(request: TurnRequest, message: FileMessage): Promise<void>;
  message(request: TurnRequest): Promise<void>;
  /** A notice only the user sees, outside the conversation. */
  notice(request: Pick<TurnRequest, "target" | "user">, text: string): Promise<void>;
  press(request: TurnRequest, pressed: PressedMessage): Promise<void>;
}

export function createTurnRunner(deps: {
  client: webApi.WebClient;
  service: AdvisorService;
  conversations: Pick<ConversationStore, "withLock">;
  limits: Limits;
  logger: Logger;
}): TurnRunner {
  const { client, service, limits, logger, conversations } = deps;

  /** Posts in order and one at a time; a plain notice has no blocks. */
  const post = async (
    target: SlackTarget,
    messages: Array<Pick<SlackMessage, "text"> & Partial<SlackMessage>>,
  ) => {
    for (const { file, ...message } of messages) {
      const thread = target.threadTs ? { thread_ts: target.threadTs } : {};
      if (file) await client.files.uploadV2({ channel_id: target.channel, ...thread, ...file });
      else await client.chat.postMessage({ channel: target.channel, thread_ts: target.threadTs, ...message });
    }
  };

  /** Counts the turn against the user's limits; false when refused (the user is told once). */
  const admitted = async (request: TurnRequest) => {
    const userKey = `slack:${request.team}:${request.user}`;
    const admission = limits.admit({ userKey, text: request.rawText, lang: request.lang });
    if (admission.ok) return true;
    logger.info("slack turn refused", { reason: admission.reason, user: request.user });
    if (admission.notice) await notify(request, admission.notice);
    return false;
  };

  /** Runs the dialog for one turn; undefined when the turn was refused or failed (the user is told). */
  const takeTurn = async (request: TurnRequest): Promise<Reply[] | undefined> => {
    if (!(await admitted(request))) return undefined;
    try {
      const replies = await service.handle({
        channel: "slack",
        conversationId: conversationIdFor(request.team, request.target, request.isDirect),
        userId: request.user,
        lang: request.lang,
        event: request.event,
        deliveryId: request.deliveryId,
      });
      return onScreen(replies);
    } catch (error) {
      logger.error("slack turn failed", { error, user: request.user });
      await post(request.target, [{ text: escapeMrkdwn(failureText(request.lang)) }]);
      return undefined;
    }
  };

  /** A limit notice only the user sees: in a shared channel nobody else needs it. */
  const notify = async (request: Pick<TurnRequest, "target" | "user">, text: string) => {
    const { channel, threadTs } = request.target;
    await client.chat.postEphemeral({ channel, user: request.user, thread_ts: threadTs, text });
  };

  /** A Web API failure while answering: nothing more can be said to the user through Slack.
   * A cosmetic call (`warn`) failing leaves the turn going on. */
  const guarded = async (what: string, work: () => Promise<unknown>, level: "error" | "warn" = "error") => {
    try {
      await work();
    } catch (error) {
      logger[level](`slack ${what} failed`, { error });
    }
  };

  // The lock covers the replies too: a quick second message is not answered before the first.
  const turn = (request: TurnRequest, what: string, work: () => Promise<void>) =>
    conversations.withLock(conversationIdFor(request.team, request.target, request.isDirect), () =>
      guarded(what, work),
    );

  return {
    // The result sheet is posted where the sheet was, so only a DM keeps it to the one who sent it.
    file: (request, message) =>
      guarded("sheet", async () => {
        if (!(await admitted(request))) return;
        if (request.isDirect) await answerSharedFiles(client, message, logger);
        else await post(request.target, [{ text: sheetsInDirectMessages(request.lang ?? "zh") }]);
      }),
    notice: (request, text) => guarded("notice", () => notify(request, text)),
    message: (request) =>
      turn(request, "reply", async () => {
        const replies = await takeTurn(request);
        if (replies) await post(request.target, renderReplies(replies, placeOf(request.isDirect)));
      }),
    press: (request, pressed) =>
      turn(request, "button reply", async () => {
        const replies = await takeTurn(request);
        if (!replies) return;
        const messages = renderReplies(replies, placeOf(request.isDirect));
        const [first] = messages;
        // A tick, or a done that answered nothing (a hint only), leaves the checklist open.
        const done = request.event.kind === "choice" && request.event.id === DONE_CHOICE_ID;
        const ticking = pressed.multi && (!done || replies.every((r) => r.kind === "text"));
        if (ticking) {
          // The question stays open for more ticks and "done": redrawn in place when the dialog
          // re-asks it, otherwise left as it is under the dialog's acknowledgement.
          if (first && replies.length === 1 && isMultiQuestion(replies[0])) {
            await client.chat.update({ channel: request.target.channel, ts: pressed.ts, ...first });
            return;
          }
          await post(request.target, messages);
          return;
        }
        // The answered question loses its buttons, so an old question cannot be answered twice.
        const answered = answeredMessage(pressed.blocks, pressed.text, pressed.label);
        const { channel } = request.target;
        const update = () => client.chat.update({ channel, ts: pressed.ts, ...answered });
        await guarded("question update", update, "warn");
        await post(request.target, messages);
      }),
  };
}

function isMultiQuestion(reply: Reply | undefined): boolean {
  return reply?.kind === "question" && reply.multi;
}

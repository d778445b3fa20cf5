/**
 * Bolt listeners: each turns one kind of Slack input into a turn for the runner and waits for
 * it within the acknowledgement budget (`track`); Bolt answers Slack when the listener returns
 * (processBeforeResponse), so an event is acknowledged once its turn has been saved and replied
 * to, or when the budget is spent. A retry carries the event's id to the dialog service, which
 * recognises one it has applied.
 */
import type { App, BlockAction, ButtonAction, types } from "@slack/bolt";
import { CHOICE_ACTION_PREFIX, hasDoneButton } from "../../render/slack/blocks.ts";
import type { Logger } from "../logger.ts";
import { answerSharedFiles, isFileMessage, type SlackFile } from "./files.ts";
import { ActiveThreads, guessLang, isDirectChannel, plainText, type SlackTarget } from "./inbound.ts";
import type { TurnRequest, TurnRunner } from "./turns.ts";

interface ListenerDeps {
  runner: TurnRunner;
  logger: Logger;
  /** Registers work under way, so `stop` can wait for it; resolves when it is done or the
   * acknowledgement budget is spent, whichever comes first. */
  track: (work: Promise<void>) => Promise<void>;
}

/** The fields of a message or app_mention event the adapter reads. */
interface UserMessage {
  subtype?: string;
  bot_id?: string;
  user?: string;
  team?: string;
  text?: string;
  ts: string;
  thread_ts?: string;
  channel: string;
  channel_type?: string;
  files?: SlackFile[];
}

interface EventEnvelope {
  event_id?: string;
  team_id?: string;
}

export function listen(app: App, deps: ListenerDeps): void {
  const { runner, logger, track } = deps;
  const threads = new ActiveThreads();

  const onUserMessage = async (
    message: UserMessage,
    envelope: EventEnvelope,
    botUserId: string | undefined,
    where: { target: SlackTarget; isDirect: boolean },
  ) => {
    if (!isFromPerson(message, botUserId)) return;
    const team = envelope.team_id ?? message.team;
    if (!team || !message.user) return;
    const rawText = message.text ?? "";
    const text = plainText(rawText, botUserId);
    const request: TurnRequest = {
      team,
      user: message.user,
      ...where,
      rawText,
      lang: guessLang(text),
      deliveryId: envelope.event_id,
      // A bare mention picks up the conversation where it stopped, or starts one.
      event: text === "" ? { kind: "start", resume: true } : { kind: "text", text },
    };
    await runner.message(request);
  };

  app.event("message", async ({ event, body, context, client }) => {
    const message = event as unknown as UserMessage;
    const envelope = body as EventEnvelope;
    const target = { channel: message.channel, threadTs: message.thread_ts };
    if (message.channel_type === "im" && isFileMessage(message)) {
      // A shared sheet is answered with its result sheet, outside the conversation (files.ts).
      // Slack retries an event it got no quick ack for; the first delivery is already on it.
      if (isFromPerson(message, context.botUserId) && context.retryNum === undefined)
        await track(
          answerSharedFiles(client, message, logger).catch((error) =>
            logger.error("slack: sheet failed", { error }),
          ),
        );
      return;
    }
    if (message.channel_type === "im") {
      await track(onUserMessage(message, envelope, context.botUserId, { target, isDirect: true }));
      return;
    }
    // In channels: a reply in a thread the bot is talking in. A reply that mentions the bot
    // also arrives as app_mention and is answered there, once.
    if (!threads.has(target) || mentions(message.text, context.botUserId)) return;
    await track(onUserMessage(message, envelope, context.botUserId, { target, isDirect: false }));
  });

  app.event("app_mention", async ({ event, body, context }) => {
    const message = event as unknown as UserMessage;
    // Answer in the thread, starting one under the mention when it was not in a thread.
    const target = { channel: message.channel, threadTs: message.thread_ts ?? message.ts };
    if (isFromPerson(message, context.botUserId)) threads.add(target);
    const where = { target, isDirect: false };
    await track(onUserMessage(message, body as EventEnvelope, context.botUserId, where));
  });

  app.action<BlockAction<ButtonAction>>(
    { type: "block_actions", action_id: new RegExp(`^${CHOICE_ACTION_PREFIX}`) },
    async ({ ack, body, action }) => {
      await ack();
      const request = pressRequest(body, action);
      const message = body.message;
      if (!request || !message) {
        logger.warn("slack button press without its message ignored", { actionId: action.action_id });
        return;
      }
      const blocks: types.KnownBlock[] = Array.isArray(message.blocks) ? message.blocks : [];
      const pressed = {
        ts: message.ts,
        blocks,
        text: message.text ?? "",
        label: action.text.text,
        multi: hasDoneButton(blocks),
      };
      if (!request.isDirect) threads.add(request.target);
      await track(runner.press(request, pressed));
    },
  );
}

function mentions(text: string | undefined, botUserId: string | undefined): boolean {
  return botUserId !== undefined && (text ?? "").includes(`<@${botUserId}`);
}

/** Subtypes that are still a person writing: a message with a file, a thread reply sent to the channel too. */
const PERSON_SUBTYPES = new Set([undefined, "file_share", "thread_broadcast"]);

/** Messages from people only: not this bot, not other bots, not edits, joins or deletions. */
function isFromPerson(message: UserMessage, botUserId: string | undefined): boolean {
  if (!PERSON_SUBTYPES.has(message.subtype) || message.bot_id !== undefined) return false;
  return message.user !== undefined && message.user !== botUserId;
}

function pressRequest(body: BlockAction<ButtonAction>, action: ButtonAction): TurnRequest | undefined {
  const channel = body.channel?.id ?? (body.container.channel_id as string | undefined);
  const team = body.team?.id ?? body.user.team_id;
  const message = body.message;
  if (!channel || !team || !message || action.value === undefined) return undefined;
  const isDirect = isDirectChannel(channel);
  const threadTs = message.thread_ts as string | undefined;
  return {
    team,
    user: body.user.id,
    target: { channel, threadTs: isDirect ? threadTs : (threadTs ?? message.ts) },
    isDirect,
    lang: guessLang(message.text ?? ""),
    event: { kind: "choice", id: action.value },
  };
}

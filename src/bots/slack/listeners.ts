/**
 * Bolt listeners: each turns one kind of Slack input into a turn for the runner and waits for
 * it within the acknowledgement budget (`track`); Bolt answers Slack when the listener returns
 * (processBeforeResponse), so an event is acknowledged once its turn has been saved and replied
 * to, or when the budget is spent. A retry carries the event's id to the dialog service, which
 * recognises one it has applied.
 */
import type { App, BlockAction, ButtonAction, types } from "@slack/bolt";
import { slashInChannelText } from "../../render/notices.ts";
import { CHOICE_ACTION_PREFIX, hasDoneButton } from "../../render/slack/blocks.ts";
import { fromSlashCommand, SLASH_COMMAND } from "../../render/slack/commands.ts";
import type { Logger } from "../logger.ts";
import { hasSpreadsheet, isFileMessage, type SlackFile } from "./files.ts";
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

  /** The turn a person's message makes; undefined for a bot's, an edit's or one without a team. */
  const requestOf = (
    message: UserMessage,
    envelope: EventEnvelope,
    botUserId: string | undefined,
    where: { target: SlackTarget; isDirect: boolean },
  ): TurnRequest | undefined => {
    const team = envelope.team_id ?? message.team;
    if (!isFromPerson(message, botUserId) || !team || !message.user) return undefined;
    const rawText = message.text ?? "";
    const text = plainText(rawText, botUserId);
    return {
      team,
      user: message.user,
      ...where,
      rawText,
      lang: guessLang(text),
      deliveryId: envelope.event_id,
      // A bare mention picks up the conversation where it stopped, or starts one.
      event: text === "" ? { kind: "start", resume: true } : { kind: "text", text },
    };
  };

  /** A sheet goes to the file flow (files.ts) in a DM; in a channel, only a spreadsheet does (to be
   * told where to send it), and words beside other files go to the conversation as usual. A
   * retried delivery is answered again: a sheet's answer changes nothing stored, and Slack
   * retries only what it got no acknowledgement for (a crash), so at worst the result comes twice. */
  const take = async (message: UserMessage, request: TurnRequest | undefined) => {
    if (!request) return;
    const file = request.isDirect ? isFileMessage(message) : hasSpreadsheet(message);
    await track(file ? runner.file(request, message) : runner.message(request));
  };

  app.event("message", async ({ event, body, context }) => {
    const message = event as unknown as UserMessage;
    const target = { channel: message.channel, threadTs: message.thread_ts };
    const isDirect = message.channel_type === "im";
    // In channels: a reply in a thread the bot is talking in. A reply that mentions the bot
    // also arrives as app_mention and is answered there, once.
    if (!isDirect && (!threads.has(target) || mentions(message.text, context.botUserId))) return;
    await take(message, requestOf(message, body as EventEnvelope, context.botUserId, { target, isDirect }));
  });

  app.event("app_mention", async ({ event, body, context }) => {
    const message = event as unknown as UserMessage;
    // Answer in the thread, starting one under the mention when it was not in a thread.
    const target = { channel: message.channel, threadTs: message.thread_ts ?? message.ts };
    const request = requestOf(message, body as EventEnvelope, context.botUserId, { target, isDirect: false });
    if (request) threads.add(target);
    await take(message, request);
  });

  // `/advisor restart`: in a DM it drives the conversation there; a channel's conversations
  // live in threads, which a slash command cannot name, so there the user is told what works.
  app.command(SLASH_COMMAND, async ({ ack, command }) => {
    await ack();
    const target = { channel: command.channel_id };
    const text = fromSlashCommand(command.text);
    const request = { team: command.team_id, user: command.user_id, target, isDirect: true, rawText: text };
    // "restart" says nothing of the user's language: the notice is in both, the DM keeps its own.
    if (!isDirectChannel(command.channel_id))
      await track(runner.notice(request, slashInChannelText(undefined)));
    else await track(runner.message({ ...request, event: { kind: "text", text } }));
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

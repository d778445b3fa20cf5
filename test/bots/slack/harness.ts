/**
 * Runs the Slack adapter against the fake Web API, all on 127.0.0.1: the adapter's HTTP
 * handler on its own server, and Slack's side played by signed requests sent to it.
 */
import { createHmac } from "node:crypto";
import { createLimits, type Limits } from "../../../src/bots/limits.ts";
import { createLogger } from "../../../src/bots/logger.ts";
import { SLACK_EVENTS_PATH, startHttpServer } from "../../../src/bots/server.ts";
import { createSlack, type SlackAdapter } from "../../../src/bots/slack/index.ts";
import type { AdvisorService, Reply, TurnInput } from "../../../src/dialog/types.ts";
import { MemoryStore } from "../../../src/store/memory.ts";
import type { ConversationStore } from "../../../src/store/types.ts";
import { FakeSlack, type RecordedCall } from "../../support/fake-slack.ts";

export const BOT_TOKEN = "xoxb-test-0000-bot-token-never-logged";
export const SIGNING_SECRET = "test-signing-secret-never-logged";
export const TEAM = "T1";

export interface Harness {
  fake: FakeSlack;
  adapter: SlackAdapter;
  /** Where the adapter's HTTP handler listens (POST /slack/events). */
  url: string;
  /** Every JSON log line written, as text. */
  logs: string[];
  send(event: Record<string, unknown>, options?: SendOptions): Promise<Response>;
  press(
    message: PostedMessage,
    choiceId: string,
    options?: SendOptions & { user?: string },
  ): Promise<Response>;
  /** Sends `/advisor <text>` as Slack delivers a slash command (in the DM D1 unless told). */
  command(text: string, where?: { channel?: string; user?: string }): Promise<Response>;
  /** Waits until the turns started so far have posted their replies. */
  settle(): Promise<void>;
  close(): Promise<void>;
}

export interface SendOptions {
  eventId?: string;
  retryNum?: number;
  /** Request timestamp in seconds (default: now). */
  timestamp?: number;
  /** A signature to send instead of the right one. */
  signature?: string;
}

/** A message the bot posted, as the fake recorded it, with the `ts` Slack gave it. */
export interface PostedMessage {
  channel: string;
  ts: string;
  text: string;
  thread_ts?: string;
  blocks: PostedBlock[];
}

/** Block Kit JSON as posted, typed as far as the tests read it. */
export interface PostedBlock {
  type: string;
  text?: { type: string; text: string };
  elements?: Array<{
    type: string;
    value?: string;
    action_id?: string;
    text: { type: string; text: string };
  }>;
}

export async function startHarness(
  options: {
    service?: AdvisorService;
    limits?: Limits;
    /** Whose lock orders a conversation's turns (default: a fresh MemoryStore). */
    conversations?: Pick<ConversationStore, "withLock">;
    ackBudgetMs?: number;
    /** Configure the logger with the secrets to scrub (default false: prove none are passed). */
    redact?: boolean;
    fake?: FakeSlack;
  } = {},
): Promise<Harness> {
  const fake = options.fake ?? new FakeSlack({ team: TEAM });
  const apiUrl = await fake.start();
  const logs: string[] = [];
  const logger = createLogger({
    level: "debug",
    write: (line) => logs.push(line),
    secrets: options.redact ? [BOT_TOKEN, SIGNING_SECRET] : [],
  });
  const adapter = await createSlack({
    botToken: BOT_TOKEN,
    signingSecret: SIGNING_SECRET,
    apiUrl,
    service: options.service ?? new ScriptedService(),
    logger,
    limits: options.limits ?? createLimits(),
    conversations: options.conversations ?? new MemoryStore(),
    // Shorter than the 2 s default: tests that hold Slack's answers back then wait less.
    ackBudgetMs: options.ackBudgetMs ?? 500,
  });
  await adapter.start();
  const route = adapter.route;
  if (!route) throw new Error("the adapter has no HTTP route in HTTP mode");
  const routes = new Map([route]);
  const server = await startHttpServer({ port: 0, host: "127.0.0.1", routes, logger });
  const url = `http://127.0.0.1:${server.port}${SLACK_EVENTS_PATH}`;
  let eventCounter = 0;

  const post = (body: string, contentType: string, send: SendOptions = {}) => {
    const timestamp = send.timestamp ?? Math.floor(Date.now() / 1000);
    const headers: Record<string, string> = {
      "content-type": contentType,
      "x-slack-request-timestamp": String(timestamp),
      "x-slack-signature": send.signature ?? sign(SIGNING_SECRET, timestamp, body),
    };
    if (send.retryNum !== undefined) {
      headers["x-slack-retry-num"] = String(send.retryNum);
      headers["x-slack-retry-reason"] = "http_timeout";
    }
    return fetch(url, { method: "POST", headers, body });
  };

  return {
    fake,
    adapter,
    url,
    logs,
    send(event, send = {}) {
      eventCounter += 1;
      const envelope = {
        token: "legacy-verification-token",
        team_id: TEAM,
        api_app_id: "A1",
        event,
        type: "event_callback",
        event_id: send.eventId ?? `Ev${eventCounter}`,
        event_time: Math.floor(Date.now() / 1000),
        authorizations: [{ team_id: TEAM, user_id: fake.botUserId, is_bot: true }],
      };
      return post(JSON.stringify(envelope), "application/json", send);
    },
    press(message, choiceId, send = {}) {
      const button = findButton(message, choiceId);
      const payload = {
        type: "block_actions",
        team: { id: TEAM, domain: "fake" },
        user: { id: send.user ?? "U1", username: "user", team_id: TEAM },
        api_app_id: "A1",
        token: "legacy-verification-token",
        trigger_id: "trigger",
        container: {
          type: "message",
          message_ts: message.ts,
          channel_id: message.channel,
          is_ephemeral: false,
        },
        channel: { id: message.channel, name: "channel" },
        message: {
          type: "message",
          user: fake.botUserId,
          bot_id: fake.botId,
          ts: message.ts,
          text: message.text,
          blocks: message.blocks,
          ...(message.thread_ts ? { thread_ts: message.thread_ts } : {}),
        },
        response_url: "http://127.0.0.1:9/unused",
        actions: [{ ...button, block_id: "b", action_ts: String(Date.now() / 1000) }],
      };
      const body = `payload=${encodeURIComponent(JSON.stringify(payload))}`;
      return post(body, "application/x-www-form-urlencoded", send);
    },
    command(text, where = {}) {
      const fields = {
        token: "legacy-verification-token",
        team_id: TEAM,
        team_domain: "fake",
        channel_id: where.channel ?? "D1",
        channel_name: (where.channel ?? "D1").startsWith("D") ? "directmessage" : "general",
        user_id: where.user ?? "U1",
        user_name: "user",
        command: "/advisor",
        text,
        api_app_id: "A1",
        response_url: "http://127.0.0.1:9/unused",
        trigger_id: "trigger",
      };
      return post(new URLSearchParams(fields).toString(), "application/x-www-form-urlencoded");
    },
    settle: () => adapter.idle(),
    async close() {
      fake.releaseAll();
      await adapter.stop();
      await server.close();
      await fake.stop();
    },
  };
}

export function sign(secret: string, timestamp: number, body: string): string {
  return `v0=${createHmac("sha256", secret).update(`v0:${timestamp}:${body}`).digest("hex")}`;
}

/** The messages the bot posted, with the ts the fake answered. */
export function posted(fake: FakeSlack): PostedMessage[] {
  return fake.callsOf("chat.postMessage").map((call: RecordedCall) => ({
    channel: String(call.args.channel),
    ts: String(call.answer?.ts),
    text: String(call.args.text),
    thread_ts: call.args.thread_ts === undefined ? undefined : String(call.args.thread_ts),
    blocks: (call.args.blocks as PostedBlock[] | undefined) ?? [],
  }));
}

export function buttons(message: {
  blocks: PostedBlock[];
}): Array<{ value: string; label: string; action_id: string }> {
  return message.blocks
    .filter((block) => block.type === "actions")
    .flatMap((block) => block.elements ?? [])
    .map((element) => ({
      value: String(element.value),
      label: element.text.text,
      action_id: String(element.action_id),
    }));
}

function findButton(message: PostedMessage, choiceId: string) {
  for (const block of message.blocks) {
    if (block.type !== "actions") continue;
    const button = block.elements?.find((element) => element.value === choiceId);
    if (button) return button;
  }
  throw new Error(`no button for choice "${choiceId}" in the message`);
}

/** A mention of the bot in channel C9, outside any thread. */
export const MENTION = (text: string, extra: Record<string, unknown> = {}) => ({
  type: "app_mention",
  channel: "C9",
  user: "U7",
  team: TEAM,
  text,
  ts: "1700000100.000200",
  ...extra,
});

export const DM = (text: string, extra: Record<string, unknown> = {}) => ({
  type: "message",
  channel: "D1",
  channel_type: "im",
  user: "U1",
  team: TEAM,
  text,
  ts: `1700000001.${String(Math.floor(Math.random() * 1e6)).padStart(6, "0")}`,
  ...extra,
});

/**
 * A stand-in for the dialog service with a fixed script, so the adapter's tests do not
 * depend on the policy content: a one-answer question, a several-answers question, a result.
 */
export class ScriptedService implements AdvisorService {
  /** The turns applied, in order (a delivery applied already is not applied again). */
  readonly inputs: TurnInput[] = [];
  private readonly states = new Map<string, { step: number; picked: string[] }>();
  private readonly applied = new Set<string>();
  failNext = false;

  /** `redraw`: a tick re-asks the question with the picks marked; `note`: a tick is acknowledged
   * with a short text and the question stays as it was (what the real dialog does). */
  constructor(private readonly ticks: "redraw" | "note" = "redraw") {}

  async handle(input: TurnInput): Promise<Reply[]> {
    // As the real service does (src/dialog/service.ts): a repeated delivery id changes nothing.
    if (input.deliveryId && this.applied.has(input.deliveryId)) return [];
    if (input.deliveryId) this.applied.add(input.deliveryId);
    this.inputs.push(input);
    if (this.failNext) {
      this.failNext = false;
      throw new Error("dialog exploded");
    }
    const state = this.states.get(input.conversationId) ?? { step: 0, picked: [] };
    const { event } = input;
    if (state.step === 0 || event.kind === "start") {
      this.states.set(input.conversationId, { step: 1, picked: [] });
      return [{ kind: "text", text: "您好！" }, DISTRICT_QUESTION];
    }
    if (event.kind !== "choice") return [{ kind: "text", text: "请点按钮回答。" }];
    if (state.step === 1) {
      this.states.set(input.conversationId, { step: 2, picked: [] });
      return [platformQuestion([])];
    }
    if (event.id !== "done") {
      const picked = state.picked.includes(event.id)
        ? state.picked.filter((id) => id !== event.id)
        : [...state.picked, event.id];
      this.states.set(input.conversationId, { step: 2, picked });
      if (this.ticks === "note") return [{ kind: "text", text: `已选：${picked.join("、")}` }];
      return [platformQuestion(picked)];
    }
    this.states.delete(input.conversationId);
    return [
      {
        kind: "result",
        title: "评估结果",
        sections: state.picked.map((id) => ({ heading: id, body: `${id} 可申请` })),
        footer: "仅供参考",
      },
    ];
  }
}

export const DISTRICT_QUESTION: Reply = {
  kind: "question",
  text: "您的企业注册在哪个区？",
  progress: "第 1 题，约 2 题",
  choices: [
    { id: "tongzhou", label: "通州区" },
    { id: "shijingshan", label: "石景山区" },
    { id: "other", label: "其他" },
  ],
  multi: false,
};

function platformQuestion(picked: string[]): Reply {
  const mark = (id: string, label: string) => (picked.includes(id) ? `✓ ${label}` : label);
  return {
    kind: "question",
    text: "有哪些平台？（可多选）",
    choices: [
      { id: "key_lab", label: mark("key_lab", "重点实验室") },
      { id: "incubator", label: mark("incubator", "孵化器") },
    ],
    multi: true,
  };
}

/** The element at `index`, failing the test plainly when there is none. */
export function at<T>(list: readonly T[], index: number): T {
  const item = list[index];
  if (item === undefined)
    throw new Error(`expected an element at index ${index}, found ${list.length} elements`);
  return item;
}

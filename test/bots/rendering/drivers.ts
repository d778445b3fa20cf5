/**
 * One conversation driven through the real grammY bot and the real Bolt app against the fake
 * platform APIs, with the real dialog service, recording what each turn sent: the payloads of
 * the calls that put something on the user's screen (messages posted, edited, files, toasts).
 * docs/rendering/*.json and the messages-per-turn test are built from the same steps.
 */
import type { Update } from "grammy/types";
import { createLimits } from "../../../src/bots/limits.ts";
import { createAdvisorService } from "../../../src/dialog/service.ts";
import type { AdvisorService, Reply } from "../../../src/dialog/types.ts";
import { createFaqIndex } from "../../../src/faq/index.ts";
import { loadPolicySet } from "../../../src/policy/load.ts";
import { MemoryStore } from "../../../src/store/memory.ts";
import { SAMPLE_SHEET } from "../../support/sample-sheet.ts";
import { DM, startHarness as startSlack } from "../slack/harness.ts";
import { startHarness as startTelegram } from "../telegram/harness.ts";

/** What one turn put on screen. */
export interface Step {
  /** What the turn shows, for a reader: "welcome", "answer: a button", "FAQ answer"… */
  kind: string;
  /** What the user did: the text typed, the button pressed, the file sent. */
  user: string;
  /** Messages that are new in the chat (posted, not edited). */
  newMessages: number;
  calls: { method: string; payload: Record<string, unknown> }[];
}

/** A platform the script talks to: type, press a button of the open question, send a sheet. */
export interface Driver {
  platform: "telegram" | "slack";
  start(): Promise<Step>;
  type(kind: string, text: string): Promise<Step>;
  /** A command as the platform delivers it: "/help" on Telegram, "/advisor help" on Slack. */
  command(kind: string, name: string): Promise<Step>;
  /** Presses the open question's button whose label includes `label`. */
  press(kind: string, label: string): Promise<Step>;
  /** The labels of the open question's buttons. */
  buttons(): string[];
  sheet(kind: string): Promise<Step>;
  /** The replies the dialog gave on the last turn. */
  lastReplies(): Reply[];
  close(): Promise<void>;
}

/** Typed by the user in the script to play a failure of the service (a store outage). */
export const BOOM = "💥";

const set = loadPolicySet();
const faq = createFaqIndex(set);

/** The real service, noting each turn's replies, failing on BOOM. */
function service() {
  const inner = createAdvisorService({ set, store: new MemoryStore(), faq });
  const replies: Reply[][] = [];
  const wrapped: AdvisorService = {
    async handle(input) {
      if (input.event.kind === "text" && input.event.text === BOOM) throw new Error("the store is down");
      const out = await inner.handle(input);
      replies.push(out);
      return out;
    },
  };
  return { wrapped, replies };
}

const TELEGRAM_SHOWN = new Set([
  "sendMessage",
  "editMessageText",
  "editMessageReplyMarkup",
  "sendDocument",
  "answerCallbackQuery",
  "setMyCommands",
]);
const TELEGRAM_NEW = new Set(["sendMessage", "sendDocument"]);
const CHAT = 8080;

/** `lang`: the language the user's Telegram is set to (Chinese unless told). */
export async function telegramDriver(lang: "zh" | "en" = "zh"): Promise<Driver> {
  const languageCode = lang === "en" ? "en" : "zh-hans";
  const { wrapped, replies } = service();
  const h = await startTelegram({
    service: () => wrapped,
    limits: createLimits({ burst: 10_000 }),
    start: false,
  });
  const { fake } = h;
  let seen = 0;
  const take = (kind: string, user: string): Step => {
    const calls = fake.calls.slice(seen).filter((c) => TELEGRAM_SHOWN.has(c.method));
    seen = fake.calls.length;
    return {
      kind,
      user,
      newMessages: calls.filter((c) => TELEGRAM_NEW.has(c.method)).length,
      calls: calls.map((c) => ({ method: c.method, payload: telegramPayload(c.method, c.payload) })),
    };
  };
  /** Queues an update and waits until grammY has handled it: long polling takes one update at
   * a time, so its next getUpdates with a later offset says this one is done. */
  const run = async (update: Update) => {
    fake.queue(update);
    await fake.waitFor(
      () => fake.callsOf("getUpdates").some((c) => Number(c.payload.offset ?? 0) > update.update_id),
      `update ${update.update_id} handled`,
    );
  };
  const open = () =>
    fake
      .chat(CHAT)
      .filter((m) => m.buttons.length > 0)
      .at(-1);
  return {
    platform: "telegram",
    async start() {
      await h.telegram.start();
      const menu = take("command menu", "(the bot starts)");
      await run(fake.textUpdate(CHAT, "/start", { languageCode }));
      const welcome = take("welcome", "/start");
      return { ...welcome, calls: [...menu.calls, ...welcome.calls] };
    },
    async type(kind, text) {
      await run(fake.textUpdate(CHAT, text, { languageCode }));
      return take(kind, text);
    },
    async command(kind, name) {
      await run(fake.textUpdate(CHAT, `/${name}`, { languageCode }));
      return take(kind, `/${name}`);
    },
    async press(kind, label) {
      const message = open();
      const button = message?.buttons.find(([text]) => text.includes(label));
      if (!message || !button) throw new Error(`no button "${label}" on the open question`);
      await run(fake.pressUpdate(message, button[1], { languageCode }));
      return take(kind, `[${button[0]}]`);
    },
    buttons: () => (open()?.buttons ?? []).map(([label]) => label),
    async sheet(kind) {
      await run(
        fake.documentUpdate(
          CHAT,
          { name: "企业名单.csv", bytes: Buffer.from(SAMPLE_SHEET) },
          { languageCode },
        ),
      );
      return take(kind, "(sends 企业名单.csv)");
    },
    lastReplies: () => replies.at(-1) ?? [],
    close: () => h.close(),
  };
}

/** The payload as a reader needs it: a sent file as its name and text, not multipart bytes. */
function telegramPayload(method: string, payload: Record<string, unknown>): Record<string, unknown> {
  if (method !== "sendDocument") return payload;
  const document = payload.document as { name?: string; bytes?: Buffer } | undefined;
  // The multipart upload also names the file under a random attach:// key; only the fields stay.
  const { chat_id, caption } = payload;
  return { chat_id, caption, document: { name: document?.name, text: document?.bytes?.toString("utf8") } };
}

const SLACK_SHOWN = new Set([
  "chat.postMessage",
  "chat.update",
  "chat.postEphemeral",
  "files.getUploadURLExternal",
  "files.completeUploadExternal",
]);
const SLACK_NEW = new Set(["chat.postMessage", "chat.postEphemeral", "files.completeUploadExternal"]);

/** `lang`: the language the user greets the bot in (Chinese unless told). */
export async function slackDriver(lang: "zh" | "en" = "zh"): Promise<Driver> {
  const { wrapped, replies } = service();
  const h = await startSlack({ service: wrapped, limits: createLimits({ burst: 10_000 }) });
  const { fake } = h;
  let seen = 0;
  let eventTs = 1_700_000_500;
  const take = (kind: string, user: string): Step => {
    const calls = fake.calls.slice(seen).filter((c) => SLACK_SHOWN.has(c.method));
    seen = fake.calls.length;
    return {
      kind,
      user,
      newMessages: calls.filter((c) => SLACK_NEW.has(c.method)).length,
      calls: calls.map((c) => ({ method: c.method, payload: slackPayload(c.method, c.args, fake.uploads) })),
    };
  };
  /** The open question as it now stands: the last message with buttons, after its updates. */
  const open = () => {
    const messages = new Map<string, { ts: string; channel: string; text: string; blocks: unknown[] }>();
    for (const call of fake.calls) {
      if (call.method === "chat.postMessage" && call.answer?.ts) {
        const ts = String(call.answer.ts);
        messages.set(ts, {
          ts,
          channel: String(call.args.channel),
          text: String(call.args.text),
          blocks: (call.args.blocks as unknown[]) ?? [],
        });
      } else if (call.method === "chat.update") {
        const ts = String(call.args.ts);
        const old = messages.get(ts);
        if (old)
          messages.set(ts, {
            ...old,
            text: String(call.args.text),
            blocks: (call.args.blocks as unknown[]) ?? [],
          });
      }
    }
    return [...messages.values()].filter((m) => slackButtons(m.blocks).length > 0).at(-1);
  };
  const dm = async (text: string, extra: Record<string, unknown> = {}) => {
    eventTs += 1;
    await h.send(DM(text, { ts: `${eventTs}.000100`, ...extra }));
    await h.settle();
  };
  return {
    platform: "slack",
    async start() {
      const hello = lang === "en" ? "hello" : "你好";
      await dm(hello);
      return take("welcome", hello);
    },
    async type(kind, text) {
      await dm(text);
      return take(kind, text);
    },
    async command(kind, name) {
      await h.command(name);
      await h.settle();
      return take(kind, `/advisor ${name}`);
    },
    async press(kind, label) {
      const message = open();
      const button = message && slackButtons(message.blocks).find((b) => b.label.includes(label));
      if (!message || !button) throw new Error(`no button "${label}" on the open question`);
      await h.press(message as never, button.value);
      await h.settle();
      return take(kind, `[${button.label}]`);
    },
    buttons: () => slackButtons(open()?.blocks ?? []).map((b) => b.label),
    async sheet(kind) {
      const file = fake.shareFile("企业名单.csv", Buffer.from(SAMPLE_SHEET));
      await dm("", { subtype: "file_share", files: [file] });
      return take(kind, "(shares 企业名单.csv)");
    },
    lastReplies: () => replies.at(-1) ?? [],
    close: () => h.close(),
  };
}

function slackButtons(blocks: unknown[]): { label: string; value: string }[] {
  return (
    blocks as { type: string; elements?: { type: string; value?: string; text?: { text: string } }[] }[]
  )
    .filter((b) => b.type === "actions")
    .flatMap((b) => b.elements ?? [])
    .filter((e) => e.type === "button")
    .map((e) => ({ label: e.text?.text ?? "", value: String(e.value) }));
}

/** The call's arguments without the token; an upload with the file's name and text. */
function slackPayload(
  method: string,
  args: Record<string, unknown>,
  uploads: { id: string; bytes?: Buffer }[],
): Record<string, unknown> {
  const { token: _token, ...rest } = args;
  if (method !== "files.completeUploadExternal") return rest;
  const files = (typeof rest.files === "string" ? JSON.parse(rest.files) : rest.files) as { id: string }[];
  // The upload's multipart body, less its random boundary and part headers: the file itself.
  const texts = files.map((f) => {
    const body = uploads.find((u) => u.id === f.id)?.bytes?.toString("utf8") ?? "";
    const start = body.indexOf("\r\n\r\n");
    const end = body.lastIndexOf("\r\n--");
    return start >= 0 && end > start ? body.slice(start + 4, end) : body;
  });
  return { ...rest, uploaded: texts };
}

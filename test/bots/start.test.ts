/** Both bots at once: one HTTP server, one service and one store behind Telegram and Slack. */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { loadSettings } from "../../src/bots/config.ts";
import { createLogger } from "../../src/bots/logger.ts";
import { type RunningBots, startBots } from "../../src/bots/start.ts";
import { MemoryStore } from "../../src/store/memory.ts";
import { FakeSlack } from "../support/fake-slack.ts";
import { type FakeTelegram, startFakeTelegram } from "../support/fake-telegram.ts";
import { DM, sign } from "./slack/harness.ts";
import { type ScriptedService, scriptedService } from "./telegram/scripted-service.ts";

const TG_SECRET = "tg_secret_both";
const SLACK_TOKEN = "xoxb-both-bots-token";
const SLACK_SECRET = "slack-signing-secret-both";

let telegram: FakeTelegram;
let slack: FakeSlack;
let bots: RunningBots;
let service: ScriptedService;
const logs: string[] = [];

beforeEach(async () => {
  telegram = await startFakeTelegram();
  slack = new FakeSlack();
  const slackApi = await slack.start();
  const settings = loadSettings({
    TELEGRAM_BOT_TOKEN: telegram.token,
    TELEGRAM_API_ROOT: telegram.apiRoot,
    TELEGRAM_WEBHOOK_URL: "https://bots.example.cn/telegram",
    TELEGRAM_WEBHOOK_SECRET: TG_SECRET,
    SLACK_BOT_TOKEN: SLACK_TOKEN,
    SLACK_SIGNING_SECRET: SLACK_SECRET,
    SLACK_API_URL: slackApi,
    PORT: "0",
    HOST: "127.0.0.1",
  });
  const store = new MemoryStore();
  service = scriptedService(store);
  const logger = createLogger({ secrets: settings.secrets, level: "debug", write: (l) => logs.push(l) });
  bots = await startBots(settings, { service, store, logger });
});

afterEach(async () => {
  await bots.stop();
  await telegram.close();
  await slack.stop();
});

const url = (path: string) => `http://127.0.0.1:${bots.port}${path}`;

function slackEvent(text: string, signature?: string) {
  const body = JSON.stringify({
    token: "legacy",
    team_id: "T1",
    api_app_id: "A1",
    type: "event_callback",
    event_id: `Ev${Math.random()}`,
    event_time: Math.floor(Date.now() / 1000),
    event: DM(text),
    authorizations: [{ team_id: "T1", user_id: slack.botUserId, is_bot: true }],
  });
  const timestamp = Math.floor(Date.now() / 1000);
  return fetch(url("/slack/events"), {
    method: "POST",
    headers: {
      "content-type": "application/json",
      "x-slack-request-timestamp": String(timestamp),
      "x-slack-signature": signature ?? sign(SLACK_SECRET, timestamp, body),
    },
    body,
  });
}

describe("Telegram and Slack together", () => {
  it("serves both on one port, each at its own path, behind the one service", async () => {
    expect(bots.adapters).toEqual(["telegram (webhook)", "slack (http)"]);

    const update = telegram.textUpdate(5, "/start");
    const tg = await fetch(url("/telegram"), {
      method: "POST",
      headers: { "content-type": "application/json", "x-telegram-bot-api-secret-token": TG_SECRET },
      body: JSON.stringify(update),
    });
    expect(tg.status).toBe(200);
    expect((await slackEvent("通州")).status).toBe(200);

    await telegram.waitFor(() => telegram.chat(5).length === 2, "the Telegram reply");
    await slack.waitForCalls("chat.postMessage", 1);
    const channels = service.turns.map((t) => `${t.channel} ${t.conversationId.split(":")[0]}`).sort();
    expect(channels).toEqual(["slack slack", "telegram telegram"]);
  });

  it("leaves each path's own check in force: forged requests to either are refused", async () => {
    expect((await slackEvent("你好", "v0=forged")).status).toBe(401);
    const tg = await fetch(url("/telegram"), {
      method: "POST",
      body: JSON.stringify(telegram.textUpdate(5, "hi")),
    });
    expect(tg.status).toBe(401);
    expect(service.turns).toEqual([]);
    expect(logs.join("")).not.toContain(SLACK_TOKEN);
    expect(logs.join("")).not.toContain(SLACK_SECRET);
  });
});

import { request } from "node:http";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { loadSettings } from "../../../src/bots/config.ts";
import { createLogger } from "../../../src/bots/logger.ts";
import { type RunningBots, startBots } from "../../../src/bots/start.ts";
import { MemoryStore } from "../../../src/store/memory.ts";
import { type FakeTelegram, startFakeTelegram } from "../../support/fake-telegram.ts";
import { type ScriptedService, scriptedService } from "./scripted-service.ts";

const SECRET = "webhook_secret-123";
const PATH = "/telegram/hook-7f3a";
const CHAT = 7;

let fake: FakeTelegram;
let bots: RunningBots;
let service: ScriptedService;
const logs: string[] = [];

beforeEach(async () => {
  fake = await startFakeTelegram();
  const settings = loadSettings({
    TELEGRAM_BOT_TOKEN: fake.token,
    TELEGRAM_API_ROOT: fake.apiRoot,
    TELEGRAM_WEBHOOK_URL: `https://bot.example.cn${PATH}`,
    TELEGRAM_WEBHOOK_SECRET: SECRET,
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
  await fake.close();
});

/** Sends one request to our server on loopback and returns the status. */
function post(
  body: string,
  headers: Record<string, string> = {},
  options: { path?: string; method?: string } = {},
) {
  return new Promise<number>((resolve, reject) => {
    const req = request(
      {
        host: "127.0.0.1",
        port: bots.port,
        path: options.path ?? PATH,
        method: options.method ?? "POST",
        headers: { "content-type": "application/json", ...headers },
      },
      (res) => {
        res.resume();
        res.on("end", () => resolve(res.statusCode ?? 0));
      },
    );
    req.on("error", reject);
    req.end(body);
  });
}

const withSecret = (secret: string) => ({ "x-telegram-bot-api-secret-token": secret });

describe("Telegram webhook on the shared server", () => {
  it("sets the webhook with its secret and the update types it handles", () => {
    const [call] = fake.callsOf("setWebhook");
    expect(call?.payload).toMatchObject({
      url: `https://bot.example.cn${PATH}`,
      secret_token: SECRET,
      allowed_updates: ["message", "callback_query"],
    });
    // Webhook mode never polls: the two would steal each other's updates.
    expect(fake.callsOf("getUpdates")).toEqual([]);
  });

  it("handles updates carrying the secret, through a whole exchange", async () => {
    expect(await post(JSON.stringify(fake.textUpdate(CHAT, "/start")), withSecret(SECRET))).toBe(200);
    await fake.waitFor(() => fake.chat(CHAT).length === 2, "the first question");
    const question = fake.chat(CHAT)[1];
    if (!question) throw new Error("no question");
    expect(await post(JSON.stringify(fake.pressUpdate(question, "other")), withSecret(SECRET))).toBe(200);
    await fake.waitFor(() => fake.chat(CHAT).length === 3, "the next question");
    expect(fake.callsOf("answerCallbackQuery")).toHaveLength(1);
    expect(service.turns.map((t) => t.event.kind)).toEqual(["start", "choice"]);
  });

  it("refuses updates with a wrong or missing secret with 401 and handles none of them", async () => {
    const forged = JSON.stringify(fake.textUpdate(CHAT, "/start"));
    expect(await post(forged, withSecret("guessed_secret"))).toBe(401);
    expect(await post(forged)).toBe(401);
    expect(await post(forged, withSecret(`${SECRET}x`))).toBe(401);
    // A genuine update afterwards is the only one handled.
    expect(await post(JSON.stringify(fake.textUpdate(CHAT, "通州")), withSecret(SECRET))).toBe(200);
    await fake.waitFor(() => service.turns.length === 1 && fake.chat(CHAT).length > 0, "the genuine update");
    expect(service.turns.map((t) => t.event)).toEqual([{ kind: "text", text: "通州" }]);
    expect(logs.join("")).not.toContain(SECRET);
  });

  it("refuses a body that is not JSON, and other methods and paths, changing nothing", async () => {
    expect(await post("{not json", withSecret(SECRET))).toBe(400);
    expect(await post("", {}, { method: "GET" })).toBe(405);
    expect(await post("{}", withSecret(SECRET), { path: "/elsewhere" })).toBe(404);
    expect(await post("", {}, { path: "/healthz", method: "GET" })).toBe(200);
    expect(service.turns).toEqual([]);
    expect(fake.callsOf("sendMessage")).toEqual([]);
  });

  it("refuses a body too large to be an update without reading it", async () => {
    const huge = JSON.stringify({ update_id: 1, padding: "x".repeat(1_100_000) });
    expect(await post(huge, withSecret(SECRET))).toBe(413);
    expect(service.turns).toEqual([]);
  });

  it("while stopping, finishes the turn under way and turns new deliveries away for Telegram to retry", async () => {
    const release = fake.holdNext("sendMessage");
    const first = post(JSON.stringify(fake.textUpdate(CHAT, "/start")), withSecret(SECRET));
    await fake.waitForCall((c) => c.method === "sendMessage", "the welcome being sent");
    const stopped = bots.stop();
    // 503, not 200: Telegram keeps the update and delivers it again later.
    expect(await post(JSON.stringify(fake.textUpdate(CHAT, "通州")), withSecret(SECRET))).toBe(503);
    release();
    // The turn under way ends, and only then is Telegram told its update arrived.
    expect(await first).toBe(200);
    await stopped;
    expect(fake.chat(CHAT)).toHaveLength(2);
    expect(service.turns.map((t) => t.event.kind)).toEqual(["start"]);
  });
});

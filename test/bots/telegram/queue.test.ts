/**
 * Taking an update: the webhook answers once the update is kept, before its turn runs; a
 * crash after that answer loses nothing; an update that could not be kept is refused so
 * Telegram sends it again.
 */
import { mkdtemp, rm } from "node:fs/promises";
import { createServer, request, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Update } from "grammy/types";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createLimits } from "../../../src/bots/limits.ts";
import { createLogger } from "../../../src/bots/logger.ts";
import { createTelegram, type TelegramAdapter } from "../../../src/bots/telegram/index.ts";
import { BacklogFullError, createUpdateQueue } from "../../../src/bots/telegram/queue.ts";
import { FileStore } from "../../../src/store/file.ts";
import { MemoryStore } from "../../../src/store/memory.ts";
import type { ConversationStore } from "../../../src/store/types.ts";
import { type FakeTelegram, startFakeTelegram } from "../../support/fake-telegram.ts";
import { type ScriptedService, scriptedService } from "./scripted-service.ts";

const SECRET = "queue-test-secret";
const PATH = "/telegram/hook";
const CHAT = 31;

let fake: FakeTelegram;
let dir: string;
const servers: Server[] = [];
const logs: string[] = [];

beforeEach(async () => {
  fake = await startFakeTelegram();
  dir = await mkdtemp(join(tmpdir(), "advisor-queue-"));
});

afterEach(async () => {
  for (const server of servers.splice(0)) {
    server.closeAllConnections();
    server.close();
  }
  await fake.close();
  await rm(dir, { recursive: true, force: true });
});

/** The real adapter in webhook mode, mounted on its own loopback server. */
async function webhookBot(store: ConversationStore, service: ScriptedService) {
  const logger = createLogger({ secrets: [fake.token, SECRET], level: "debug", write: (l) => logs.push(l) });
  const telegram = createTelegram({
    token: fake.token,
    apiRoot: fake.apiRoot,
    webhook: { url: `https://bot.example.cn${PATH}`, path: PATH, secret: SECRET },
    service,
    store,
    logger,
    limits: createLimits(),
  });
  await telegram.start();
  const server = createServer((req, res) => telegram.webhook?.handler(req, res));
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.address() as AddressInfo).port;
  return { telegram, server, post: (update: Update) => post(port, update) };
}

function post(port: number, update: Update): Promise<number> {
  const body = JSON.stringify(update);
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: "127.0.0.1",
        port,
        path: PATH,
        method: "POST",
        headers: { "content-type": "application/json", "x-telegram-bot-api-secret-token": SECRET },
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

/** For the queue on its own: only errors would be written, and nowhere. */
const quiet = createLogger({ secrets: [], level: "error", write: () => {} });

const sentTo = (chatId: number) =>
  fake.calls.filter((c) => c.method === "sendMessage" && Number(c.payload.chat_id) === chatId).length;

describe("Telegram updates kept before their turn", () => {
  let telegram: TelegramAdapter | undefined;

  afterEach(async () => {
    await telegram?.stop();
    telegram = undefined;
  });

  it("answers the webhook once the update is kept, while its turn is still held back, then runs it", async () => {
    const store = new MemoryStore();
    const service = scriptedService(store);
    let release!: () => void;
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    service.beforeTurn = () => held;
    const bot = await webhookBot(store, service);
    telegram = bot.telegram;

    expect(await bot.post(fake.textUpdate(CHAT, "/start"))).toBe(200);
    expect(service.turns).toHaveLength(1);
    expect(sentTo(CHAT)).toBe(0);

    release();
    await fake.waitFor(() => sentTo(CHAT) === 2, "the welcome and the first question");
    expect(await store.orphanedDeliveries("telegram")).toEqual([]);
  });

  it("after a crash, runs the updates it had answered 200 for but not handled, once", async () => {
    const first = await FileStore.open(dir);
    const doomed = scriptedService(first);
    doomed.beforeTurn = () => new Promise(() => {}); // the process dies during this turn
    const crashed = await webhookBot(first, doomed);
    expect(await crashed.post(fake.textUpdate(CHAT, "/start"))).toBe(200);
    expect(await crashed.post(fake.textUpdate(CHAT + 1, "/start"))).toBe(200);
    // kill -9: no stop, no close; the server is gone and nothing more is written.
    crashed.server.closeAllConnections();
    crashed.server.close();

    const restarted = await FileStore.open(dir);
    const service = scriptedService(restarted);
    const bot = await webhookBot(restarted, service);
    telegram = bot.telegram;
    await fake.waitFor(() => sentTo(CHAT) === 2 && sentTo(CHAT + 1) === 2, "both welcomes after the restart");
    expect(service.turns.map((t) => [t.conversationId, t.event.kind])).toEqual([
      ["telegram:31", "start"],
      ["telegram:32", "start"],
    ]);
    await telegram.stop();
    telegram = undefined;
    await restarted.close();

    const again = await FileStore.open(dir);
    expect(await again.orphanedDeliveries("telegram")).toEqual([]);
    await again.close();
  });

  it("refuses with 503 an update the store could not keep, changing nothing, and handles the resend", async () => {
    const store = new MemoryStore();
    let failures = 1;
    const keep = store.keepDelivery.bind(store);
    store.keepDelivery = async (...args) => {
      if (failures-- > 0) throw new Error("disk full");
      return keep(...args);
    };
    const service = scriptedService(store);
    const bot = await webhookBot(store, service);
    telegram = bot.telegram;
    const update = fake.textUpdate(CHAT, "/start");

    expect(await bot.post(update)).toBe(503);
    expect(service.turns).toHaveLength(0);
    expect(await store.load("telegram:31")).toBeUndefined();

    expect(await bot.post(update)).toBe(200);
    await fake.waitFor(() => sentTo(CHAT) === 2, "the welcome after the resend");
    expect(service.turns).toHaveLength(1);
  });

  it("does not run a copy delivered while the first is still waiting", async () => {
    const store = new MemoryStore();
    const service = scriptedService(store);
    let release!: () => void;
    service.beforeTurn = () =>
      new Promise<void>((resolve) => {
        release = resolve;
      });
    const bot = await webhookBot(store, service);
    telegram = bot.telegram;
    const update = fake.textUpdate(CHAT, "/start");
    expect(await bot.post(update)).toBe(200);
    expect(await bot.post(update)).toBe(200);
    release();
    await fake.waitFor(() => sentTo(CHAT) === 2, "the welcome");
    await telegram.stop();
    telegram = undefined;
    expect(service.turns).toHaveLength(1);
  });
});

describe("the update queue's backlog", () => {
  it("makes a new update wait while the backlog is full, and refuses it if no room comes in time", async () => {
    const store = new MemoryStore();
    const releases: (() => void)[] = [];
    const handled: number[] = [];
    const queue = createUpdateQueue({
      store,
      logger: quiet,
      maxBacklog: 2,
      roomWaitMs: 50,
      handle: async (update) => {
        await new Promise<void>((resolve) => releases.push(resolve));
        handled.push(update.update_id);
      },
    });
    const fakeUpdate = (chatId: number) => fake.textUpdate(chatId, "通州");
    await queue.take(fakeUpdate(1));
    await queue.take(fakeUpdate(2));
    expect(queue.backlog).toBe(2);

    const refused = fakeUpdate(3);
    await expect(queue.take(refused)).rejects.toBeInstanceOf(BacklogFullError);
    // Refused means not kept: Telegram's resend is taken as new.
    expect(await store.keepDelivery("telegram", String(refused.update_id), refused)).toBe(true);
    await store.settleDelivery("telegram", String(refused.update_id));

    const waiting = queue.take(fakeUpdate(4));
    releases.shift()?.();
    await waiting;
    expect(queue.backlog).toBe(2);
    for (const release of releases.splice(0)) release();
    await new Promise((resolve) => setTimeout(resolve, 10));
    for (const release of releases.splice(0)) release();
    await queue.drain();
    expect(handled).toHaveLength(3);
    expect(queue.backlog).toBe(0);
  });
});

describe("the update queue's turns", () => {
  it("runs at most maxConcurrentTurns turns at once across chats, and each chat's in order", async () => {
    const store = new MemoryStore();
    let running = 0;
    let most = 0;
    const order = new Map<number, string[]>();
    const queue = createUpdateQueue({
      store,
      logger: quiet,
      maxConcurrentTurns: 3,
      handle: async (update) => {
        running++;
        most = Math.max(most, running);
        await new Promise((resolve) => setTimeout(resolve, 2));
        const chatId = update.message?.chat.id ?? 0;
        order.set(chatId, [...(order.get(chatId) ?? []), update.message?.text ?? ""]);
        running--;
      },
    });
    for (let step = 0; step < 4; step++)
      for (let chat = 1; chat <= 6; chat++) await queue.take(fake.textUpdate(chat, `step ${step}`));
    await queue.drain();
    expect(most).toBe(3);
    for (let chat = 1; chat <= 6; chat++)
      expect(order.get(chat)).toEqual(["step 0", "step 1", "step 2", "step 3"]);
  });
});

describe("the update queue across instances", () => {
  it("runs a chat's update only once the store says no earlier one of that chat is waiting elsewhere", async () => {
    const store = new MemoryStore();
    let letThrough!: (ok: boolean) => void;
    const asked: { id: string; queue: string; position: number }[] = [];
    store.awaitEarlierDeliveries = (_namespace, id, place) => {
      asked.push({ id, ...place });
      return new Promise((resolve) => {
        letThrough = resolve;
      });
    };
    const handled: number[] = [];
    const queue = createUpdateQueue({
      store,
      logger: quiet,
      handle: async (update) => {
        handled.push(update.update_id);
      },
    });
    const update = fake.textUpdate(77, "通州");
    await queue.take(update);
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(handled).toEqual([]);
    expect(asked).toEqual([{ id: String(update.update_id), queue: "77", position: update.update_id }]);
    letThrough(false); // gave up waiting: the turn runs anyway
    await queue.drain();
    expect(handled).toEqual([update.update_id]);
  });
});

describe("long polling", () => {
  it("does not confirm an update to Telegram before it is kept, and runs it after a crash", async () => {
    const logger = createLogger({ secrets: [fake.token], level: "error", write: () => {} });
    const polling = (store: ConversationStore, service: ScriptedService) =>
      createTelegram({
        token: fake.token,
        apiRoot: fake.apiRoot,
        service,
        store,
        logger,
        limits: createLimits(),
      });

    const first = await FileStore.open(dir);
    const doomed = scriptedService(first);
    doomed.beforeTurn = () => new Promise(() => {}); // the process dies during this turn
    const crashed = polling(first, doomed);
    await crashed.start();
    const update = fake.textUpdate(CHAT, "/start");
    fake.queue(update);
    // Confirmed: grammY asks for the updates after it.
    await fake.waitForCall(
      (c) => c.method === "getUpdates" && Number(c.payload.offset) > update.update_id,
      "the update confirmed",
    );
    expect(doomed.turns).toHaveLength(1);
    // The crash: polling ends (stop() would wait for the held turn; nothing more is written).
    void crashed.stop();

    const restarted = await FileStore.open(dir);
    const service = scriptedService(restarted);
    const telegram = polling(restarted, service);
    await telegram.start();
    await fake.waitFor(() => sentTo(CHAT) === 2, "the welcome after the restart");
    expect(service.turns.map((t) => t.event.kind)).toEqual(["start"]);
    await telegram.stop();
    await restarted.close();
  });
});

describe("stopping with a backlog", () => {
  it("lets queued turns run for the grace period, then finishes the one under way and keeps the rest", async () => {
    const store = new MemoryStore();
    let release!: () => void;
    const handled: number[] = [];
    const queue = createUpdateQueue({
      store,
      logger: quiet,
      handle: async (update) => {
        await new Promise<void>((resolve) => {
          release = resolve;
        });
        handled.push(update.update_id);
      },
    });
    const updates = ["/start", "通州", "企业"].map((text) => fake.textUpdate(CHAT, text));
    for (const update of updates) await queue.take(update);

    const closed = queue.close(50);
    await new Promise((resolve) => setTimeout(resolve, 80));
    release(); // the turn under way finishes; the grace is over, so no other starts
    await closed;
    expect(handled).toEqual([updates[0]?.update_id]);
    // The first is settled; the other two are still kept (a copy is not kept twice).
    const keptAgain = await Promise.all(
      updates.map((update) => store.keepDelivery("telegram", String(update.update_id), update)),
    );
    expect(keptAgain).toEqual([true, false, false]);
  });

  it("runs the whole backlog when it fits in the grace period", async () => {
    const store = new MemoryStore();
    const handled: number[] = [];
    const queue = createUpdateQueue({
      store,
      logger: quiet,
      handle: async (update) => {
        handled.push(update.update_id);
      },
    });
    for (const text of ["/start", "通州", "企业"]) await queue.take(fake.textUpdate(CHAT, text));
    await queue.close(1_000);
    expect(handled).toHaveLength(3);
  });
});

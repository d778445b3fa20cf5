/** Wires the real Telegram adapter to the fake Bot API, a store and a dialog service; in webhook
 * mode its handler listens on a loopback port and `post` plays Telegram's delivery. */
import { request } from "node:http";
import type { Update } from "grammy/types";
import { createLimits, type Limits } from "../../../src/bots/limits.ts";
import { createLogger } from "../../../src/bots/logger.ts";
import { startHttpServer } from "../../../src/bots/server.ts";
import type { Adapter } from "../../../src/bots/start.ts";
import { createTelegram } from "../../../src/bots/telegram/index.ts";
import type { AdvisorService } from "../../../src/dialog/types.ts";
import { MemoryStore } from "../../../src/store/memory.ts";
import type { Store } from "../../../src/store/types.ts";
import { type FakeTelegram, startFakeTelegram } from "../../support/fake-telegram.ts";
import { type ScriptedService, scriptedService } from "./scripted-service.ts";

export interface Harness<S extends AdvisorService = ScriptedService> {
  fake: FakeTelegram;
  telegram: Adapter;
  service: S;
  store: Store;
  /** Every log line the adapter wrote. */
  logs: string[];
  /** Webhook mode: POSTs an update with the secret, as Telegram does; resolves with the status. */
  post(update: Update): Promise<number>;
  /** Stops the adapter (if still running) and the fake. */
  close(): Promise<void>;
}

export interface HarnessOptions<S extends AdvisorService> {
  fake?: FakeTelegram;
  store?: Store;
  service?: (store: Store) => S;
  limits?: Limits;
  webhook?: { url: string; path: string; secret: string };
  start?: boolean;
}

export async function startHarness<S extends AdvisorService = ScriptedService>(
  options: HarnessOptions<S> = {},
): Promise<Harness<S>> {
  const fake = options.fake ?? (await startFakeTelegram());
  const store = options.store ?? new MemoryStore();
  const service = options.service ? options.service(store) : (scriptedService(store) as unknown as S);
  const logs: string[] = [];
  const logger = createLogger({
    secrets: [fake.token, options.webhook?.secret],
    level: "debug",
    write: (l) => logs.push(l),
  });
  const telegram = createTelegram({
    token: fake.token,
    apiRoot: fake.apiRoot,
    webhook: options.webhook,
    service,
    conversations: store,
    logger,
    limits: options.limits ?? createLimits(),
  });
  if (options.start !== false) await telegram.start();
  const server =
    telegram.route &&
    (await startHttpServer({
      port: 0,
      host: "127.0.0.1",
      routes: new Map([telegram.route]),
      logger,
    }));
  let stopped = false;
  return {
    fake,
    telegram,
    service,
    store,
    logs,
    post(update) {
      if (!server) throw new Error("post() needs the harness in webhook mode");
      return postUpdate(server.port, options.webhook, update);
    },
    async close() {
      if (!stopped) await telegram.stop();
      stopped = true;
      await server?.close();
      if (!options.fake) await fake.close();
    },
  };
}

/** The item at `index`, failing the test with a message when there is none. */
export function nth<T>(list: readonly T[], index: number): T {
  const item = list[index];
  if (item === undefined) throw new Error(`expected an item at ${index}, found ${list.length} items`);
  return item;
}

export const WEBHOOK = { url: "https://bot.example.cn/hook", path: "/hook", secret: "harness_secret-1" };

function postUpdate(port: number, webhook: HarnessOptions<AdvisorService>["webhook"], update: Update) {
  const body = JSON.stringify(update);
  return new Promise<number>((resolve, reject) => {
    const req = request(
      {
        host: "127.0.0.1",
        port,
        path: webhook?.path,
        method: "POST",
        headers: {
          "content-type": "application/json",
          "x-telegram-bot-api-secret-token": webhook?.secret ?? "",
        },
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

/**
 * Starts every bot whose settings are present, behind one dialog service and one store,
 * with one HTTP server for whatever needs it (the Telegram webhook, Slack's HTTP events).
 * Stopping takes no more updates, lets the turns under way finish, then closes the server.
 */
import type { AdvisorService } from "../dialog/types.ts";
import type { ConversationStore } from "../store/types.ts";
import type { Settings } from "./config.ts";
import { createLimits, type Limits } from "./limits.ts";
import type { Logger } from "./logger.ts";
import { type HttpRoute, type SharedServer, startHttpServer } from "./server.ts";

export interface BotDeps {
  service: AdvisorService;
  /** Whose per-conversation lock every adapter holds around a turn; the caller closes it after `stop`. */
  store: Pick<ConversationStore, "withLock">;
  logger: Logger;
  limits?: Limits;
}

/** What start.ts runs: a bot adapter, with the route it serves on the shared server, if any. */
export interface Adapter {
  /** e.g. "telegram (webhook)", "slack (socket mode)". */
  name: string;
  route?: [path: string, route: HttpRoute];
  /** Connects (checks the token), then takes updates. */
  start(): Promise<void>;
  /** Takes no more updates and resolves once the turns under way are over. */
  stop(): Promise<void>;
}

/** What every adapter is given. */
export interface AdapterDeps {
  service: AdvisorService;
  /** Holds a conversation's lock around its whole turn, replies included, in this process or
   * (Redis) any instance. */
  conversations: Pick<ConversationStore, "withLock">;
  logger: Logger;
  limits: Limits;
}

export interface RunningBots {
  /** Names of the adapters running, e.g. ["telegram (webhook)", "slack (http)"]. */
  adapters: string[];
  /** The HTTP server's port, when one was needed. */
  port?: number;
  stop(): Promise<void>;
}

export const hasBots = (settings: Settings) => Boolean(settings.telegram || settings.slack);

export async function startBots(settings: Settings, deps: BotDeps): Promise<RunningBots> {
  const { logger } = deps;
  const limits = deps.limits ?? createLimits();
  const adapters = await createAdapters(settings, { ...deps, limits });
  // Paths differ: config.ts keeps the Telegram webhook off the paths the server serves itself.
  const routes = new Map(adapters.flatMap(({ route }) => (route ? [route] : [])));

  // The server listens before the adapters start, so the first webhook delivery finds it.
  const server =
    routes.size > 0
      ? await startHttpServer({ port: settings.port, host: settings.host, routes, logger })
      : undefined;
  const started: Adapter[] = [];
  let stopped: Promise<void> | undefined;
  const stop = () => {
    stopped ??= stopAll(started, server, logger);
    return stopped;
  };
  try {
    for (const adapter of adapters) {
      await adapter.start();
      started.push(adapter);
    }
  } catch (error) {
    await stop();
    throw error;
  }
  logger.info("bots running", { adapters: adapters.map((a) => a.name), port: server?.port });
  return { adapters: adapters.map((a) => a.name), port: server?.port, stop };
}

async function createAdapters(settings: Settings, deps: BotDeps & { limits: Limits }): Promise<Adapter[]> {
  const { service, store, logger, limits } = deps;
  const common = { service, conversations: store, logger, limits };
  const adapters: Adapter[] = [];
  if (settings.telegram) {
    // Loaded only when configured, so a Slack-only deployment does not load grammY, and back.
    const { createTelegram } = await import("./telegram/index.ts");
    adapters.push(createTelegram({ ...settings.telegram, ...common }));
  }
  if (settings.slack) {
    const { createSlack } = await import("./slack/index.ts");
    adapters.push(await createSlack({ ...settings.slack, ...common }));
  }
  return adapters;
}

/** Adapters first (no new updates, turns under way finish), then the server they were mounted on. */
async function stopAll(adapters: Adapter[], server: SharedServer | undefined, logger: Logger) {
  const results = await Promise.allSettled(adapters.map((adapter) => adapter.stop()));
  results.forEach((result, i) => {
    if (result.status === "rejected")
      logger.error("could not stop cleanly", { adapter: adapters[i]?.name, error: result.reason });
  });
  await server?.close();
}

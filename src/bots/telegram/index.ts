/**
 * The Telegram adapter: a grammY bot that takes updates by long polling, or by webhook when
 * a webhook URL is configured, keeps each in the store and queues its turn (queue.ts), which
 * hands it to the dialog service. Updates of one chat are handled in the order they arrive
 * and never at the same time; different chats do not wait for each other.
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import { Bot, BotError, GrammyError, webhookCallback } from "grammy";
import type { AdvisorService, Lang } from "../../dialog/types.ts";
import type { ConversationStore } from "../../store/types.ts";
import type { TelegramSettings } from "../config.ts";
import type { Limits } from "../limits.ts";
import type { Logger } from "../logger.ts";
import { ALLOWED_UPDATES, readUpdate } from "./inbound.ts";
import { createUpdateQueue, type QueueStore } from "./queue.ts";
import { retryAfterFloodControl } from "./retry.ts";
import { COMMANDS } from "./texts.ts";
import { createTurnHandler } from "./turn.ts";

export interface TelegramOptions extends TelegramSettings {
  service: AdvisorService;
  /** Updates are kept here until handled, and their ids recorded, so a redelivery is skipped
   * even by another instance. */
  store: Pick<ConversationStore, "markSeen"> & QueueStore;
  logger: Logger;
  limits: Limits;
  /** Updates taken and not yet handled at most (default 10,000); see queue.ts. */
  maxBacklog?: number;
}

export type HttpHandler = (req: IncomingMessage, res: ServerResponse) => void;

export interface TelegramAdapter {
  /** Webhook mode only: the handler to mount for POST requests at `path`. */
  webhook?: { path: string; handler: HttpHandler };
  /** Connects (checks the token), registers the command menu, then polls or sets the webhook. */
  start(): Promise<void>;
  /** Takes no more updates, lets the queued ones run for a few seconds, and resolves once the
   * turns under way are over; the rest stay kept for the next start. */
  stop(): Promise<void>;
}

/** Updates are small; a body beyond this is not from Telegram. */
const MAX_WEBHOOK_BODY_BYTES = 1_000_000;
/** How long stopping lets queued turns run before leaving the rest kept for the next start:
 * well inside the 10 s a container runtime gives between SIGTERM and SIGKILL. */
const STOP_GRACE_MS = 5_000;
/** How often updates kept by an instance that died (Redis) are looked for. */
const ADOPT_EVERY_MS = 10_000;

/** Telegram refused the configured token or webhook: the operator must fix a setting. */
export class TelegramSetupError extends Error {
  override readonly name = "TelegramSetupError";
}

export function createTelegram(options: TelegramOptions): TelegramAdapter {
  const { logger, webhook } = options;
  const bot = new Bot(options.token, { client: { apiRoot: options.apiRoot } });
  const shutdown = new AbortController();
  bot.api.config.use(retryAfterFloodControl({ logger, signal: shutdown.signal }));

  const handleUpdate = createTurnHandler({ ...options, api: bot.api });
  const queue = createUpdateQueue({
    store: options.store,
    logger,
    maxBacklog: options.maxBacklog,
    roomWaitMs: webhook ? undefined : Number.POSITIVE_INFINITY,
    handle: (update) => handleUpdate(update.update_id, readUpdate(update)),
  });
  const acknowledgements = new Set<Promise<unknown>>();
  /** Webhook requests being read: their updates are not queued yet, but must be before stopping. */
  const requests = new Set<Promise<void>>();
  let adoption: NodeJS.Timeout | undefined;
  let stopping = false;

  // The only middleware: it keeps the update and queues its turn. Telegram is answered (the
  // webhook's 200, or the next getUpdates confirming it) once the update is kept, not when its
  // turn is done: kept, it survives a crash, and Telegram need not wait for the dialog.
  bot.use(async (ctx) => {
    const query = ctx.update.callback_query;
    if (query) {
      // Answered at once, before the queue, so the button stops spinning even behind a slow turn.
      const ack = ctx.api
        .answerCallbackQuery(query.id)
        .catch((error) => logger.debug("telegram: could not answer a button press", { error }))
        .finally(() => acknowledgements.delete(ack));
      acknowledgements.add(ack);
    }
    await queue.take(ctx.update);
  });
  bot.catch((error) => logger.error("telegram: update could not be kept", { error: error.error }));

  const adoptOrphans = () =>
    queue.adoptOrphans().catch((error) => {
      logger.error("telegram: could not look for updates left by a stopped instance", { error });
    });

  let polling: Promise<void> | undefined;

  const startPolling = () =>
    new Promise<void>((started, failed) => {
      polling = bot
        .start({ allowed_updates: [...ALLOWED_UPDATES], onStart: () => started() })
        .catch((error) => {
          failed(explain(error));
          // After start-up, polling ends only on 401 or 409 (another instance polls this token).
          if (!stopping) logger.error("telegram: long polling stopped", { error: explain(error) });
        });
    });

  const setUp = async () => {
    // grammY retries network failures here without end; say what it is waiting for.
    logger.info("telegram: connecting", { apiRoot: options.apiRoot });
    try {
      await bot.init();
      for (const lang of ["zh", "en"] as Lang[]) {
        await bot.api.setMyCommands(COMMANDS[lang], { language_code: lang });
      }
      await bot.api.setMyCommands(COMMANDS.zh);
    } catch (error) {
      throw explain(error);
    }
  };

  const adapter: TelegramAdapter = {
    async start() {
      // Before any new update, so a chat's older updates keep their place in front.
      await adoptOrphans();
      adoption = setInterval(adoptOrphans, ADOPT_EVERY_MS);
      adoption.unref();
      await setUp();
      if (!webhook) {
        await startPolling();
        logger.info("telegram: long polling", { bot: bot.botInfo.username });
        return;
      }
      await bot.api
        .setWebhook(webhook.url, { secret_token: webhook.secret, allowed_updates: [...ALLOWED_UPDATES] })
        .catch((error) => {
          throw explain(error);
        });
      logger.info("telegram: webhook set", { bot: bot.botInfo.username, path: webhook.path });
    },
    async stop() {
      stopping = true;
      clearInterval(adoption);
      if (polling) {
        await bot
          .stop()
          .catch((error) => logger.warn("telegram: could not confirm the last update", { error }));
        await polling;
      }
      await Promise.all(requests);
      await queue.close(STOP_GRACE_MS);
      await Promise.all(acknowledgements);
      shutdown.abort();
    },
  };

  if (webhook) {
    // "throw": answering 200 for an update not yet kept would lose it if this process stopped.
    const callback = webhookCallback(bot, "http", { secretToken: webhook.secret, onTimeout: "throw" });
    const handler: HttpHandler = (req, res) => {
      if (stopping) {
        // Telegram keeps the update and delivers it again once we are back.
        res.writeHead(503).end();
        return;
      }
      if (Number(req.headers["content-length"] ?? 0) > MAX_WEBHOOK_BODY_BYTES) {
        res.writeHead(413).end();
        req.resume();
        return;
      }
      const request = callback(req, res).then(
        () => {
          if (res.statusCode === 401)
            logger.warn("telegram: webhook request without the right secret refused");
        },
        (error) => {
          if (error instanceof BotError || /timed out/i.test(String(error))) {
            // Not kept (the store failed, or too many updates wait): Telegram sends it again.
            logger.warn("telegram: webhook update not kept, Telegram will resend it", { error });
            if (!res.headersSent) res.writeHead(503).end();
            return;
          }
          logger.warn("telegram: unreadable webhook request refused", { error });
          if (!res.headersSent) res.writeHead(400).end();
        },
      );
      requests.add(request);
      void request.finally(() => requests.delete(request));
    };
    adapter.webhook = { path: webhook.path, handler };
  }
  return adapter;
}

/** Turns Telegram's refusals of our settings into messages that say which setting to fix. */
function explain(error: unknown): unknown {
  if (!(error instanceof GrammyError)) return error;
  if (error.error_code === 401 || error.error_code === 404) {
    return new TelegramSetupError(
      `Telegram refused the bot token (${error.description}): check TELEGRAM_BOT_TOKEN (and TELEGRAM_API_ROOT if set)`,
    );
  }
  if (error.error_code === 409) {
    return new TelegramSetupError(
      `Telegram reports a conflict (${error.description}): another instance is using this bot token, or a webhook is set`,
    );
  }
  if (error.method === "setWebhook") {
    return new TelegramSetupError(
      `Telegram refused the webhook (${error.description}): check TELEGRAM_WEBHOOK_URL`,
    );
  }
  return error;
}

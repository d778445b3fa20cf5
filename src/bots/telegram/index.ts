/**
 * The Telegram adapter: a grammY bot that takes updates by long polling, or by webhook when a
 * webhook URL is configured, and runs each update's turn inside its handling, under the chat's
 * lock (turn.ts). Telegram is answered — the webhook's 200, or the next getUpdates confirming the
 * update — only once the turn is over, its conversation saved with the update's id: a crash
 * before that leaves the update with Telegram, which delivers it again, and the dialog service
 * recognises one it had applied. Long polling is grammY's own (`bot.start`), which confirms an
 * update only after handling it; @grammyjs/runner confirms a batch as soon as it is fetched, so a
 * crash would lose the updates it was still running. A chat's updates run one at a time in the
 * order they arrived; other chats do not wait for it on a webhook (Telegram sends on several
 * connections), while long polling handles one update at a time, as grammY does.
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import { autoRetry } from "@grammyjs/auto-retry";
import { Bot, GrammyError, webhookCallback } from "grammy";
import type { Update } from "grammy/types";
import type { Lang } from "../../dialog/types.ts";
import { COMMANDS } from "../../render/telegram/texts.ts";
import type { TelegramSettings } from "../config.ts";
import type { HttpRoute } from "../server.ts";
import type { Adapter, AdapterDeps } from "../start.ts";
import { ALLOWED_UPDATES, conversationIdOf, readUpdate } from "./inbound.ts";
import { createTurnHandler } from "./turn.ts";

export type TelegramOptions = TelegramSettings & AdapterDeps;

/** Telegram refused the configured token or webhook: the operator must fix a setting. */
export class TelegramSetupError extends Error {
  override readonly name = "TelegramSetupError";
}

export function createTelegram(options: TelegramOptions): Adapter {
  const { logger, webhook, conversations } = options;
  const bot = new Bot(options.token, { client: { apiRoot: options.apiRoot } });
  // Flood control (429 with retry_after) is waited out up to a minute, three times at most;
  // network and server errors fail the call at once, as a turn should not hang on them.
  bot.api.config.use(
    autoRetry({
      maxRetryAttempts: 3,
      maxDelaySeconds: 60,
      rethrowHttpErrors: true,
      rethrowInternalServerErrors: true,
    }),
  );
  const handleUpdate = createTurnHandler({ ...options, api: bot.api });
  /** Webhook requests and button answers under way, which stopping waits for. */
  const inFlight = new Set<Promise<unknown>>();
  const track = (work: Promise<unknown>) => {
    inFlight.add(work);
    void work.finally(() => inFlight.delete(work));
  };
  let stopping = false;

  bot.use(async (ctx) => {
    // Polling hands over the rest of a fetched batch after `stop`; those stay unconfirmed.
    if (stopping && !webhook) return;
    const query = ctx.update.callback_query;
    if (query) {
      // Answered at once, so the button stops spinning even while the chat's earlier turn runs.
      track(
        ctx.api
          .answerCallbackQuery(query.id)
          .catch((error) => logger.warn("telegram: could not answer a button press", { error })),
      );
    }
    const inbound = readUpdate(ctx.update);
    if (inbound.kind === "ignored") return;
    await conversations.withLock(conversationIdOf(inbound.chatId), () =>
      handleUpdate(ctx.update.update_id, inbound),
    );
  });
  // Long polling only (a webhook answers 503 instead): the chat's lock could not be had.
  bot.catch((error) => logger.error("telegram: update not handled", { error: error.error }));

  let polling: Promise<void> | undefined;
  const startPolling = () =>
    new Promise<void>((started, failed) => {
      polling = bot
        .start({ allowed_updates: [...ALLOWED_UPDATES], onStart: () => started() })
        .catch(fail)
        .catch((error) => {
          failed(error);
          // After start-up, polling ends only on 401 or 409 (another instance polls this token).
          if (!stopping) logger.error("telegram: long polling stopped", { error });
        });
    });

  const setUp = async () => {
    // grammY retries network failures here without end; say what it is waiting for.
    logger.info("telegram: connecting", { apiRoot: options.apiRoot });
    await bot.init().catch(fail);
    // The command menu is a convenience: a Bot API that refuses it must not stop the bot.
    try {
      for (const lang of ["zh", "en"] as Lang[]) {
        await bot.api.setMyCommands(COMMANDS[lang], { language_code: lang });
      }
      await bot.api.setMyCommands(COMMANDS.zh);
    } catch (error) {
      logger.warn("telegram: could not register the command menu; going on without it", { error });
    }
  };

  const adapter: Adapter = {
    name: webhook ? "telegram (webhook)" : "telegram (long polling)",
    async start() {
      await setUp();
      if (!webhook) {
        await startPolling();
        logger.info("telegram: long polling", { bot: bot.botInfo.username });
        return;
      }
      await bot.api
        .setWebhook(webhook.url, { secret_token: webhook.secret, allowed_updates: [...ALLOWED_UPDATES] })
        .catch(fail);
      logger.info("telegram: webhook set", { bot: bot.botInfo.username, path: webhook.path });
    },
    async stop() {
      stopping = true;
      if (polling) {
        // Confirms what was handled; waits for the update under way.
        await bot
          .stop()
          .catch((error) => logger.warn("telegram: could not confirm the last update", { error }));
        await polling;
      }
      while (inFlight.size > 0) await Promise.allSettled([...inFlight]);
    },
  };

  if (webhook) {
    // "throw": past grammY's 10 s the request is answered 503 (below) and Telegram delivers the
    // update again; the turn goes on, and the copy is recognised once it has saved.
    const callback = webhookCallback(bot, fromBody, { secretToken: webhook.secret, onTimeout: "throw" });
    const handle: HttpRoute["handle"] = (req, res, body) =>
      track(
        callback(req, res, body).then(
          () => {
            if (res.statusCode === 401)
              logger.warn("telegram: webhook request without the right secret refused");
          },
          (error) => {
            const unreadable = error instanceof SyntaxError;
            // Not handled (the chat's lock, a timeout): Telegram sends it again.
            if (unreadable) logger.warn("telegram: unreadable webhook request refused", { error });
            else logger.warn("telegram: webhook update not handled, Telegram will resend it", { error });
            if (!res.headersSent) res.writeHead(unreadable ? 400 : 503).end();
          },
        ),
      );
    adapter.route = [webhook.path, { open: () => !stopping, handle }];
  }
  return adapter;
}

/** grammY's own "http" adapter reads the request stream, which the shared server has read already. */
const fromBody = (req: IncomingMessage, res: ServerResponse, body: Buffer) => ({
  get update(): Update {
    return JSON.parse(body.toString("utf8"));
  },
  header: req.headers["x-telegram-bot-api-secret-token"] as string | undefined,
  end: () => res.end(),
  respond: (json: string) => res.writeHead(200, { "content-type": "application/json" }).end(json),
  unauthorized: () => res.writeHead(401).end(),
  handlerReturn: undefined,
});

/** Rethrows Telegram's refusals of our settings as messages that say which setting to fix. */
function fail(error: unknown): never {
  if (!(error instanceof GrammyError)) throw error;
  const code = error.error_code;
  const [what, fix] =
    code === 401 || code === 404
      ? ["refused the bot token", "check TELEGRAM_BOT_TOKEN (and TELEGRAM_API_ROOT if set)"]
      : code === 409
        ? ["reports a conflict", "another instance is using this bot token, or a webhook is set"]
        : error.method === "setWebhook"
          ? ["refused the webhook", "check TELEGRAM_WEBHOOK_URL"]
          : [];
  throw what ? new TelegramSetupError(`Telegram ${what} (${error.description}): ${fix}`) : error;
}

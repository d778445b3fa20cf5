/**
 * The Slack adapter: Bolt receives Events API deliveries and button presses (over HTTP, or
 * Socket Mode when an app token is set) and hands each turn to the dialog service; replies go
 * back as Block Kit messages. Slack is acknowledged once the turn is over — conversation saved,
 * replies posted — or after ACK_BUDGET_MS, well inside the 3 s Slack waits, when the turn then
 * finishes on its own: a crash before the acknowledgement leaves the event to Slack's retry,
 * which the dialog service recognises by its event_id. No policy logic lives here.
 */
import { App, HTTPReceiver, type ReceiverEvent, SocketModeReceiver } from "@slack/bolt";
import { SettingsError, type SlackSettings } from "../config.ts";
import type { Logger } from "../logger.ts";
import { type HttpRoute, SLACK_EVENTS_PATH } from "../server.ts";
import type { Adapter, AdapterDeps } from "../start.ts";
import { boltLogger } from "./bolt-logger.ts";
import { listen } from "./listeners.ts";
import { createTurnRunner } from "./turns.ts";

export interface SlackOptions extends SlackSettings, AdapterDeps {
  /** How long a delivery waits for its turn before Slack is acknowledged anyway (default 2,000 ms). */
  ackBudgetMs?: number;
}

export interface SlackAdapter extends Adapter {
  /** Resolves when the turns under way have posted their replies (for tests and shutdown). */
  idle(): Promise<void>;
}

/** Slack retries a delivery not acknowledged within 3 s; this leaves room for the network. */
const ACK_BUDGET_MS = 2_000;

/** Web API calls are retried briefly: a reply minutes late is worse than a logged failure. */
const RETRY = { retries: 2, factor: 2, minTimeout: 500, maxTimeout: 2_000 };

export async function createSlack(options: SlackOptions): Promise<SlackAdapter> {
  const { botToken, signingSecret, appToken, logger } = options;
  const log = boltLogger(logger);
  const clientOptions = {
    ...(options.apiUrl ? { slackApiUrl: options.apiUrl } : {}),
    retryConfig: RETRY,
    // The original HTTP error holds the request, and with it the token.
    attachOriginalToWebAPIRequestError: false,
  };
  const receiver = appToken
    ? new SocketModeReceiver({ appToken, logger: log, installerOptions: { clientOptions } })
    : new HTTPReceiver({ signingSecret: signingSecret ?? "", logger: log, processBeforeResponse: true });
  const app = new App({
    token: botToken,
    receiver,
    logger: log,
    clientOptions,
    convoStore: false,
    // auth.test runs in `init` below, not lazily on the first event, where it would delay the ack.
    deferInitialization: true,
  });
  if (receiver instanceof SocketModeReceiver) ackAfterProcessing(receiver, app, logger);
  await initialize(app, app.client.slackApiUrl);

  const inFlight = new Set<Promise<void>>();
  const budgetMs = options.ackBudgetMs ?? ACK_BUDGET_MS;
  const track = (work: Promise<void>) => {
    inFlight.add(work);
    void work.finally(() => inFlight.delete(work));
    let timer: NodeJS.Timeout | undefined;
    const budget = new Promise<void>((resolve) => {
      timer = setTimeout(resolve, budgetMs);
    });
    return Promise.race([work, budget]).finally(() => clearTimeout(timer));
  };
  const runner = createTurnRunner({ ...options, client: app.client });
  listen(app, { runner, logger, track });

  let stopping = false;
  const idle = async () => {
    while (inFlight.size > 0) await Promise.allSettled([...inFlight]);
  };
  return {
    name: appToken ? "slack (socket mode)" : "slack (http)",
    route:
      receiver instanceof HTTPReceiver
        ? [SLACK_EVENTS_PATH, eventsRoute(receiver, logger, () => !stopping)]
        : undefined,
    async start() {
      if (appToken) await app.start();
      logger.info("slack adapter started", { mode: appToken ? "socket" : "http" });
    },
    async stop() {
      stopping = true;
      if (appToken) await app.stop();
      await idle();
      logger.info("slack adapter stopped");
    },
    idle,
  };
}

/** Slack signs a timestamp with every request; Bolt refuses only old ones, while Slack's rule is
 * five minutes either way of local time. Bolt reads the body the server has read (`rawBody`). */
function eventsRoute(receiver: HTTPReceiver, logger: Logger, open: () => boolean): HttpRoute {
  return {
    open,
    handle(req, res, body) {
      const timestamp = req.headers["x-slack-request-timestamp"];
      const skew = Math.abs(Date.now() / 1000 - Number(timestamp));
      if (typeof timestamp !== "string" || !/^\d+$/.test(timestamp) || skew > 5 * 60) {
        logger.warn("slack request refused: timestamp missing or more than five minutes off");
        res.writeHead(401).end();
        return;
      }
      receiver.requestListener(Object.assign(req, { rawBody: body }), res);
    },
  };
}

/** Checks the bot token (auth.test) and learns the bot's own user id, to ignore its own messages. */
async function initialize(app: App, apiUrl: string): Promise<void> {
  try {
    await app.init();
  } catch (error) {
    const { message, code } = error as { message?: string; code?: string };
    // Slack answered and said no (invalid_auth, token_revoked…), or Slack could not be reached.
    const problem =
      code === "slack_webapi_platform_error"
        ? `SLACK_BOT_TOKEN was not accepted by Slack (${message}); check the token`
        : `Slack's Web API at ${apiUrl} could not be reached (${message}); check SLACK_API_URL and the network`;
    throw new SettingsError([problem]);
  }
}

/** Socket Mode's receiver acknowledges an envelope as soon as Bolt calls `ack`, which Bolt does
 * for every event before its listeners run. Its handler is replaced by one that keeps the ack
 * until the listeners have returned, as HTTP's processBeforeResponse does. */
function ackAfterProcessing(receiver: SocketModeReceiver, app: App, logger: Logger): void {
  receiver.client.removeAllListeners("slack_event");
  receiver.client.on("slack_event", async ({ ack, body, retry_num, retry_reason }) => {
    let response: unknown;
    const event: ReceiverEvent = {
      body,
      retryNum: retry_num,
      retryReason: retry_reason,
      ack: async (payload?: unknown) => {
        response = payload;
      },
    };
    try {
      await app.processEvent(event);
    } catch (error) {
      logger.error("slack event could not be processed", { error });
    }
    await ack(response);
  });
}

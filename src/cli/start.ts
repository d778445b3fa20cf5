/**
 * `advisor start` (`npm start`): every bot whose settings are present, or the console chat
 * when none are (CONTRACT.md section 5). One store and one dialog service serve them all.
 * SIGTERM or SIGINT stops taking updates, lets the turns under way finish, closes the store
 * and exits 0; a second signal exits at once.
 */
import { environmentWithDotEnv, loadSettings, type Settings, SettingsError } from "../bots/config.ts";
import { createLogger, type Logger } from "../bots/logger.ts";
import { ServerSetupError } from "../bots/server.ts";
import { hasBots, startBots } from "../bots/start.ts";
import { createAdvisorService } from "../dialog/service.ts";
import { createFaqIndex } from "../faq/index.ts";
import { loadPolicySet } from "../policy/load.ts";
import { createStore } from "../store/index.ts";
import { runChat } from "./chat.ts";
import { type CliIO, type Command, EXIT_OK, UsageError } from "./io.ts";

const NO_BOTS =
  "未配置机器人（TELEGRAM_BOT_TOKEN 或 SLACK_BOT_TOKEN），启动控制台对话。\n" +
  "No bot is configured (TELEGRAM_BOT_TOKEN or SLACK_BOT_TOKEN); starting the console chat.\n";

export const run: Command = async (args, io) => {
  if (args.length > 0) {
    throw new UsageError("start takes no arguments: settings come from the environment or .env (see README)");
  }
  const settings = readSettings(io.env);
  const logger = createLogger({
    secrets: settings.secrets,
    level: settings.logLevel,
    write: (line) => io.stderr.write(line),
  });
  const store = await createStore(settings.env, { warn: logger.warn });
  try {
    const set = loadPolicySet();
    const service = createAdvisorService({ set, store, faq: createFaqIndex(set) });
    if (!hasBots(settings)) {
      io.stderr.write(NO_BOTS);
      return await runChat(io, service);
    }
    return await serveUntilSignalled(settings, { service, store, logger });
  } finally {
    await store.close();
  }
};

async function serveUntilSignalled(
  settings: Settings,
  deps: Parameters<typeof startBots>[1],
): Promise<number> {
  const { logger } = deps;
  // Listening before start-up, so a signal during a slow start still stops cleanly.
  const signalled = nextSignal(logger);
  let bots: Awaited<ReturnType<typeof startBots>>;
  try {
    bots = await startBots(settings, deps);
  } catch (error) {
    signalled.cancel();
    throw asUsageError(error);
  }
  const signal = await signalled.promise;
  logger.info("stopping: no new updates, finishing the turns under way", { signal });
  await bots.stop();
  signalled.cancel();
  logger.info("stopped");
  return EXIT_OK;
}

function readSettings(env: CliIO["env"]): Settings {
  try {
    return loadSettings(environmentWithDotEnv(env));
  } catch (error) {
    throw asUsageError(error);
  }
}

/** Settings the operator must fix are bad input (exit 2, one line), not internal errors. */
function asUsageError(error: unknown): unknown {
  // TelegramSetupError is known by name: importing its module would load grammY for every start.
  const fixable =
    error instanceof SettingsError ||
    error instanceof ServerSetupError ||
    (error instanceof Error && error.name === "TelegramSetupError");
  return fixable ? new UsageError((error as Error).message) : error;
}

function nextSignal(logger: Logger): { promise: Promise<NodeJS.Signals>; cancel(): void } {
  const signals: NodeJS.Signals[] = ["SIGTERM", "SIGINT"];
  let onSignal: (signal: NodeJS.Signals) => void = () => {};
  const promise = new Promise<NodeJS.Signals>((resolve) => {
    let received = false;
    onSignal = (signal) => {
      if (received) {
        logger.warn("second signal: exiting without waiting", { signal });
        process.exit(1);
      }
      received = true;
      resolve(signal);
    };
  });
  for (const signal of signals) process.on(signal, onSignal);
  // The handlers stay during shutdown, so a second signal can cut it short.
  const cancel = () => {
    for (const signal of signals) process.off(signal, onSignal);
  };
  return { promise, cancel };
}

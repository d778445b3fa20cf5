/**
 * The bots' settings (CONTRACT.md section 5), read from the environment and an optional
 * `.env` file, checked once at start-up. A bad setting stops start-up with one message that
 * names the variable and says how to fix it; a secret's value is never part of that message.
 */
import { existsSync, readFileSync } from "node:fs";
import { resolve } from "node:path";
import { parseEnv } from "node:util";
import { z } from "zod";
import { isLogLevel, type LogLevel } from "./logger.ts";

export interface TelegramSettings {
  token: string;
  /** Without a trailing slash, as grammY requires. */
  apiRoot: string;
  webhook?: { url: string; path: string; secret: string };
}

export interface SlackSettings {
  botToken: string;
  signingSecret?: string;
  appToken?: string;
  apiUrl?: string;
}

export interface Settings {
  telegram?: TelegramSettings;
  slack?: SlackSettings;
  port: number;
  /** Interface the HTTP server listens on; all interfaces when unset. */
  host?: string;
  dataDir: string;
  redisUrl?: string;
  logLevel: LogLevel;
  /** Every secret value configured, for the logger to scrub. */
  secrets: string[];
  /** The environment the settings came from (process environment over `.env`), for the store. */
  env: NodeJS.ProcessEnv;
}

/** A setting is missing or malformed. The message lists every problem, one per clause. */
export class SettingsError extends Error {
  override readonly name = "SettingsError";
  constructor(readonly problems: string[]) {
    super(`cannot start: ${problems.join("; ")}`);
  }
}

const DEFAULT_TELEGRAM_API_ROOT = "https://api.telegram.org";

/** The process environment over the `.env` file in `cwd`, if there is one (real variables win,
 * as with dotenv). `.env` is parsed, not loaded, so `process.env` is left as it was. */
export function environmentWithDotEnv(env: NodeJS.ProcessEnv, cwd = process.cwd()): NodeJS.ProcessEnv {
  const file = resolve(cwd, ".env");
  if (!existsSync(file)) return env;
  let fromFile: NodeJS.Dict<string>;
  try {
    fromFile = parseEnv(readFileSync(file, "utf8"));
  } catch (error) {
    throw new SettingsError([`.env: cannot be read (${(error as Error).message})`]);
  }
  return { ...fromFile, ...env };
}

/** Reads and checks every setting. Empty variables count as unset (`FOO=` in a `.env` file). */
export function loadSettings(env: NodeJS.ProcessEnv): Settings {
  const get = (name: string) => {
    const value = env[name]?.trim();
    return value ? value : undefined;
  };
  const problems: string[] = [];
  const check = <T>(name: string, schema: z.ZodType<T>, value: string | undefined, fallback: T): T => {
    if (value === undefined) return fallback;
    const parsed = schema.safeParse(value);
    if (parsed.success) return parsed.data;
    problems.push(`${name} ${parsed.error.issues[0]?.message ?? "is invalid"}`);
    return fallback;
  };

  const telegram = telegramSettings(get, check, problems);
  const slack = slackSettings(get, check, problems);
  const port = check("PORT", portSchema, get("PORT"), 3000);
  const redisUrl = check("REDIS_URL", redisUrlSchema, get("REDIS_URL"), undefined);
  const logLevel = check("LOG_LEVEL", logLevelSchema, get("LOG_LEVEL")?.toLowerCase(), "info");
  if (problems.length > 0) throw new SettingsError(problems);

  const secrets = [telegram?.token, telegram?.webhook?.secret, slack?.botToken, slack?.signingSecret];
  secrets.push(slack?.appToken, redisUrl && redisPassword(redisUrl));
  return {
    telegram,
    slack,
    port,
    host: get("HOST"),
    dataDir: resolve(get("DATA_DIR") ?? "./var"),
    redisUrl,
    logLevel,
    secrets: secrets.filter((s): s is string => Boolean(s)),
    env,
  };
}

type Get = (name: string) => string | undefined;
type Check = <T>(name: string, schema: z.ZodType<T>, value: string | undefined, fallback: T) => T;

function telegramSettings(get: Get, check: Check, problems: string[]): TelegramSettings | undefined {
  const read = <T>(name: string, schema: z.ZodType<T>, fallback: T) =>
    check(name, schema, get(name), fallback);
  const token = read("TELEGRAM_BOT_TOKEN", telegramTokenSchema, undefined);
  const apiRoot = read("TELEGRAM_API_ROOT", apiRootSchema, DEFAULT_TELEGRAM_API_ROOT);
  const url = read("TELEGRAM_WEBHOOK_URL", webhookUrlSchema, undefined);
  const secret = read("TELEGRAM_WEBHOOK_SECRET", webhookSecretSchema, undefined);
  if (get("TELEGRAM_WEBHOOK_URL") && !get("TELEGRAM_WEBHOOK_SECRET")) {
    problems.push(
      "TELEGRAM_WEBHOOK_URL is set but TELEGRAM_WEBHOOK_SECRET is not: set a secret (1-256 characters A-Z a-z 0-9 _ -) so forged updates can be refused",
    );
  }
  if (get("TELEGRAM_WEBHOOK_SECRET") && !get("TELEGRAM_WEBHOOK_URL")) {
    problems.push(
      "TELEGRAM_WEBHOOK_SECRET is set but TELEGRAM_WEBHOOK_URL is not: set both for webhook mode, or neither for long polling",
    );
  }
  const anyTelegram = ["TELEGRAM_API_ROOT", "TELEGRAM_WEBHOOK_URL", "TELEGRAM_WEBHOOK_SECRET"].find((n) =>
    get(n),
  );
  if (!get("TELEGRAM_BOT_TOKEN")) {
    if (anyTelegram)
      problems.push(`${anyTelegram} is set but TELEGRAM_BOT_TOKEN is not: set the token from @BotFather`);
    return undefined;
  }
  if (!token) return undefined;
  return {
    token,
    apiRoot,
    webhook: url && secret ? { url, path: new URL(url).pathname, secret } : undefined,
  };
}

function slackSettings(get: Get, check: Check, problems: string[]): SlackSettings | undefined {
  const read = <T>(name: string, schema: z.ZodType<T>) =>
    check<T | undefined>(name, schema, get(name), undefined);
  const botToken = read("SLACK_BOT_TOKEN", prefixed("xoxb-", "a bot token"));
  const appToken = read("SLACK_APP_TOKEN", prefixed("xapp-", "an app-level token"));
  const signingSecret = get("SLACK_SIGNING_SECRET");
  const apiUrl = read("SLACK_API_URL", slackApiUrlSchema);
  if (!get("SLACK_BOT_TOKEN")) {
    const other = ["SLACK_SIGNING_SECRET", "SLACK_APP_TOKEN", "SLACK_API_URL"].find((n) => get(n));
    if (other)
      problems.push(`${other} is set but SLACK_BOT_TOKEN is not: set the bot token (xoxb-…) as well`);
    return undefined;
  }
  if (!signingSecret && !get("SLACK_APP_TOKEN")) {
    problems.push(
      "SLACK_BOT_TOKEN is set but neither SLACK_SIGNING_SECRET (HTTP events) nor SLACK_APP_TOKEN (Socket Mode) is: set one of them",
    );
  }
  if (!botToken) return undefined;
  return { botToken, signingSecret, appToken, apiUrl };
}

// Messages below follow the variable's name: "PORT must be …". They never quote the value,
// which may be a secret.
const portSchema = z
  .string()
  .regex(/^\d+$/, "must be a whole number from 0 to 65535")
  .transform(Number)
  .refine((n) => n <= 65535, "must be a whole number from 0 to 65535");

const telegramTokenSchema = z
  .string()
  .regex(
    /^\d+:[A-Za-z0-9_-]+$/,
    "does not look like a bot token (digits, a colon, then letters): copy it again from @BotFather",
  );

const webhookSecretSchema = z
  .string()
  .regex(/^[A-Za-z0-9_-]{1,256}$/, "must be 1-256 characters from A-Z a-z 0-9 _ - (Telegram's rule)");

const webhookUrlSchema = z.string().refine((value) => {
  const url = parseUrl(value);
  return url?.protocol === "https:" && !url.search && !url.hash;
}, "must be an https:// URL without query or fragment (Telegram only delivers webhooks over HTTPS)");

const apiRootSchema = z
  .string()
  .refine((value) => /^https?:$/.test(parseUrl(value)?.protocol ?? ""), "must be an http(s):// URL")
  .transform((value) => value.replace(/\/+$/, ""));

const slackApiUrlSchema = z
  .string()
  .refine((value) => /^https?:$/.test(parseUrl(value)?.protocol ?? ""), "must be an http(s):// URL")
  .transform((value) => (value.endsWith("/") ? value : `${value}/`));

const redisUrlSchema = z
  .string()
  .refine(
    (value) => /^rediss?:$/.test(parseUrl(value)?.protocol ?? ""),
    "must be a redis:// or rediss:// URL",
  );

const logLevelSchema = z
  .string()
  .refine(isLogLevel, "must be one of debug, info, warn, error") as z.ZodType<LogLevel>;

function prefixed(prefix: string, what: string) {
  return z.string().refine((value) => value.startsWith(prefix), `must be ${what} starting with ${prefix}`);
}

function parseUrl(value: string): URL | undefined {
  try {
    return new URL(value);
  } catch {
    return undefined;
  }
}

function redisPassword(url: string): string | undefined {
  const password = parseUrl(url)?.password;
  return password ? decodeURIComponent(password) : undefined;
}

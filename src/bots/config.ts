/**
 * The bots' settings (CONTRACT.md section 5), read from the environment and an optional
 * `.env` file, checked once at start-up by one zod schema. A bad setting stops start-up with one
 * message that names every variable at fault and says how to fix it; a secret's value is never
 * part of that message.
 */
import { existsSync, readFileSync } from "node:fs";
import { resolve } from "node:path";
import { parseEnv } from "node:util";
import * as z from "zod";
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

/** The process environment over the `.env` file in `cwd`, if there is one (real variables win,
 * as with dotenv). `.env` is parsed, not loaded, so `process.env` is left as it was. */
export function environmentWithDotEnv(env: NodeJS.ProcessEnv, cwd = process.cwd()): NodeJS.ProcessEnv {
  const file = resolve(cwd, ".env");
  if (!existsSync(file)) return env;
  try {
    return { ...parseEnv(readFileSync(file, "utf8")), ...env };
  } catch (error) {
    throw new SettingsError([`.env: cannot be read (${(error as Error).message})`]);
  }
}

const parseUrl = (value: string) => URL.parse(value) ?? undefined;
const urlOf = (protocol: RegExp, message: string) =>
  z.string().refine((value) => protocol.test(parseUrl(value)?.protocol ?? ""), message);
const prefixed = (prefix: string, what: string) =>
  z.string().refine((value) => value.startsWith(prefix), `must be ${what} starting with ${prefix}`);

// Messages follow the variable's name: "PORT must be …". They never quote the value, which may
// be a secret.
const schema = z
  .object({
    TELEGRAM_BOT_TOKEN: z
      .string()
      .regex(
        /^\d+:[A-Za-z0-9_-]+$/,
        "does not look like a bot token (digits, a colon, then letters): copy it again from @BotFather",
      ),
    TELEGRAM_API_ROOT: urlOf(/^https?:$/, "must be an http(s):// URL").transform((v) =>
      v.replace(/\/+$/, ""),
    ),
    TELEGRAM_WEBHOOK_URL: z
      .string()
      .refine((value) => {
        const url = parseUrl(value);
        return url?.protocol === "https:" && !url.search && !url.hash;
      }, "must be an https:// URL without query or fragment (Telegram only delivers webhooks over HTTPS)")
      .refine(
        (value) => !["/slack/events", "/healthz"].includes(parseUrl(value)?.pathname ?? ""),
        "must not end in /slack/events or /healthz, which the shared server serves itself: give it another path",
      ),
    TELEGRAM_WEBHOOK_SECRET: z
      .string()
      .regex(/^[A-Za-z0-9_-]{1,256}$/, "must be 1-256 characters from A-Z a-z 0-9 _ - (Telegram's rule)"),
    SLACK_BOT_TOKEN: prefixed("xoxb-", "a bot token"),
    SLACK_APP_TOKEN: prefixed("xapp-", "an app-level token"),
    SLACK_SIGNING_SECRET: z.string(),
    SLACK_API_URL: urlOf(/^https?:$/, "must be an http(s):// URL").transform((v) =>
      v.endsWith("/") ? v : `${v}/`,
    ),
    PORT: z
      .string()
      .regex(/^\d+$/, "must be a whole number from 0 to 65535")
      .transform(Number)
      .refine((n) => n <= 65535, "must be a whole number from 0 to 65535"),
    REDIS_URL: urlOf(/^rediss?:$/, "must be a redis:// or rediss:// URL"),
    LOG_LEVEL: z
      .string()
      .transform((v) => v.toLowerCase())
      .refine(isLogLevel, "must be one of debug, info, warn, error"),
    HOST: z.string(),
    DATA_DIR: z.string(),
  })
  .partial();

type Name = keyof z.infer<typeof schema>;

/** A variable that means nothing without one of others, and how to fix it. */
const NEEDS: Array<[Name, Name[], string]> = [
  [
    "TELEGRAM_WEBHOOK_URL",
    ["TELEGRAM_WEBHOOK_SECRET"],
    "set a secret (1-256 characters A-Z a-z 0-9 _ -) so forged updates can be refused",
  ],
  [
    "TELEGRAM_WEBHOOK_SECRET",
    ["TELEGRAM_WEBHOOK_URL"],
    "set both for webhook mode, or neither for long polling",
  ],
  ...(["TELEGRAM_API_ROOT", "TELEGRAM_WEBHOOK_URL", "TELEGRAM_WEBHOOK_SECRET"] as const).map(
    (name): [Name, Name[], string] => [name, ["TELEGRAM_BOT_TOKEN"], "set the token from @BotFather"],
  ),
  ...(["SLACK_SIGNING_SECRET", "SLACK_APP_TOKEN", "SLACK_API_URL"] as const).map(
    (name): [Name, Name[], string] => [name, ["SLACK_BOT_TOKEN"], "set the bot token (xoxb-…) as well"],
  ),
  [
    "SLACK_BOT_TOKEN",
    ["SLACK_SIGNING_SECRET", "SLACK_APP_TOKEN"],
    "set one of them (SLACK_SIGNING_SECRET for HTTP events, SLACK_APP_TOKEN for Socket Mode)",
  ],
];

/** Reads and checks every setting. Empty variables count as unset (`FOO=` in a `.env` file). */
export function loadSettings(env: NodeJS.ProcessEnv): Settings {
  const given = Object.fromEntries(
    Object.keys(schema.shape).flatMap((name) => {
      const value = env[name]?.trim();
      return value ? [[name, value]] : [];
    }),
  ) as Partial<Record<Name, string>>;
  const parsed = schema.safeParse(given);
  const problems = parsed.success
    ? []
    : parsed.error.issues.map((issue) => `${String(issue.path[0])} ${issue.message}`);
  for (const [name, needs, fix] of NEEDS) {
    if (!given[name] || needs.some((other) => given[other])) continue;
    const missing = needs.length > 1 ? `neither ${needs.join(" nor ")} is` : `${needs[0]} is not`;
    problems.push(`${name} is set but ${missing}: ${fix}`);
  }
  if (!parsed.success || problems.length > 0) throw new SettingsError(problems);

  const v = parsed.data;
  const webhookUrl = v.TELEGRAM_WEBHOOK_URL;
  const secret = v.TELEGRAM_WEBHOOK_SECRET;
  const telegram = v.TELEGRAM_BOT_TOKEN && {
    token: v.TELEGRAM_BOT_TOKEN,
    apiRoot: v.TELEGRAM_API_ROOT ?? "https://api.telegram.org",
    webhook:
      webhookUrl && secret ? { url: webhookUrl, path: new URL(webhookUrl).pathname, secret } : undefined,
  };
  const slack = v.SLACK_BOT_TOKEN && {
    botToken: v.SLACK_BOT_TOKEN,
    signingSecret: v.SLACK_SIGNING_SECRET,
    appToken: v.SLACK_APP_TOKEN,
    apiUrl: v.SLACK_API_URL,
  };
  const redisPassword = v.REDIS_URL && decodeURIComponent(parseUrl(v.REDIS_URL)?.password ?? "");
  const secrets = [secret, v.TELEGRAM_BOT_TOKEN, v.SLACK_BOT_TOKEN, v.SLACK_SIGNING_SECRET];
  return {
    telegram: telegram || undefined,
    slack: slack || undefined,
    port: v.PORT ?? 3000,
    host: v.HOST,
    dataDir: resolve(v.DATA_DIR ?? "./var"),
    redisUrl: v.REDIS_URL,
    logLevel: (v.LOG_LEVEL as LogLevel | undefined) ?? "info",
    secrets: [...secrets, v.SLACK_APP_TOKEN, redisPassword].filter((s): s is string => Boolean(s)),
    env,
  };
}

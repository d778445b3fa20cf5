import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { environmentWithDotEnv, loadSettings, SettingsError } from "../../src/bots/config.ts";

const TOKEN = "123456:AAE_fake-token";
const SECRET = "hook_secret-42";

function problemsOf(env: NodeJS.ProcessEnv): string {
  try {
    loadSettings(env);
  } catch (error) {
    expect(error).toBeInstanceOf(SettingsError);
    return (error as Error).message;
  }
  throw new Error("expected the settings to be refused");
}

describe("settings", () => {
  it("starts nothing but the defaults from an empty environment", () => {
    const settings = loadSettings({});
    expect(settings.telegram).toBeUndefined();
    expect(settings.slack).toBeUndefined();
    expect(settings.port).toBe(3000);
    expect(settings.dataDir).toBe(join(process.cwd(), "var"));
  });

  it("reads Telegram long polling from the token alone, with the public API root", () => {
    const { telegram } = loadSettings({ TELEGRAM_BOT_TOKEN: TOKEN });
    expect(telegram).toEqual({ token: TOKEN, apiRoot: "https://api.telegram.org", webhook: undefined });
  });

  it("reads webhook mode with the path to serve, and drops a trailing slash from the API root", () => {
    const { telegram } = loadSettings({
      TELEGRAM_BOT_TOKEN: TOKEN,
      TELEGRAM_API_ROOT: "http://127.0.0.1:8081/",
      TELEGRAM_WEBHOOK_URL: "https://bot.example.cn/telegram/hook",
      TELEGRAM_WEBHOOK_SECRET: SECRET,
    });
    expect(telegram?.apiRoot).toBe("http://127.0.0.1:8081");
    expect(telegram?.webhook).toEqual({
      url: "https://bot.example.cn/telegram/hook",
      path: "/telegram/hook",
      secret: SECRET,
    });
  });

  it("treats empty variables as unset, as a .env template leaves them", () => {
    expect(loadSettings({ TELEGRAM_BOT_TOKEN: "", PORT: " " }).telegram).toBeUndefined();
  });

  it("lists every secret so the logger can scrub it", () => {
    const settings = loadSettings({
      TELEGRAM_BOT_TOKEN: TOKEN,
      TELEGRAM_WEBHOOK_URL: "https://bot.example.cn/hook",
      TELEGRAM_WEBHOOK_SECRET: SECRET,
      SLACK_BOT_TOKEN: "xoxb-slack-bot",
      SLACK_SIGNING_SECRET: "signing-secret-value",
      REDIS_URL: "redis://:p%40ssword@127.0.0.1:6379",
    });
    expect(settings.secrets).toEqual(
      expect.arrayContaining([TOKEN, SECRET, "xoxb-slack-bot", "signing-secret-value", "p@ssword"]),
    );
  });
});

describe("bad settings stop start-up with a message naming the variable", () => {
  it("a webhook URL without a secret", () => {
    const message = problemsOf({
      TELEGRAM_BOT_TOKEN: TOKEN,
      TELEGRAM_WEBHOOK_URL: "https://bot.example.cn/hook",
    });
    expect(message).toContain("TELEGRAM_WEBHOOK_SECRET");
  });

  it("a webhook URL that is not https", () => {
    const message = problemsOf({
      TELEGRAM_BOT_TOKEN: TOKEN,
      TELEGRAM_WEBHOOK_URL: "http://bot.example.cn/hook",
      TELEGRAM_WEBHOOK_SECRET: SECRET,
    });
    expect(message).toMatch(/TELEGRAM_WEBHOOK_URL must be an https:\/\/ URL/);
  });

  it("a webhook path the shared server serves itself", () => {
    const message = problemsOf({
      TELEGRAM_BOT_TOKEN: TOKEN,
      TELEGRAM_WEBHOOK_URL: "https://bot.example.cn/slack/events",
      TELEGRAM_WEBHOOK_SECRET: SECRET,
    });
    expect(message).toContain("TELEGRAM_WEBHOOK_URL must not end in /slack/events");
  });

  it("a webhook secret with characters Telegram refuses, without echoing the secret", () => {
    const bad = "not allowed: spaces & symbols";
    const message = problemsOf({
      TELEGRAM_BOT_TOKEN: TOKEN,
      TELEGRAM_WEBHOOK_URL: "https://bot.example.cn/hook",
      TELEGRAM_WEBHOOK_SECRET: bad,
    });
    expect(message).toContain("TELEGRAM_WEBHOOK_SECRET must be 1-256 characters");
    expect(message).not.toContain(bad);
  });

  it("a malformed token, without echoing it", () => {
    const message = problemsOf({ TELEGRAM_BOT_TOKEN: "bot-token-with-no-colon" });
    expect(message).toContain("TELEGRAM_BOT_TOKEN does not look like a bot token");
    expect(message).not.toContain("bot-token-with-no-colon");
  });

  it("webhook settings without a token", () => {
    expect(
      problemsOf({ TELEGRAM_WEBHOOK_URL: "https://bot.example.cn/hook", TELEGRAM_WEBHOOK_SECRET: SECRET }),
    ).toContain("TELEGRAM_BOT_TOKEN is not");
  });

  it("a Slack bot token with neither a signing secret nor an app token", () => {
    const message = problemsOf({ SLACK_BOT_TOKEN: "xoxb-1" });
    expect(message).toContain("SLACK_SIGNING_SECRET");
    expect(message).toContain("SLACK_APP_TOKEN");
  });

  it("a Slack app token given where the bot token belongs", () => {
    const message = problemsOf({ SLACK_BOT_TOKEN: "xapp-1-A", SLACK_APP_TOKEN: "xapp-1-A" });
    expect(message).toContain("SLACK_BOT_TOKEN must be a bot token starting with xoxb-");
    expect(message).not.toContain("xapp-1-A");
  });

  it.each(["http", "-1", "3000.5", "70000"])("PORT=%s", (port) => {
    expect(problemsOf({ PORT: port })).toContain("PORT must be a whole number from 0 to 65535");
  });

  it("LOG_LEVEL outside the known levels", () => {
    expect(problemsOf({ LOG_LEVEL: "verbose" })).toContain(
      "LOG_LEVEL must be one of debug, info, warn, error",
    );
  });

  it("several problems at once are all named in the one message", () => {
    const message = problemsOf({ PORT: "x", REDIS_URL: "http://127.0.0.1" });
    expect(message).toContain("PORT");
    expect(message).toContain("REDIS_URL must be a redis:// or rediss:// URL");
  });
});

describe(".env file", () => {
  it("supplies settings the environment lacks; the real environment wins", () => {
    const dir = mkdtempSync(join(tmpdir(), "advisor-env-"));
    writeFileSync(join(dir, ".env"), `PORT=4000\nTELEGRAM_BOT_TOKEN=${TOKEN}\n# a comment\n`);
    const env = environmentWithDotEnv({ PORT: "5000" }, dir);
    const settings = loadSettings(env);
    expect(settings.port).toBe(5000);
    expect(settings.telegram?.token).toBe(TOKEN);
  });

  it("is optional", () => {
    const dir = mkdtempSync(join(tmpdir(), "advisor-env-"));
    expect(environmentWithDotEnv({ PORT: "1" }, dir)).toEqual({ PORT: "1" });
  });
});

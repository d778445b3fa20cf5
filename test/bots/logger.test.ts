import { describe, expect, it } from "vitest";
import { createLogger, REDACTED } from "../../src/bots/logger.ts";

const TOKEN = "123456:AAE-secret_token-value";

function captured(level?: "debug" | "info") {
  const lines: string[] = [];
  const logger = createLogger({ secrets: [TOKEN, undefined, ""], level, write: (l) => lines.push(l) });
  return { logger, lines };
}

describe("logger", () => {
  it("writes one JSON object a line with level and message", () => {
    const { logger, lines } = captured();
    logger.info("started", { mode: "polling" });
    expect(lines).toHaveLength(1);
    expect(lines[0]?.endsWith("\n")).toBe(true);
    expect(JSON.parse(lines[0] ?? "")).toMatchObject({ level: "info", message: "started", mode: "polling" });
  });

  it("drops lines below the configured level", () => {
    const { logger, lines } = captured("info");
    logger.debug("noise");
    expect(lines).toEqual([]);
  });

  it("never lets a configured secret through, raw, in a URL or inside an error", () => {
    const { logger, lines } = captured("debug");
    logger.error(`token ${TOKEN}`);
    logger.warn("request failed", { url: `https://api.example/bot${encodeURIComponent(TOKEN)}/getMe` });
    logger.error("boom", { error: new Error(`bad token ${TOKEN}`) });
    const all = lines.join("");
    expect(all).not.toContain(TOKEN);
    expect(all).not.toContain(encodeURIComponent(TOKEN));
    expect(all).not.toContain("secret_token");
    expect(lines.every((l) => l.includes(REDACTED))).toBe(true);
    // The error keeps its message (redacted) instead of serializing to {}.
    expect(JSON.parse(lines[2] ?? "").error.message).toBe(`bad token ${REDACTED}`);
  });
});

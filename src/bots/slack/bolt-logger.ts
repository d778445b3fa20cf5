/**
 * Bolt and its Web API client log through this: their messages become our JSON lines.
 * Objects are reduced to their message text, so a request or response object (which can
 * hold the bot token) is never written out; the Logger's redaction is the second guard.
 */
import { type Logger as BoltLogger, LogLevel } from "@slack/bolt";
import type { Logger } from "../logger.ts";

export function boltLogger(logger: Logger): BoltLogger {
  let level = LogLevel.INFO;
  const text = (parts: unknown[]) => parts.map(describePart).join(" ");
  return {
    // Bolt's debug output includes whole payloads; it is dropped, not forwarded.
    debug: () => {},
    info: (...parts: unknown[]) => logger.info(text(parts), { source: "bolt" }),
    warn: (...parts: unknown[]) => logger.warn(text(parts), { source: "bolt" }),
    error: (...parts: unknown[]) => logger.error(text(parts), { source: "bolt" }),
    setLevel: (next: LogLevel) => {
      level = next;
    },
    getLevel: () => level,
    setName: () => {},
  };
}

function describePart(part: unknown): string {
  if (typeof part === "string") return part;
  if (part instanceof Error) return `${part.name}: ${part.message}`;
  if (typeof part === "number" || typeof part === "boolean") return String(part);
  return "[object]";
}

/**
 * A tiny leveled logger writing one JSON object a line to stderr. Every line is scrubbed of
 * the configured secret values (bot tokens, signing secrets) after it is serialized, so a
 * token cannot leak through an error message, a URL or a nested field.
 */

export type LogLevel = "debug" | "info" | "warn" | "error";

export type LogFields = Record<string, unknown>;

export interface Logger {
  debug(message: string, fields?: LogFields): void;
  info(message: string, fields?: LogFields): void;
  warn(message: string, fields?: LogFields): void;
  error(message: string, fields?: LogFields): void;
}

export interface LoggerOptions {
  /** Values that must never appear in a log line; empty and undefined entries are ignored. */
  secrets?: Iterable<string | undefined>;
  /** Lines below this level are dropped (default `info`). */
  level?: LogLevel;
  /** Where each finished line goes (default: stderr). Tests capture it here. */
  write?: (line: string) => void;
  now?: () => Date;
}

const RANK: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40 };
export const REDACTED = "[redacted]";

export function isLogLevel(value: string): value is LogLevel {
  return value in RANK;
}

export function createLogger(options: LoggerOptions = {}): Logger {
  const threshold = RANK[options.level ?? "info"];
  const write = options.write ?? ((line: string) => process.stderr.write(line));
  const now = options.now ?? (() => new Date());
  const redact = redactor(options.secrets ?? []);
  const log = (level: LogLevel) => (message: string, fields?: LogFields) => {
    if (RANK[level] < threshold) return;
    const entry = { time: now().toISOString(), level, message, ...fields };
    write(`${redact(JSON.stringify(entry, serializeErrors))}\n`);
  };
  return { debug: log("debug"), info: log("info"), warn: log("warn"), error: log("error") };
}

/** Errors serialize to `{}` by default; keep what helps an operator (the text is redacted later),
 * including the error underneath: `cause`, or `error` on grammY's HttpError. */
function serializeErrors(_key: string, value: unknown): unknown {
  if (!(value instanceof Error)) return value;
  const { name, message, stack } = value;
  const { cause, error } = value as { cause?: unknown; error?: unknown };
  return {
    name,
    message,
    stack,
    ...(cause === undefined ? {} : { cause }),
    ...(error instanceof Error ? { error } : {}),
  };
}

/** Replaces every secret in a serialized line, in each form it can take there: raw,
 * JSON-escaped (a secret with a quote or backslash) and URL-encoded (a token in a URL). */
function redactor(secrets: Iterable<string | undefined>): (line: string) => string {
  const forms = new Set<string>();
  for (const secret of secrets) {
    // Very short values would blank out ordinary words; real secrets are long.
    if (!secret || secret.length < 6) continue;
    forms.add(secret);
    forms.add(JSON.stringify(secret).slice(1, -1));
    forms.add(encodeURIComponent(secret));
  }
  // Longest first, so a secret containing another is replaced whole.
  const ordered = [...forms].sort((a, b) => b.length - a.length);
  return (line) => ordered.reduce((text, form) => text.split(form).join(REDACTED), line);
}

/**
 * `advisor <command>`: the one entry point. Each command lives in its own module and
 * is loaded only when asked for, so `triage` does not pay for the bot libraries.
 */
import { type CliIO, type Command, EXIT_BAD_INPUT, EXIT_INTERNAL, UsageError } from "./io.ts";

const commands: Record<string, () => Promise<Command>> = {
  triage: async () => (await import("./triage.ts")).run,
  ask: async () => (await import("./ask.ts")).run,
  chat: async () => (await import("./chat.ts")).run,
  records: async () => (await import("./records.ts")).run,
  sheet: async () => (await import("./sheet.ts")).run,
  notify: async () => (await import("./notify.ts")).run,
  start: async () => (await import("./start.ts")).run,
  understand: async () => (await import("./understand.ts")).run,
};

const USAGE = `usage: advisor <command> [options]
  triage --profile FILE | --batch FILE.jsonl | --text "TEXT" [--json] [--lang zh|en] [--compare]
  triage --sheet FILE.xlsx|FILE.csv [--out FILE.xlsx|FILE.csv]
  sheet template [--lang en] --out FILE.xlsx
  ask "QUESTION" | --batch FILE.txt [--json] [--top N] [--lang zh|en]
  chat [--json]             console chat (--json: JSON lines in and out)
  understand "TEXT" [--fact PATH] | --batch FILE.jsonl [--json]
  records export --format csv|xlsx|jsonl [--latest] [--out FILE]
  notify [--dry-run] [--json]  tell subscribers whose result a new document version changed
  start                     every configured bot, or the console chat`;

export async function main(argv: string[], io: CliIO): Promise<number> {
  const [name, ...args] = argv;
  const load = name ? commands[name] : undefined;
  if (!load) {
    io.stderr.write(`${name ? `unknown command "${name}"\n` : ""}${USAGE}\n`);
    return EXIT_BAD_INPUT;
  }
  try {
    return await (await load())(args, io);
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr.write(`${error.message}\n`);
      return EXIT_BAD_INPUT;
    }
    // An internal fault: say so in one line; the stack only when asked for.
    io.stderr.write(`internal error: ${(error as Error)?.message ?? error}\n`);
    if (io.env.ADVISOR_DEBUG) io.stderr.write(`${(error as Error)?.stack}\n`);
    return EXIT_INTERNAL;
  }
}

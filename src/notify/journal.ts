/**
 * The send journal: one JSON line per step of each notification, keyed by conversation and
 * version, written and fsync'ed before the step counts. A run reads it back first, so a run after
 * a crash sends what is still owed and nothing twice.
 *
 * The crash window: "sending" is on disk right before each call to the platform (after the
 * rate-limit wait), "sent" or "failed" after it answered (a 429 is "failed" before its wait). A crash between the two leaves the key "sending": the message may or may not have
 * gone out, and the platforms offer no way to ask. Such a key is not sent again (at most once:
 * the error is a message lost, never a message twice); it is reported as uncertain so staff can
 * check and send it deliberately with `--resend-uncertain`.
 */
import { closeSync, existsSync, fsyncSync, mkdirSync, openSync, readFileSync, writeSync } from "node:fs";
import { dirname } from "node:path";

export type JournalOp = "sending" | "sent" | "failed";

export interface JournalLine {
  key: string;
  op: JournalOp;
  at: string;
  /** The platform's id for the message sent. */
  messageId?: string;
  /** Why a send failed (the platform's error; no secrets). */
  error?: string;
}

export class SendJournal {
  private readonly last = new Map<string, JournalLine>();
  private fd: number | undefined;
  private needsBreak = false;

  private constructor(readonly path: string) {}

  /** Reads the journal at `path` (none yet: empty). A torn last line, left by a crash while it
   * was written, is skipped: its step had not counted. */
  static open(path: string): SendJournal {
    const journal = new SendJournal(path);
    if (existsSync(path)) {
      const content = readFileSync(path, "utf8");
      // A torn last line has no line break: the next line must not be glued onto it.
      journal.needsBreak = content.length > 0 && !content.endsWith("\n");
      for (const text of content.split("\n")) {
        const line = parseLine(text);
        if (line) journal.last.set(line.key, line);
      }
    }
    return journal;
  }

  /** Where the key stands: undefined when never tried. */
  state(key: string): JournalOp | undefined {
    return this.last.get(key)?.op;
  }

  /** Appends a step and returns once it is on disk. */
  record(key: string, op: JournalOp, extra: { messageId?: string; error?: string } = {}): void {
    const line: JournalLine = { key, op, at: new Date().toISOString(), ...extra };
    if (this.fd === undefined) {
      mkdirSync(dirname(this.path), { recursive: true });
      this.fd = openSync(this.path, "a");
    }
    writeSync(this.fd, `${this.needsBreak ? "\n" : ""}${JSON.stringify(line)}\n`);
    this.needsBreak = false;
    fsyncSync(this.fd);
    this.last.set(key, line);
  }

  close(): void {
    if (this.fd !== undefined) closeSync(this.fd);
    this.fd = undefined;
  }
}

function parseLine(text: string): JournalLine | undefined {
  if (!text.trim()) return undefined;
  try {
    const line = JSON.parse(text) as Partial<JournalLine>;
    const ops: JournalOp[] = ["sending", "sent", "failed"];
    if (typeof line.key === "string" && ops.includes(line.op as JournalOp)) return line as JournalLine;
  } catch {
    // A torn line: skipped, see open().
  }
  return undefined;
}

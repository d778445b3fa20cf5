/**
 * One JSON document kept in two files written in turn ("ping-pong"), each write stamped with a
 * sequence number; reading takes the whole file with the higher one.
 *
 * Why not a kept library: write-file-atomic and steno (lowdb's own writer) replace a file the
 * usual way, a temp file renamed over the old one, which creates and deletes an inode per write.
 * Measured on this machine (2 cores, ext4, load average 12, a 2 KB conversation, 200 files,
 * 3,000 writes, twice): two copies in place 1.4 / 2.4 ms a write, write-file-atomic 6.0.0
 * (sync, no fsync) 5.7 / 3.7 ms, steno 4.0.2 (async) 1.8 / 3.5 ms; on a quiet machine earlier,
 * 0.07 ms in place against 0.45 ms for temp-and-rename. Overwriting in place alone is not
 * crash-safe: a kill between truncating and writing would leave nothing. With two files, a
 * write only ever truncates the *older* copy, so a crash at any point leaves the previous
 * version whole in the other file: at most the write in flight is lost, as with rename.
 *
 * Files: `<name>.json` holds even sequence numbers, `<name>.b.json` odd ones. A `<name>.json`
 * without a sequence number (written before this adapter) reads as number 0. No fsync, as
 * before: a power cut can damage both copies, which then read as unreadable (SyntaxError).
 */
import { readFileSync, writeFileSync } from "node:fs";

interface Slot<T> {
  seq: number;
  data: T;
}

type SlotRead<T> = { kind: "absent" } | { kind: "torn" } | ({ kind: "whole" } & Slot<T>);

export class TwoSlotJsonFile<T> {
  /** Sequence number of the newest whole copy, once read or written. */
  private seq: number | undefined;
  readonly paths: readonly [even: string, odd: string];

  constructor(path: string) {
    this.paths = [path, `${path.replace(/\.json$/, "")}.b.json`];
  }

  /** The newest whole copy; null when there is none; SyntaxError when copies exist but none
   * is whole (the caller sets them aside). */
  read(): T | null {
    const slots = this.paths.map((path) => readSlot<T>(path));
    let newest: Slot<T> | undefined;
    for (const slot of slots) if (slot.kind === "whole" && (!newest || slot.seq > newest.seq)) newest = slot;
    if (newest) {
      this.seq = newest.seq;
      return newest.data;
    }
    if (slots.some((slot) => slot.kind === "torn"))
      throw new SyntaxError(`no whole copy in ${this.paths.join(" or ")}`);
    this.seq = 0;
    return null;
  }

  write(data: T): void {
    if (this.seq === undefined) {
      try {
        this.read();
      } catch {
        this.seq = 0; // nothing whole to keep: either file may be overwritten
      }
    }
    const seq = (this.seq ?? 0) + 1;
    writeFileSync(this.paths[seq % 2] as string, JSON.stringify({ seq, data }));
    this.seq = seq;
  }
}

function readSlot<T>(path: string): SlotRead<T> {
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return { kind: "absent" };
    throw error;
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    // Cut short by a crash (or empty: truncated, then killed before the write).
    return { kind: "torn" };
  }
  if (isSlot<T>(value)) return { kind: "whole", seq: value.seq, data: value.data };
  return { kind: "whole", seq: 0, data: value as T };
}

function isSlot<T>(value: unknown): value is Slot<T> {
  return (
    typeof value === "object" &&
    value !== null &&
    Number.isSafeInteger((value as Slot<T>).seq) &&
    "data" in value
  );
}

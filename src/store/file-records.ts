/**
 * The file record log: triage records as JSON Lines in DATA_DIR/records.jsonl, appended through
 * one open descriptor and read back line by line.
 *
 * An append is one synchronous `write` on an O_APPEND descriptor, as pino's file destination
 * does by default: a line of a few hundred bytes reaches the page cache in microseconds, while
 * the asynchronous call would queue behind conversation writes on libuv's four threads (see
 * BENCHMARKS.md). kill -9 cannot lose a line once `append` has resolved (no fsync: a power cut
 * can), and can tear at most the line being written, which reading skips with a warning.
 */
import {
  closeSync,
  createReadStream,
  existsSync,
  fstatSync,
  openSync,
  readSync,
  writeFileSync,
  writeSync,
} from "node:fs";
import { join } from "node:path";
import { createInterface } from "node:readline";
import { StoreError } from "./errors.ts";
import type { RecordLog, StoreOptions, TriageRecord } from "./types.ts";

export class FileRecordLog implements RecordLog {
  readonly path: string;
  private fd: number | undefined;

  constructor(
    dataDir: string,
    private readonly warn: NonNullable<StoreOptions["warn"]>,
    private readonly readOnly: boolean,
    private readonly fix: string,
  ) {
    this.path = join(dataDir, "records.jsonl");
  }

  async append(record: TriageRecord): Promise<void> {
    try {
      if (this.readOnly) throw new Error("the store was opened read-only");
      this.write(`${JSON.stringify(record)}\n`);
    } catch (error) {
      throw new StoreError(this.path, "add triage record", error, this.fix);
    }
  }

  /** Yields every whole line that parses; a torn or garbled line is reported and skipped. */
  async *export(): AsyncIterable<TriageRecord> {
    if (!existsSync(this.path)) return;
    const input = createReadStream(this.path, { encoding: "utf8" });
    let line = 0;
    try {
      for await (const text of createInterface({ input, crlfDelay: Number.POSITIVE_INFINITY })) {
        line++;
        if (text.trim() === "") continue;
        let record: TriageRecord;
        try {
          record = JSON.parse(text);
        } catch (error) {
          const problem = (error as Error).message;
          this.warn("skipped an unreadable triage record line (torn by a crash?)", {
            file: this.path,
            line,
            problem,
          });
          continue;
        }
        yield record;
      }
    } catch (error) {
      throw new StoreError(this.path, "read triage records", error, this.fix);
    }
  }

  close(): void {
    if (this.fd !== undefined) closeSync(this.fd);
    this.fd = undefined;
  }

  /** One `write` of the whole line, so a crash leaves at most this line torn. A crash mid-append
   * can leave a last line without its newline; the next record must not be glued onto it (that
   * would make the new record unreadable too), so that line is ended first. */
  private write(line: string): void {
    if (this.fd === undefined) {
      const fd = openSync(this.path, "a+");
      const { size } = fstatSync(fd);
      const last = Buffer.alloc(1);
      if (size > 0 && readSync(fd, last, 0, 1, size - 1) === 1 && last[0] !== 0x0a) writeSync(fd, "\n");
      this.fd = fd;
    }
    writeFileSync(this.fd, line);
  }
}

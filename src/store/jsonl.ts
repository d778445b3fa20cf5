/**
 * An append-only JSON Lines file: lines appended through one open descriptor, read back line by
 * line. Used for the triage records, the delivery ids seen and the kept deliveries (inbox).
 *
 * An append is one synchronous `write` on an O_APPEND descriptor, as pino's file destination
 * does by default: a line of a few hundred bytes goes to the page cache in microseconds, while
 * the asynchronous call would queue behind every conversation file write on libuv's four
 * threads. That queue is what a webhook acknowledgement would wait in (see BENCHMARKS.md). A
 * returned promise settles once the line is written; kill -9 cannot lose it (no fsync: a power
 * cut can). Only `replace`, which rewrites the whole file, runs asynchronously; appends made
 * meanwhile wait for it, in order.
 */
import {
  appendFileSync,
  closeSync,
  createReadStream,
  fstatSync,
  openSync,
  readSync,
  writeSync,
} from "node:fs";
import { rename, writeFile } from "node:fs/promises";
import { createInterface } from "node:readline";

export class JsonLinesFile<T> {
  /** The replacements under way, and the appends waiting behind them, in call order. */
  private tail: Promise<void> = Promise.resolve();
  private replacing = 0;
  private fd: number | undefined;

  constructor(
    readonly path: string,
    private readonly onBadLine: (lineNumber: number, problem: string) => void,
  ) {}

  append(value: T): Promise<void> {
    const line = `${JSON.stringify(value)}\n`;
    if (this.replacing === 0) {
      try {
        this.write(line);
        return Promise.resolve();
      } catch (error) {
        return Promise.reject(error);
      }
    }
    const next = this.tail.then(() => this.write(line));
    this.tail = next.catch(() => {});
    return next;
  }

  /** Replaces the whole file with `values` (temp file, then rename: a crash keeps the old
   * file or the new one). Appends made after this call are written after it. */
  replace(values: Iterable<T>): Promise<void> {
    let text = "";
    for (const value of values) text += `${JSON.stringify(value)}\n`;
    this.replacing++;
    const next = this.tail
      .then(async () => {
        this.closeDescriptor();
        const temp = `${this.path}.tmp`;
        await writeFile(temp, text, "utf8");
        await rename(temp, this.path);
      })
      .finally(() => {
        this.replacing--;
      });
    this.tail = next.catch(() => {});
    return next;
  }

  /** Writes what is pending and closes the descriptor; a later append opens it again. */
  async close(): Promise<void> {
    await this.flush();
    this.closeDescriptor();
  }

  /** Resolves when every append started so far has finished (failed ones included). */
  flush(): Promise<void> {
    return this.tail;
  }

  /** Yields every whole line that parses; a torn or garbled line is reported and skipped. */
  async *read(): AsyncIterable<T> {
    await this.flush();
    let input: ReturnType<typeof createReadStream>;
    try {
      input = createReadStream(this.path, { encoding: "utf8" });
      await new Promise<void>((resolve, reject) => {
        input.once("open", () => resolve());
        input.once("error", reject);
      });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === "ENOENT") return;
      throw error;
    }
    let lineNumber = 0;
    for await (const line of createInterface({ input, crlfDelay: Number.POSITIVE_INFINITY })) {
      lineNumber++;
      if (line.trim() === "") continue;
      try {
        yield JSON.parse(line) as T;
      } catch (error) {
        this.onBadLine(lineNumber, (error as Error).message);
      }
    }
  }

  /** One `write` of the whole line, so a crash leaves at most this line torn. */
  private write(line: string): void {
    if (this.fd === undefined) {
      this.terminateTornLine();
      this.fd = openSync(this.path, "a");
    }
    const bytes = Buffer.from(line, "utf8");
    let written = 0;
    while (written < bytes.length) written += writeSync(this.fd, bytes, written);
  }

  private closeDescriptor(): void {
    if (this.fd === undefined) return;
    closeSync(this.fd);
    this.fd = undefined;
  }

  /** A crash mid-append can leave a last line without its newline; the next record must not be
   * glued onto it (that would make the new record unreadable too), so end that line first. */
  private terminateTornLine(): void {
    let fd: number;
    try {
      fd = openSync(this.path, "r");
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === "ENOENT") return;
      throw error;
    }
    try {
      const { size } = fstatSync(fd);
      if (size === 0) return;
      const last = Buffer.alloc(1);
      readSync(fd, last, 0, 1, size - 1);
      if (last[0] !== 0x0a) appendFileSync(this.path, "\n", "utf8");
    } finally {
      closeSync(fd);
    }
  }
}

/**
 * An append-only JSON Lines file: one write per line, read back line by line. Used for the
 * triage records, which are only ever added and exported, never changed.
 */
import { createReadStream } from "node:fs";
import { appendFile, open, rename, writeFile } from "node:fs/promises";
import { createInterface } from "node:readline";

export class JsonLinesFile<T> {
  /** Appends run one after another so lines keep the order of the calls. */
  private tail: Promise<void> = Promise.resolve();
  private checkedEnding = false;

  constructor(
    readonly path: string,
    private readonly onBadLine: (lineNumber: number, problem: string) => void,
  ) {}

  append(value: T): Promise<void> {
    const line = `${JSON.stringify(value)}\n`;
    const next = this.tail.then(async () => {
      if (!this.checkedEnding) {
        await this.terminateTornLine();
        this.checkedEnding = true;
      }
      // O_APPEND with one write: a crash leaves at most this line torn, never an earlier one.
      await appendFile(this.path, line, "utf8");
    });
    this.tail = next.catch(() => {});
    return next;
  }

  /** Replaces the whole file with `values` (temp file, then rename: a crash keeps the old
   * file or the new one). Runs after the appends already started. */
  replace(values: Iterable<T>): Promise<void> {
    let text = "";
    for (const value of values) text += `${JSON.stringify(value)}\n`;
    const next = this.tail.then(async () => {
      const temp = `${this.path}.tmp`;
      await writeFile(temp, text, "utf8");
      await rename(temp, this.path);
      this.checkedEnding = true;
    });
    this.tail = next.catch(() => {});
    return next;
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

  /** A crash mid-append can leave a last line without its newline; the next record must not be
   * glued onto it (that would make the new record unreadable too), so end that line first. */
  private async terminateTornLine(): Promise<void> {
    let file: Awaited<ReturnType<typeof open>>;
    try {
      file = await open(this.path, "r");
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === "ENOENT") return;
      throw error;
    }
    try {
      const { size } = await file.stat();
      if (size === 0) return;
      const last = Buffer.alloc(1);
      await file.read(last, 0, 1, size - 1);
      if (last[0] !== 0x0a) await appendFile(this.path, "\n", "utf8");
    } finally {
      await file.close();
    }
  }
}

/**
 * An append-only JSON Lines file: lines appended through one open descriptor, read back line by
 * line. Used for the triage records, the delivery ids seen and the inbox of updates not yet
 * handled.
 *
 * Appends are group-committed: lines appended while a write is under way wait and go out
 * together in the next single write, each caller's promise settling when its line is written.
 * Under load that is one system call for many lines instead of an open, write and close per
 * line; alone, a line is written at once.
 */
import { createReadStream } from "node:fs";
import { appendFile, type FileHandle, open, rename, writeFile } from "node:fs/promises";
import { createInterface } from "node:readline";

interface Batch {
  text: string;
  written: Promise<void>;
}

export class JsonLinesFile<T> {
  /** Writes run one after another so lines keep the order of the calls. */
  private tail: Promise<void> = Promise.resolve();
  /** Lines waiting for the write under way to finish; they go out together. */
  private gathering: Batch | undefined;
  private handle: FileHandle | undefined;

  constructor(
    readonly path: string,
    private readonly onBadLine: (lineNumber: number, problem: string) => void,
  ) {}

  append(value: T): Promise<void> {
    const line = `${JSON.stringify(value)}\n`;
    if (!this.gathering) {
      const batch: Batch = { text: "", written: Promise.resolve() };
      batch.written = this.tail.then(async () => {
        if (this.gathering === batch) this.gathering = undefined;
        // One write on an O_APPEND descriptor: a crash leaves at most this batch's last line
        // torn, never an earlier one.
        await (await this.descriptor()).appendFile(batch.text, "utf8");
      });
      this.gathering = batch;
      this.tail = batch.written.catch(() => {});
    }
    this.gathering.text += line;
    return this.gathering.written;
  }

  /** Replaces the whole file with `values` (temp file, then rename: a crash keeps the old
   * file or the new one). Runs after the appends already started; later ones follow it. */
  replace(values: Iterable<T>): Promise<void> {
    let text = "";
    for (const value of values) text += `${JSON.stringify(value)}\n`;
    // Lines appended from now on belong after the replacement, not in a batch written before it.
    this.gathering = undefined;
    const next = this.tail.then(async () => {
      await this.closeDescriptor();
      const temp = `${this.path}.tmp`;
      await writeFile(temp, text, "utf8");
      await rename(temp, this.path);
    });
    this.tail = next.catch(() => {});
    return next;
  }

  /** Writes what is pending and closes the descriptor; a later append opens it again. */
  async close(): Promise<void> {
    await this.flush();
    await this.closeDescriptor();
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

  private async descriptor(): Promise<FileHandle> {
    if (!this.handle) {
      await this.terminateTornLine();
      this.handle = await open(this.path, "a");
    }
    return this.handle;
  }

  private async closeDescriptor(): Promise<void> {
    const handle = this.handle;
    this.handle = undefined;
    await handle?.close();
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

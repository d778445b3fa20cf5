import { mkdtemp, readFile, rm, truncate, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { TwoSlotJsonFile } from "../../src/store/slots.ts";

describe("TwoSlotJsonFile (a conversation file written as two alternating copies)", () => {
  let dir: string;
  let path: string;

  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), "advisor-slots-"));
    path = join(dir, "conversation.json");
  });

  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it("reads what was last written, by a new reader too, and goes on from there", () => {
    const writer = new TwoSlotJsonFile<{ turn: number }>(path);
    expect(writer.read()).toBeNull();
    for (let turn = 1; turn <= 5; turn++) writer.write({ turn });
    expect(writer.read()).toEqual({ turn: 5 });
    const restarted = new TwoSlotJsonFile<{ turn: number }>(path);
    expect(restarted.read()).toEqual({ turn: 5 });
    restarted.write({ turn: 6 });
    expect(new TwoSlotJsonFile(path).read()).toEqual({ turn: 6 });
  });

  it("keeps the previous version when the newest write was cut short, mid-way or right after truncating", async () => {
    const file = new TwoSlotJsonFile<{ turn: number; text: string }>(path);
    file.write({ turn: 1, text: "通州" });
    file.write({ turn: 2, text: "企业" });
    const [newest] = file.paths; // the second write, sequence number 2: the even copy
    const whole = await readFile(newest, "utf8");

    await writeFile(newest, whole.slice(0, whole.length / 2));
    expect(new TwoSlotJsonFile(path).read()).toEqual({ turn: 1, text: "通州" });
    await truncate(newest, 0);
    expect(new TwoSlotJsonFile(path).read()).toEqual({ turn: 1, text: "通州" });

    // The next write replaces the torn copy, never the whole one.
    const resumed = new TwoSlotJsonFile<{ turn: number; text: string }>(path);
    resumed.read();
    resumed.write({ turn: 2, text: "企业 again" });
    expect(new TwoSlotJsonFile(path).read()).toEqual({ turn: 2, text: "企业 again" });
  });

  it("reads a file written before the two copies (no sequence number) and writes the next beside it", async () => {
    await writeFile(path, JSON.stringify({ id: "telegram:1", conversation: { step: 3 } }));
    const file = new TwoSlotJsonFile<{ id: string; conversation: { step: number } }>(path);
    expect(file.read()).toEqual({ id: "telegram:1", conversation: { step: 3 } });
    file.write({ id: "telegram:1", conversation: { step: 4 } });
    expect(JSON.parse(await readFile(path, "utf8"))).toEqual({ id: "telegram:1", conversation: { step: 3 } });
    expect(new TwoSlotJsonFile(path).read()).toEqual({ id: "telegram:1", conversation: { step: 4 } });
  });

  it("says no copy is whole with a SyntaxError, and reads none when there are no files", async () => {
    expect(new TwoSlotJsonFile(path).read()).toBeNull();
    await writeFile(path, '{"seq": 3, "da');
    expect(() => new TwoSlotJsonFile(path).read()).toThrow(SyntaxError);
  });
});

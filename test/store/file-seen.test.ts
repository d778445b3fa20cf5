import { appendFile, mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { FileStore } from "../../src/store/file.ts";

describe("FileStore delivery ids (markSeen) across restarts", () => {
  let dir: string;

  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), "advisor-seen-"));
  });

  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it("recognises an update redelivered after a restart", async () => {
    const before = await FileStore.open(dir);
    expect(await before.markSeen("telegram", "1001")).toBe(true);
    await before.close();
    const after = await FileStore.open(dir);
    expect(await after.markSeen("telegram", "1001")).toBe(false);
    expect(await after.markSeen("slack", "1001")).toBe(true);
    await after.close();
  });

  it("keeps its log bounded while remembering the most recent ids", async () => {
    const store = await FileStore.open(dir, { seenLimit: 5 });
    for (let n = 1; n <= 200; n++) await store.markSeen("telegram", String(n));
    await store.close();
    const lines = (await readFile(join(dir, "seen.jsonl"), "utf8")).trim().split("\n");
    // Compacted whenever it holds seenLimit lines more than the ids remembered.
    expect(lines.length).toBeLessThanOrEqual(10);

    const reopened = await FileStore.open(dir, { seenLimit: 5 });
    for (const recent of ["196", "197", "198", "199", "200"]) {
      expect(await reopened.markSeen("telegram", recent)).toBe(false);
    }
    expect(await reopened.markSeen("telegram", "1")).toBe(true);
    await reopened.close();
  });

  it("starts normally from a log whose last line a crash tore", async () => {
    const store = await FileStore.open(dir);
    await store.markSeen("telegram", "7");
    await store.close();
    await appendFile(join(dir, "seen.jsonl"), '["telegr');
    const reopened = await FileStore.open(dir);
    expect(await reopened.markSeen("telegram", "7")).toBe(false);
    expect(await reopened.markSeen("telegram", "8")).toBe(true);
    await reopened.close();
    const again = await FileStore.open(dir);
    expect(await again.markSeen("telegram", "8")).toBe(false);
    await again.close();
  });
});

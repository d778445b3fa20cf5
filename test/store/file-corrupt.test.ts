import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { conversationPath, FileStore } from "../../src/store/file.ts";
import { conversation } from "./contract.ts";

describe("FileStore with an unreadable conversation file", () => {
  let dir: string;
  let warnings: { message: string; fields?: Record<string, unknown> }[];
  let store: FileStore;

  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), "advisor-store-"));
    warnings = [];
    store = await FileStore.open(dir, { warn: (message, fields) => warnings.push({ message, fields }) });
  });

  afterEach(async () => {
    await store.close();
    await rm(dir, { recursive: true, force: true });
  });

  async function plant(id: string, content: string): Promise<string> {
    const path = conversationPath(dir, id);
    await mkdir(dirname(path), { recursive: true });
    await writeFile(path, content);
    return path;
  }

  const cases: [string, string][] = [
    ["half-written JSON", '{\n  "id": "telegram:1",\n  "conversation": {\n    "version": 1,\n    "sta'],
    ["an empty file (power cut before the data reached the disk)", ""],
    ["JSON of the wrong shape", '{"hello": "world"}'],
    [
      "a file that belongs to another conversation",
      JSON.stringify({ id: "other", conversation: conversation({}) }),
    ],
  ];

  for (const [what, content] of cases) {
    it(`reads ${what} as no conversation, keeps it aside as .corrupt and says so`, async () => {
      const path = await plant("telegram:1", content);
      expect(await store.load("telegram:1")).toBeUndefined();

      const kept = (await readdir(dirname(path))).filter((name) => name.endsWith(".corrupt"));
      expect(kept).toHaveLength(1);
      expect(await readFile(join(dirname(path), kept[0] as string), "utf8")).toBe(content);
      expect(warnings).toHaveLength(1);
      expect(warnings[0]?.fields?.file).toContain(".corrupt");

      // The chat starts afresh and its next turn is stored normally.
      await store.save("telegram:1", conversation({ step: 1 }));
      expect(await store.load("telegram:1")).toEqual(conversation({ step: 1 }));
    });
  }

  it("leaves the other conversations alone", async () => {
    await store.save("telegram:2", conversation({ fine: true }));
    await plant("telegram:1", "{ not json");
    expect(await store.load("telegram:1")).toBeUndefined();
    expect(await store.load("telegram:2")).toEqual(conversation({ fine: true }));
  });

  it("falls back to the previous version when the newest copy was cut short, without a warning", async () => {
    await store.save("telegram:3", conversation({ step: 1 }));
    await store.save("telegram:3", conversation({ step: 2 }));
    // The second save went to the even copy, <hash>.json: cut it short as a kill would.
    const path = conversationPath(dir, "telegram:3");
    await writeFile(path, (await readFile(path, "utf8")).slice(0, 30));

    const restarted = await FileStore.open(dir, {
      warn: (message, fields) => warnings.push({ message, fields }),
    });
    expect(await restarted.load("telegram:3")).toEqual(conversation({ step: 1 }));
    await restarted.save("telegram:3", conversation({ step: 2 }));
    expect(await restarted.load("telegram:3")).toEqual(conversation({ step: 2 }));
    await restarted.close();
    expect(warnings).toEqual([]);
  });
});

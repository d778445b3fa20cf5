import { mkdtemp, readdir, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { FileStore } from "../../src/store/file.ts";
import { conversation, describeStoreContract } from "./contract.ts";

describeStoreContract("FileStore", () => {
  let dir: string | undefined;
  const quiet = { warn: () => {} };
  return {
    create: async () => {
      dir = await mkdtemp(join(tmpdir(), "advisor-store-"));
      return FileStore.open(dir, quiet);
    },
    reopen: async () => FileStore.open(dir as string, quiet),
    cleanup: async () => {
      if (dir) await rm(dir, { recursive: true, force: true });
    },
  };
});

describe("FileStore on disk", () => {
  it("keeps each conversation in its own small file, so a write never rewrites the others", async () => {
    const dir = await mkdtemp(join(tmpdir(), "advisor-store-"));
    try {
      const store = await FileStore.open(dir);
      const ids = ["telegram:1", "telegram:2", "slack:T1:C9:1700000000.0001", "../../etc/passwd"];
      for (const id of ids) await store.save(id, conversation({ id }));
      await store.close();
      const files: string[] = [];
      for (const prefix of await readdir(join(dir, "conversations"))) {
        for (const name of await readdir(join(dir, "conversations", prefix))) files.push(name);
      }
      // Ids become hashed names: no id (not even a path-like one) escapes the directory.
      for (const name of files) expect(name).toMatch(/^[0-9a-f]{40}(\.b)?\.json$/);
      // One file (of its two copies, one written so far) per conversation.
      expect(new Set(files.map((name) => name.slice(0, 40))).size).toBe(ids.length);
      expect(files).toHaveLength(ids.length);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it("keeps more conversations than its handle cache holds, each still readable", async () => {
    const dir = await mkdtemp(join(tmpdir(), "advisor-store-"));
    try {
      const store = await FileStore.open(dir, { maxHandles: 5 });
      const ids = Array.from({ length: 30 }, (_, n) => `telegram:${n}`);
      await Promise.all(ids.map((id, n) => store.save(id, conversation({ n }))));
      for (const [n, id] of ids.entries()) expect(await store.load(id)).toEqual(conversation({ n }));
      await store.close();
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it("says which directory it cannot use and how to fix it", async () => {
    const dir = await mkdtemp(join(tmpdir(), "advisor-store-"));
    try {
      const blocker = join(dir, "not-a-dir");
      await writeFile(blocker, "x");
      await expect(FileStore.open(blocker)).rejects.toThrow(/not-a-dir.*DATA_DIR/);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

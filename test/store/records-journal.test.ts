import { appendFile, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { FileStore } from "../../src/store/file.ts";
import { collect, triageRecord } from "./contract.ts";

describe("FileStore triage records (records.jsonl)", () => {
  let dir: string;
  let warnings: string[];
  const open = () => FileStore.open(dir, { warn: (message) => warnings.push(message) });

  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), "advisor-store-"));
    warnings = [];
  });

  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it("skips a last line torn by a crash and reads every whole record", async () => {
    const first = triageRecord({ userId: "1" });
    const second = triageRecord({ userId: "2" });
    const store = await open();
    await store.append(first);
    await store.append(second);
    await store.close();
    // What a crash in the middle of the third append leaves behind.
    await appendFile(join(dir, "records.jsonl"), '{"at":"2026-11-21T10:00:00.000Z","channel":"tele');

    const reopened = await open();
    expect(await collect(reopened.export())).toEqual([first, second]);
    expect(warnings).toHaveLength(1);
    await reopened.close();
  });

  it("does not glue the next record onto a torn line", async () => {
    await writeFile(
      join(dir, "records.jsonl"),
      `${JSON.stringify(triageRecord({ userId: "1" }))}\n{"at":"20`,
    );
    const store = await open();
    const next = triageRecord({ userId: "3", profile: { district: "tongzhou", 名称: "数据科技\n有限公司" } });
    await store.append(next);
    expect(await collect(store.export())).toEqual([triageRecord({ userId: "1" }), next]);
    await store.close();
  });

  it("writes one record a line, so each addition is a single append", async () => {
    const store = await open();
    await store.append(triageRecord({ userId: "1", profile: { note: "多行\n文本" } }));
    await store.append(triageRecord({ userId: "2" }));
    await store.close();
    const lines = (await readFile(join(dir, "records.jsonl"), "utf8")).split("\n");
    expect(lines).toHaveLength(3);
    expect(lines[2]).toBe("");
  });
});

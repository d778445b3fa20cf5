import { appendFile, mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { FileStore } from "../../src/store/file.ts";

describe("FileStore kept deliveries (DATA_DIR/inbox.jsonl)", () => {
  let dir: string;
  const inbox = () => join(dir, "inbox.jsonl");
  const lines = async () => (await readFile(inbox(), "utf8")).split("\n").filter(Boolean).length;

  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), "advisor-inbox-"));
  });

  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it("stays small under a stream of deliveries and keeps exactly the unsettled ones", async () => {
    const store = await FileStore.open(dir, { inboxSlack: 10 });
    await store.keepDelivery("telegram", "waiting-1", { update_id: 1 });
    for (let n = 100; n < 400; n++) {
      await store.keepDelivery("telegram", String(n), { update_id: n, text: "通州" });
      await store.settleDelivery("telegram", String(n));
    }
    await store.keepDelivery("telegram", "waiting-2", { update_id: 2 });
    expect(await lines()).toBeLessThanOrEqual(2 + 10 + 2);
    await store.close();

    const restarted = await FileStore.open(dir);
    expect(await restarted.orphanedDeliveries("telegram")).toEqual([
      { id: "waiting-1", payload: { update_id: 1 } },
      { id: "waiting-2", payload: { update_id: 2 } },
    ]);
    // Compacted at open to the two still kept.
    expect(await lines()).toBe(2);
    await restarted.close();
  });

  it("reads past a last line torn by a crash: that delivery was never acknowledged", async () => {
    const store = await FileStore.open(dir);
    await store.keepDelivery("telegram", "7", { update_id: 7 });
    await store.close();
    await appendFile(inbox(), '["keep","telegram","8",{"update_');

    const warnings: string[] = [];
    const restarted = await FileStore.open(dir, { warn: (message) => warnings.push(message) });
    expect(await restarted.orphanedDeliveries("telegram")).toEqual([{ id: "7", payload: { update_id: 7 } }]);
    expect(warnings).toEqual(["skipped an unreadable inbox line"]);
    // The next keep starts on a line of its own.
    await restarted.keepDelivery("telegram", "9", { update_id: 9 });
    await restarted.close();
    const again = await FileStore.open(dir);
    expect((await again.orphanedDeliveries("telegram")).map((d) => d.id)).toEqual(["7", "9"]);
    await again.close();
  });
});

import { afterEach, describe, expect, it } from "vitest";
import { MemoryStore } from "../../../src/store/memory.ts";
import { at, DM, type Harness, posted, ScriptedService, startHarness } from "./harness.ts";

describe("a retried delivery", () => {
  let harness: Harness;
  afterEach(() => harness?.close());

  it("is acknowledged but answered only once", async () => {
    const service = new ScriptedService();
    const store = new MemoryStore();
    harness = await startHarness({ service, seen: (id) => store.markSeen("slack", id) });
    const event = DM("你好");
    const original = await harness.send(event, { eventId: "Ev42" });
    const retry = await harness.send(event, { eventId: "Ev42", retryNum: 1 });
    const again = await harness.send(event, { eventId: "Ev42", retryNum: 2 });
    // Slack stops retrying only when it gets its 200.
    expect([original.status, retry.status, again.status]).toEqual([200, 200, 200]);

    // A later, different event is the barrier: once it is answered, the retries had their chance.
    await harness.send(DM("在吗"), { eventId: "Ev43" });
    await harness.fake.waitForCalls("chat.postMessage", 3);
    await harness.settle();
    expect(service.inputs.map((input) => input.event)).toEqual([
      { kind: "text", text: "你好" },
      { kind: "text", text: "在吗" },
    ]);
    expect(posted(harness.fake).map((message) => message.text)).toHaveLength(3);
    expect(at(posted(harness.fake), 2).text).toContain("请点按钮回答");
  });

  it("is recognised without a store, by the adapter's own memory", async () => {
    const service = new ScriptedService();
    harness = await startHarness({ service });
    await harness.send(DM("你好"), { eventId: "Ev7" });
    await harness.send(DM("你好"), { eventId: "Ev7", retryNum: 1 });
    await harness.settle();
    expect(service.inputs).toHaveLength(1);
  });
});

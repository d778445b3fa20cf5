import { afterEach, describe, expect, it } from "vitest";
import { createLimits } from "../../../src/bots/limits.ts";
import { createAdvisorService } from "../../../src/dialog/service.ts";
import { loadPolicySet } from "../../../src/policy/load.ts";
import { MemoryStore } from "../../../src/store/memory.ts";
import { at, DM, type Harness, posted, ScriptedService, startHarness } from "./harness.ts";

describe("a retried delivery", () => {
  let harness: Harness;
  afterEach(() => harness?.close());

  it("is acknowledged each time, and its event id reaches the service so it is applied once", async () => {
    const service = new ScriptedService();
    harness = await startHarness({ service });
    const event = DM("你好");
    const original = await harness.send(event, { eventId: "Ev42" });
    const retry = await harness.send(event, { eventId: "Ev42", retryNum: 1 });
    const again = await harness.send(event, { eventId: "Ev42", retryNum: 2 });
    // Slack stops retrying only when it gets its 200.
    expect([original.status, retry.status, again.status]).toEqual([200, 200, 200]);
    await harness.send(DM("在吗"), { eventId: "Ev43" });
    await harness.settle();
    expect(service.inputs.map((input) => [input.deliveryId, input.event])).toEqual([
      ["Ev42", { kind: "text", text: "你好" }],
      ["Ev43", { kind: "text", text: "在吗" }],
    ]);
    expect(posted(harness.fake)).toHaveLength(3);
    expect(at(posted(harness.fake), 2).text).toContain("请点按钮回答");
  });

  it("with the real advisor, takes a retried answer once and asks the open question again", async () => {
    const store = new MemoryStore();
    const service = createAdvisorService({ set: loadPolicySet(), store });
    harness = await startHarness({ service, conversations: store, limits: createLimits({ burst: 100 }) });
    await harness.send(DM("你好"), { eventId: "Ev1" });
    await harness.send(DM("1"), { eventId: "Ev2" });
    await harness.settle();
    const history = async () =>
      ((await store.load("slack:T1:D1"))?.state as { history?: unknown[] } | undefined)?.history?.length;
    const before = await history();
    const postsBefore = posted(harness.fake).length;
    // Slack did not see the answer's acknowledgement (a crash) and sends the event again.
    expect((await harness.send(DM("1"), { eventId: "Ev2", retryNum: 1 })).status).toBe(200);
    await harness.settle();
    expect(await history()).toBe(before);
    const reasked = posted(harness.fake).slice(postsBefore);
    expect(reasked.length).toBeGreaterThan(0);
    // The question as asked before (where it came with the answer's read-back, at its end).
    const question = at(reasked, reasked.length - 1).text;
    expect(at(posted(harness.fake), postsBefore - 1).text.slice(-question.length)).toBe(question);
  });
});

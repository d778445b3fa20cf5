import { afterEach, describe, expect, it } from "vitest";
import { DM, type Harness, ScriptedService, startHarness } from "./harness.ts";

describe("stopping the adapter", () => {
  let harness: Harness;
  afterEach(() => harness?.close());

  it("finishes the turn under way and turns new deliveries away for Slack to retry", async () => {
    const service = new ScriptedService();
    harness = await startHarness({ service });
    const { fake, adapter } = harness;
    const release = fake.hold("chat.postMessage");
    await harness.send(DM("你好"));
    await fake.waitForCalls("chat.postMessage", 1);

    let stopped = false;
    const stopping = adapter.stop().then(() => {
      stopped = true;
    });
    const late = await harness.send(DM("来晚了"));
    expect(late.status).toBe(503);
    // The reply is still held by Slack, so stopping cannot have finished.
    expect(stopped).toBe(false);

    release();
    await stopping;
    expect(fake.callsOf("chat.postMessage").every((call) => call.answered)).toBe(true);
    expect(fake.callsOf("chat.postMessage")).toHaveLength(2);
    expect(service.inputs.map((input) => input.event)).toEqual([{ kind: "text", text: "你好" }]);
  });
});

import { afterEach, describe, expect, it } from "vitest";
import { DM, type Harness, posted, ScriptedService, startHarness } from "./harness.ts";

describe("two quick messages in one conversation", () => {
  let harness: Harness;
  afterEach(() => harness?.close());

  it("are answered in the order they were sent, even when Slack is slow with the first answer", async () => {
    const service = new ScriptedService();
    harness = await startHarness({ service });
    const { fake } = harness;
    const release = fake.hold("chat.postMessage");
    await harness.send(DM("你好"));
    await fake.waitForCalls("chat.postMessage", 1);
    await harness.send(DM("第二句"));
    // The second turn waits for the first to finish answering before it reaches the dialog.
    expect(service.inputs).toHaveLength(1);
    release();
    await fake.waitForCalls("chat.postMessage", 3);
    await harness.settle();
    expect(posted(fake).map((message) => message.text.split("\n")[0])).toEqual([
      "您好！",
      "您的企业注册在哪个区？",
      "请点按钮回答。",
    ]);
  });

  it("do not hold up another conversation", async () => {
    const service = new ScriptedService();
    harness = await startHarness({ service });
    const { fake } = harness;
    const release = fake.hold("chat.postMessage");
    await harness.send(DM("你好"));
    await fake.waitForCalls("chat.postMessage", 1);
    await harness.send(DM("你好", { channel: "D2", user: "U2" }));
    // Both conversations reached Slack while the first is still waiting for its answer.
    await fake.waitForCalls("chat.postMessage", 2);
    expect(fake.callsOf("chat.postMessage").map((call) => call.args.channel)).toEqual(["D1", "D2"]);
    release();
    await harness.settle();
  });
});

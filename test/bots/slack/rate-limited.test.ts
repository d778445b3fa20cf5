import { afterEach, describe, expect, it } from "vitest";
import { DM, type Harness, posted, startHarness } from "./harness.ts";

describe("Slack's rate limit", () => {
  let harness: Harness;
  afterEach(() => harness?.close());

  it("is waited out: a post refused with 429 is sent again after Retry-After, in order", async () => {
    harness = await startHarness();
    const { fake } = harness;
    fake.rateLimit("chat.postMessage", 1, 1);
    await harness.send(DM("你好"));
    await harness.settle();
    const calls = fake.callsOf("chat.postMessage");
    expect(calls.map((call) => call.answer?.ok)).toEqual([false, true, true]);
    expect(
      posted(fake)
        .slice(1)
        .map((message) => message.text.split("\n")[0]),
    ).toEqual(["您好！", "您的企业注册在哪个区？"]);
  });
});

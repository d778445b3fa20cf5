import { afterEach, describe, expect, it } from "vitest";
import { at, DM, type Harness, posted, startHarness } from "./harness.ts";

describe("acknowledging Slack", () => {
  let harness: Harness;
  afterEach(() => harness?.close());

  it("answers the event delivery before the slow reply has gone out", async () => {
    harness = await startHarness();
    const { fake } = harness;
    const release = fake.hold("chat.postMessage");
    const response = await harness.send(DM("你好"));
    expect(response.status).toBe(200);
    // The adapter has started replying, but Slack (the fake) has not answered yet.
    const [reply] = await fake.waitForCalls("chat.postMessage", 1);
    expect(reply?.answered).toBe(false);
    release();
    await fake.waitForCalls("chat.postMessage", 2);
    expect(posted(fake)).toHaveLength(2);
  });

  it("answers a button press before the slow reply has gone out", async () => {
    harness = await startHarness();
    const { fake } = harness;
    await harness.send(DM("你好"));
    await fake.waitForCalls("chat.postMessage", 2);
    const question = at(posted(fake), 1);

    const releaseUpdate = fake.hold("chat.update");
    const releasePost = fake.hold("chat.postMessage");
    const response = await harness.press(question, "tongzhou");
    expect(response.status).toBe(200);
    const [update] = await fake.waitForCalls("chat.update", 1);
    expect(update?.answered).toBe(false);
    releaseUpdate();
    releasePost();
    await fake.waitForCalls("chat.postMessage", 3);
  });
});

import { afterEach, describe, expect, it } from "vitest";
import { at, DM, type Harness, posted, startHarness } from "./harness.ts";

describe("acknowledging Slack", () => {
  let harness: Harness;
  afterEach(() => harness?.close());

  it("answers an event delivery only once its turn is over, so a crash before leaves it to Slack's retry", async () => {
    harness = await startHarness({ ackBudgetMs: 10_000 });
    const { fake } = harness;
    const release = fake.hold("chat.postMessage");
    let answered = false;
    const response = harness.send(DM("你好")).then((r) => {
      answered = true;
      return r;
    });
    await fake.waitForCalls("chat.postMessage", 1);
    // The reply is held up at Slack: the delivery is not acknowledged yet.
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(answered).toBe(false);
    release();
    expect((await response).status).toBe(200);
    expect(posted(fake)).toHaveLength(2);
    expect(fake.callsOf("chat.postMessage").every((call) => call.answered)).toBe(true);
  });

  it("answers within its time budget when the turn takes longer, and finishes the turn after", async () => {
    harness = await startHarness({ ackBudgetMs: 200 });
    const { fake } = harness;
    const release = fake.hold("chat.postMessage");
    const response = await harness.send(DM("你好"));
    expect(response.status).toBe(200);
    // The adapter has started replying, but Slack (the fake) has not answered yet.
    const [reply] = await fake.waitForCalls("chat.postMessage", 1);
    expect(reply?.answered).toBe(false);
    release();
    await fake.waitForCalls("chat.postMessage", 2);
    await harness.settle();
    expect(posted(fake)).toHaveLength(2);
  });

  it("answers a button press within the budget while the slow reply goes on", async () => {
    harness = await startHarness({ ackBudgetMs: 200 });
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

import { afterEach, describe, expect, it } from "vitest";
import { at, DM, type Harness, posted, ScriptedService, startHarness } from "./harness.ts";

describe("when something fails", () => {
  let harness: Harness;
  afterEach(() => harness?.close());

  it("tells the user in their language and keeps the conversation where it was", async () => {
    const service = new ScriptedService();
    harness = await startHarness({ service });
    const { fake } = harness;
    await harness.send(DM("你好"));
    await fake.waitForCalls("chat.postMessage", 2);
    const question = at(posted(fake), 1);

    service.failNext = true;
    await harness.send(DM("随便说点什么"));
    await fake.waitForCalls("chat.postMessage", 3);
    const apology = at(posted(fake), 2);
    expect(apology.text).toContain("出了点问题");
    expect(apology.text).not.toMatch(/dialog exploded|Error|at .*\.ts/);
    expect(harness.logs.some((line) => line.includes("dialog exploded"))).toBe(true);

    // The earlier question still works: the failed turn changed nothing.
    await harness.press(question, "tongzhou");
    await fake.waitForCalls("chat.postMessage", 4);
    expect(at(posted(fake), 3).text).toContain("有哪些平台");
  });

  it("apologises in both languages when it cannot tell the user's language", async () => {
    const service = new ScriptedService();
    harness = await startHarness({ service });
    service.failNext = true;
    await harness.send(DM("123"));
    await harness.fake.waitForCalls("chat.postMessage", 1);
    const apology = at(posted(harness.fake), 0).text;
    expect(apology).toContain("出了点问题");
    expect(apology).toContain("Sorry");
  });

  it("logs a Web API failure and goes on serving", async () => {
    const service = new ScriptedService();
    harness = await startHarness({ service });
    const { fake } = harness;
    fake.fail("chat.postMessage", "channel_not_found");
    await harness.send(DM("你好"));
    await harness.settle();
    // After a failed post the rest of that turn's messages are not sent out of context.
    expect(fake.callsOf("chat.postMessage")).toHaveLength(1);
    expect(harness.logs.some((line) => line.includes("channel_not_found") && line.includes('"error"'))).toBe(
      true,
    );

    fake.recover("chat.postMessage");
    await harness.send(DM("再试一次"));
    await fake.waitForCalls("chat.postMessage", 2);
    expect(service.inputs).toHaveLength(2);
  });
});

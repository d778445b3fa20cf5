import { afterEach, describe, expect, it } from "vitest";
import { createLimits } from "../../../src/bots/limits.ts";
import { at, DM, type Harness, ScriptedService, startHarness, TEAM } from "./harness.ts";

describe("the per-user limits", () => {
  let harness: Harness;
  afterEach(() => harness?.close());

  it("refuses an overlong message with a notice only the sender sees, in the thread", async () => {
    const service = new ScriptedService();
    harness = await startHarness({ service, limits: createLimits({ maxTextLength: 50 }) });
    const { fake } = harness;
    await harness.send({
      type: "app_mention",
      channel: "C3",
      user: "U9",
      team: TEAM,
      text: `<@${fake.botUserId}> ${"很长".repeat(40)}`,
      ts: "1700000300.000100",
    });
    const [notice] = await fake.waitForCalls("chat.postEphemeral", 1);
    expect(notice?.args).toMatchObject({ channel: "C3", user: "U9", thread_ts: "1700000300.000100" });
    expect(String(notice?.args.text)).toContain("50");
    await harness.settle();
    expect(service.inputs).toEqual([]);
    expect(fake.callsOf("chat.postMessage")).toEqual([]);
  });

  it("tells a user who floods once, then stays quiet until they slow down", async () => {
    let now = 0;
    const service = new ScriptedService();
    const limits = createLimits({ burst: 2, turnsPerMinute: 1, now: () => now });
    harness = await startHarness({ service, limits });
    const { fake } = harness;
    for (const text of ["一", "二", "三", "四"]) await harness.send(DM(text));
    await harness.settle();
    expect(service.inputs.map((input) => input.event)).toEqual([
      { kind: "text", text: "一" },
      { kind: "text", text: "二" },
    ]);
    expect(fake.callsOf("chat.postEphemeral")).toHaveLength(1);
    expect(String(at(fake.callsOf("chat.postEphemeral"), 0).args.text)).toContain("稍等");

    now += 60_000;
    await harness.send(DM("五"));
    await harness.settle();
    expect(service.inputs).toHaveLength(3);
  });
});

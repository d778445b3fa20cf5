import { afterEach, describe, expect, it } from "vitest";
import {
  at,
  buttons,
  DM,
  type Harness,
  type PostedBlock,
  posted,
  ScriptedService,
  startHarness,
  TEAM,
} from "./harness.ts";

describe("a direct-message conversation with buttons", () => {
  let harness: Harness;
  afterEach(() => harness?.close());

  it("asks with buttons, takes presses as choices, ticks in place and posts the result", async () => {
    const service = new ScriptedService();
    harness = await startHarness({ service });
    const { fake } = harness;

    const first = await harness.send(DM("你好"));
    expect(first.status).toBe(200);
    await fake.waitForCalls("chat.postMessage", 2);
    const greeting = at(posted(fake), 0);
    const question = at(posted(fake), 1);
    expect(service.inputs[0]).toMatchObject({
      channel: "slack",
      conversationId: `slack:${TEAM}:D1`,
      userId: "U1",
      lang: "zh",
      event: { kind: "text", text: "你好" },
    });
    expect(greeting.text).toContain("您好");
    expect(question.channel).toBe("D1");
    // A DM conversation is answered in the DM itself, not in a thread.
    expect(question.thread_ts).toBeUndefined();
    expect(question.text).toContain("您的企业注册在哪个区");
    const choices = buttons(question);
    expect(choices.map((button) => button.value)).toEqual(["tongzhou", "shijingshan", "other"]);
    expect(new Set(choices.map((button) => button.action_id)).size).toBe(3);
    expect(JSON.stringify(question.blocks)).toContain("第 1 题，约 2 题");

    const pressed = await harness.press(question, "shijingshan");
    expect(pressed.status).toBe(200);
    await fake.waitForCalls("chat.postMessage", 3);
    expect(service.inputs[1]).toMatchObject({
      conversationId: `slack:${TEAM}:D1`,
      event: { kind: "choice", id: "shijingshan" },
    });
    // The answered question keeps its text, loses its buttons and shows the answer.
    const frozen = at(await fake.waitForCalls("chat.update", 1), 0);
    expect(frozen.args.ts).toBe(question.ts);
    expect(buttons({ blocks: frozen.args.blocks as PostedBlock[] })).toEqual([]);
    expect(JSON.stringify(frozen.args.blocks)).toContain("✓ 石景山区");

    const multi = at(posted(fake), 2);
    const multiButtons = buttons(multi);
    expect(multiButtons.map((button) => [button.value, button.label])).toEqual([
      ["key_lab", "重点实验室"],
      ["incubator", "孵化器"],
      ["done", "完成"],
    ]);

    await harness.press(multi, "key_lab");
    const updates = await fake.waitForCalls("chat.update", 2);
    // Ticking an option redraws the same question rather than posting a new one.
    expect(at(updates, 1).args.ts).toBe(multi.ts);
    const redrawn = { ...multi, blocks: at(updates, 1).args.blocks as PostedBlock[] };
    expect(buttons(redrawn).map((button) => button.label)).toContain("✓ 重点实验室");
    expect(fake.callsOf("chat.postMessage")).toHaveLength(3);

    await harness.press(redrawn, "done");
    await fake.waitForCalls("chat.postMessage", 4);
    expect(service.inputs.map((input) => input.event)).toEqual([
      { kind: "text", text: "你好" },
      { kind: "choice", id: "shijingshan" },
      { kind: "choice", id: "key_lab" },
      { kind: "choice", id: "done" },
    ]);
    const result = at(posted(fake), 3);
    expect(result.blocks[0]).toMatchObject({ type: "header", text: { text: "评估结果" } });
    expect(result.text).toContain("key_lab 可申请");
    // Every Web API call carried the bot token.
    expect(fake.calls.every((call) => call.token?.startsWith("xoxb-"))).toBe(true);
  });

  it("keeps a several-answers question open while the dialog acknowledges each tick in text", async () => {
    const service = new ScriptedService("note");
    harness = await startHarness({ service });
    const { fake } = harness;
    await harness.send(DM("你好"));
    await fake.waitForCalls("chat.postMessage", 2);
    await harness.press(at(posted(fake), 1), "tongzhou");
    await fake.waitForCalls("chat.postMessage", 3);
    const multi = at(posted(fake), 2);

    await harness.press(multi, "key_lab");
    await fake.waitForCalls("chat.postMessage", 4);
    expect(at(posted(fake), 3).text).toContain("已选：key_lab");
    await harness.press(multi, "incubator");
    await fake.waitForCalls("chat.postMessage", 5);
    await harness.settle();
    // Only the first question was closed; the open one was never touched, so its buttons remain.
    expect(fake.callsOf("chat.update").map((call) => call.args.ts)).toEqual([at(posted(fake), 1).ts]);

    await harness.press(multi, "done");
    await fake.waitForCalls("chat.postMessage", 6);
    const closed = at(await fake.waitForCalls("chat.update", 2), 1);
    expect(closed.args.ts).toBe(multi.ts);
    expect(buttons({ blocks: closed.args.blocks as PostedBlock[] })).toEqual([]);
    // The result carries both picks (its fallback text is only a summary: the title and totals).
    expect(JSON.stringify(at(posted(fake), 5).blocks)).toContain("incubator 可申请");
  });
});

import { afterEach, describe, expect, it } from "vitest";
import {
  at,
  buttons,
  type Harness,
  MENTION as mention,
  posted,
  ScriptedService,
  startHarness,
  TEAM,
} from "./harness.ts";

describe("a mention in a channel", () => {
  let harness: Harness;
  afterEach(() => harness?.close());

  it("is answered in a thread under the mention, as its own conversation", async () => {
    const service = new ScriptedService();
    harness = await startHarness({ service });
    const { fake } = harness;

    await harness.send(mention(`<@${fake.botUserId}> 我们公司能申请什么补贴？`));
    await fake.waitForCalls("chat.postMessage", 2);
    // The bot's own mention is not part of what the user said.
    expect(at(service.inputs, 0)).toMatchObject({
      conversationId: `slack:${TEAM}:C9:1700000100.000200`,
      userId: "U7",
      event: { kind: "text", text: "我们公司能申请什么补贴？" },
    });
    for (const message of posted(fake)) {
      expect(message.channel).toBe("C9");
      expect(message.thread_ts).toBe("1700000100.000200");
    }

    // A button pressed in that thread continues the same conversation, in the same thread.
    const question = at(posted(fake), 1);
    await harness.press(question, "tongzhou", { user: "U7" });
    await fake.waitForCalls("chat.postMessage", 3);
    expect(at(service.inputs, 1)).toMatchObject({
      conversationId: `slack:${TEAM}:C9:1700000100.000200`,
      event: { kind: "choice", id: "tongzhou" },
    });
    expect(at(posted(fake), 2).thread_ts).toBe("1700000100.000200");
    expect(buttons(at(posted(fake), 2)).length).toBeGreaterThan(0);
  });

  it("continues a conversation when mentioned again inside its thread", async () => {
    const service = new ScriptedService();
    harness = await startHarness({ service });
    const { fake } = harness;

    await harness.send(
      mention(`<@${fake.botUserId}> 再问一下`, { ts: "1700000200.000300", thread_ts: "1700000100.000200" }),
    );
    await fake.waitForCalls("chat.postMessage", 1);
    expect(at(service.inputs, 0).conversationId).toBe(`slack:${TEAM}:C9:1700000100.000200`);
    expect(at(posted(fake), 0).thread_ts).toBe("1700000100.000200");
  });

  it("starts the conversation when the mention has no other words", async () => {
    const service = new ScriptedService();
    harness = await startHarness({ service });
    await harness.send(mention(`<@${harness.fake.botUserId}>`));
    await harness.fake.waitForCalls("chat.postMessage", 1);
    expect(at(service.inputs, 0).event).toEqual({ kind: "start", resume: true });
  });

  const threadReply = (text: string, extra: Record<string, unknown> = {}) => ({
    type: "message",
    channel: "C9",
    channel_type: "channel",
    user: "U7",
    team: TEAM,
    text,
    ts: "1700000150.000900",
    thread_ts: "1700000100.000200",
    ...extra,
  });

  it("answers a reply in its thread without another mention", async () => {
    const service = new ScriptedService();
    harness = await startHarness({ service });
    const { fake } = harness;
    await harness.send(mention(`<@${fake.botUserId}> 你好`));
    await fake.waitForCalls("chat.postMessage", 2);

    await harness.send(threadReply("3000万"));
    await fake.waitForCalls("chat.postMessage", 3);
    expect(at(service.inputs, 1)).toMatchObject({
      conversationId: `slack:${TEAM}:C9:1700000100.000200`,
      event: { kind: "text", text: "3000万" },
    });
    expect(at(posted(fake), 2).thread_ts).toBe("1700000100.000200");
  });

  it("answers a reply that mentions the bot once, though Slack sends it as two events", async () => {
    const service = new ScriptedService();
    harness = await startHarness({ service });
    const { fake } = harness;
    await harness.send(mention(`<@${fake.botUserId}> 你好`));
    await fake.waitForCalls("chat.postMessage", 2);

    const text = `<@${fake.botUserId}> 再问一句`;
    await harness.send(threadReply(text));
    await harness.send(mention(text, { ts: "1700000150.000900", thread_ts: "1700000100.000200" }));
    await fake.waitForCalls("chat.postMessage", 3);
    await harness.settle();
    expect(service.inputs.map((input) => input.event)).toEqual([
      { kind: "text", text: "你好" },
      { kind: "text", text: "再问一句" },
    ]);
  });

  it("leaves alone threads it is not talking in", async () => {
    const service = new ScriptedService();
    harness = await startHarness({ service });
    await harness.send(threadReply("别人的讨论", { thread_ts: "1600000000.000100" }));
    await harness.settle();
    expect(service.inputs).toEqual([]);
    expect(harness.fake.callsOf("chat.postMessage")).toEqual([]);
  });
});

import { afterEach, describe, expect, it } from "vitest";
import { DM, type Harness, ScriptedService, startHarness, TEAM } from "./harness.ts";

describe("messages the adapter does not answer", () => {
  let harness: Harness;
  afterEach(() => harness?.close());

  it("ignores its own messages, other bots, edits, deletions and unmentioned channel chatter", async () => {
    const service = new ScriptedService();
    harness = await startHarness({ service });
    const { fake } = harness;
    const ignored = [
      DM("我自己发的", { user: fake.botUserId, bot_id: fake.botId }),
      DM("another bot", { subtype: "bot_message", bot_id: "B999", user: undefined }),
      DM("bot with a user id", { user: "U55", bot_id: "B999" }),
      DM("", { subtype: "message_changed", user: undefined, message: { text: "edited", user: "U1" } }),
      DM("", { subtype: "message_deleted", user: undefined }),
      {
        type: "message",
        channel: "C1",
        channel_type: "channel",
        user: "U1",
        team: TEAM,
        text: "闲聊",
        ts: "1.2",
      },
      {
        type: "app_mention",
        channel: "C1",
        user: "U2",
        bot_id: "B999",
        team: TEAM,
        text: `<@${fake.botUserId}> hi`,
        ts: "1.3",
      },
    ];
    for (const event of ignored) expect((await harness.send(event)).status).toBe(200);
    await harness.settle();
    expect(service.inputs).toEqual([]);
    expect(fake.callsOf("chat.postMessage")).toEqual([]);

    // The same channel still works for a person.
    await harness.send(DM("你好"));
    await fake.waitForCalls("chat.postMessage", 1);
    expect(service.inputs.map((input) => input.userId)).toEqual(["U1"]);
  });

  it("still answers a person whose message carries a file", async () => {
    const service = new ScriptedService();
    harness = await startHarness({ service });
    await harness.send(DM("请看附件", { subtype: "file_share", files: [{ id: "F1" }] }));
    await harness.fake.waitForCalls("chat.postMessage", 1);
    expect(service.inputs.map((input) => input.event)).toEqual([{ kind: "text", text: "请看附件" }]);
  });
});

import { afterEach, describe, expect, it } from "vitest";
import { createLimits } from "../../../src/bots/limits.ts";
import { createLogger } from "../../../src/bots/logger.ts";
import { createSlack, type SlackAdapter } from "../../../src/bots/slack/index.ts";
import { MemoryStore } from "../../../src/store/memory.ts";
import { FakeSlack } from "../../support/fake-slack.ts";
import { at, BOT_TOKEN, DM, posted, ScriptedService, TEAM } from "./harness.ts";

const APP_TOKEN = "xapp-1-test-app-token-never-logged";

describe("Socket Mode", () => {
  let fake: FakeSlack;
  let adapter: SlackAdapter | undefined;
  afterEach(async () => {
    await adapter?.stop();
    await fake.stop();
  });

  const envelope = (event: Record<string, unknown>, eventId: string) => ({
    token: "legacy",
    team_id: TEAM,
    api_app_id: "A1",
    event,
    type: "event_callback",
    event_id: eventId,
    event_time: 1,
  });

  it("connects with the app token, acks each envelope once its turn is over, and applies a redelivery once", async () => {
    fake = new FakeSlack({ team: TEAM });
    const apiUrl = await fake.start();
    const service = new ScriptedService();
    const logs: string[] = [];
    adapter = await createSlack({
      botToken: BOT_TOKEN,
      appToken: APP_TOKEN,
      apiUrl,
      service,
      logger: createLogger({ level: "debug", write: (line) => logs.push(line) }),
      limits: createLimits(),
      conversations: new MemoryStore(),
    });
    expect(adapter.route).toBeUndefined();
    await adapter.start();
    await fake.socketMode.connected();
    expect(at(fake.callsOf("apps.connections.open"), 0).token).toBe(APP_TOKEN);

    const first = fake.socketMode.deliver("events_api", envelope(DM("你好"), "Ev1"));
    await fake.socketMode.ackOf(first);
    // Acknowledged once the turn was over: both replies had been posted and answered.
    expect(fake.callsOf("chat.postMessage").map((call) => call.answered)).toEqual([true, true]);
    const retry = fake.socketMode.deliver("events_api", envelope(DM("你好"), "Ev1"), { retryAttempt: 1 });
    await fake.socketMode.ackOf(retry);
    await adapter.idle();
    expect(fake.callsOf("chat.postMessage")).toHaveLength(2);

    const question = at(posted(fake), 1);
    const press = fake.socketMode.deliver("interactive", {
      type: "block_actions",
      team: { id: TEAM, domain: "fake" },
      user: { id: "U1", username: "user", team_id: TEAM },
      api_app_id: "A1",
      token: "legacy",
      trigger_id: "t",
      container: { type: "message", message_ts: question.ts, channel_id: "D1", is_ephemeral: false },
      channel: { id: "D1", name: "dm" },
      message: { type: "message", ts: question.ts, text: question.text, blocks: question.blocks },
      actions: [
        {
          type: "button",
          action_id: "choice_1",
          block_id: "b",
          value: "shijingshan",
          text: { type: "plain_text", text: "石景山区" },
          action_ts: "2",
        },
      ],
    });
    await fake.socketMode.ackOf(press);
    await fake.waitForCalls("chat.postMessage", 3);
    expect(service.inputs.map((input) => input.event)).toEqual([
      { kind: "text", text: "你好" },
      { kind: "choice", id: "shijingshan" },
    ]);
    for (const line of logs) {
      expect(line).not.toContain(APP_TOKEN);
      expect(line).not.toContain(BOT_TOKEN);
    }
  });
});

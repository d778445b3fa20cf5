/**
 * The adapter as `npm start` runs it: settings from the environment, mounted by startBots on
 * the shared HTTP server at POST /slack/events; a retry of an event is applied once.
 */
import { afterEach, describe, expect, it } from "vitest";
import { loadSettings } from "../../../src/bots/config.ts";
import { createLogger } from "../../../src/bots/logger.ts";
import { type RunningBots, startBots } from "../../../src/bots/start.ts";
import { MemoryStore } from "../../../src/store/memory.ts";
import { FakeSlack } from "../../support/fake-slack.ts";
import { at, BOT_TOKEN, DM, ScriptedService, SIGNING_SECRET, sign, TEAM } from "./harness.ts";

describe("Slack on the shared server", () => {
  let bots: RunningBots | undefined;
  let fake: FakeSlack;
  afterEach(async () => {
    fake.releaseAll();
    await bots?.stop();
    await fake.stop();
  });

  it("receives signed events at POST /slack/events and answers each event id once", async () => {
    fake = new FakeSlack({ team: TEAM });
    const apiUrl = await fake.start();
    const settings = loadSettings({
      SLACK_BOT_TOKEN: BOT_TOKEN,
      SLACK_SIGNING_SECRET: SIGNING_SECRET,
      SLACK_API_URL: apiUrl,
      PORT: "0",
      HOST: "127.0.0.1",
    });
    const logs: string[] = [];
    const service = new ScriptedService();
    const store = new MemoryStore();
    const logger = createLogger({ secrets: settings.secrets, write: (line) => logs.push(line) });
    bots = await startBots(settings, { service, store, logger });
    expect(bots.adapters).toEqual(["slack (http)"]);

    const body = JSON.stringify({
      type: "event_callback",
      team_id: TEAM,
      event_id: "EvShared",
      event: DM("你好"),
    });
    const post = (extra: Record<string, string> = {}) => {
      const ts = Math.floor(Date.now() / 1000);
      return fetch(`http://127.0.0.1:${bots?.port}/slack/events`, {
        method: "POST",
        headers: {
          "content-type": "application/json",
          "x-slack-request-timestamp": String(ts),
          "x-slack-signature": sign(SIGNING_SECRET, ts, body),
          ...extra,
        },
        body,
      });
    };
    expect((await post()).status).toBe(200);
    expect((await post({ "x-slack-retry-num": "1" })).status).toBe(200);
    await fake.waitForCalls("chat.postMessage", 2);
    await bots.stop();
    expect(service.inputs).toHaveLength(1);
    expect(at(fake.callsOf("chat.postMessage"), 0).args.channel).toBe("D1");
    for (const line of logs) expect(line).not.toContain(BOT_TOKEN);
  });
});

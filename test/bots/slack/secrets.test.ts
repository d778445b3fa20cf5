import { afterEach, describe, expect, it } from "vitest";
import { createLimits } from "../../../src/bots/limits.ts";
import { createLogger } from "../../../src/bots/logger.ts";
import { createSlack } from "../../../src/bots/slack/index.ts";
import { MemoryStore } from "../../../src/store/memory.ts";
import { FakeSlack } from "../../support/fake-slack.ts";
import {
  at,
  BOT_TOKEN,
  DM,
  type Harness,
  posted,
  ScriptedService,
  SIGNING_SECRET,
  sign,
  startHarness,
} from "./harness.ts";

/** The harness's logger is given no secrets to scrub, so these tests show the adapter never
 * hands a token to the log in the first place. */
describe("secrets", () => {
  let harness: Harness;
  afterEach(() => harness?.close());

  const expectNoSecrets = (lines: string[]) => {
    expect(lines.length).toBeGreaterThan(0);
    for (const line of lines) {
      expect(line).not.toContain(BOT_TOKEN);
      expect(line).not.toContain(SIGNING_SECRET);
    }
  };

  it("never reach the logs or the replies, on the paths that log errors", async () => {
    const service = new ScriptedService();
    harness = await startHarness({ service });
    const { fake } = harness;
    const now = Math.floor(Date.now() / 1000);
    await harness.send(DM("forged"), { signature: sign("wrong", now, "x") });
    fake.fail("chat.postMessage", "invalid_auth");
    await harness.send(DM("你好"));
    await harness.settle();
    fake.recover("chat.postMessage");
    service.failNext = true;
    await harness.send(DM("你好"));
    await fake.waitForCalls("chat.postMessage", 2);
    expectNoSecrets(harness.logs);
    for (const message of posted(fake)) expectNoSecrets([message.text, JSON.stringify(message.blocks)]);
  });

  it("stay out of the start-up error when Slack rejects the token", async () => {
    const fake = new FakeSlack({ failures: { "auth.test": "invalid_auth" } });
    const apiUrl = await fake.start();
    const logs: string[] = [];
    try {
      const attempt = createSlack({
        botToken: BOT_TOKEN,
        signingSecret: SIGNING_SECRET,
        apiUrl,
        service: new ScriptedService(),
        logger: createLogger({ write: (line) => logs.push(line) }),
        limits: createLimits(),
        conversations: new MemoryStore(),
      });
      await expect(attempt).rejects.toThrow(/SLACK_BOT_TOKEN.*invalid_auth/);
      const error = await attempt.catch((caught: Error) => caught);
      expect(String((error as Error).message)).not.toContain(BOT_TOKEN);
      expect(at(fake.callsOf("auth.test"), 0).token).toBe(BOT_TOKEN);
      for (const line of logs) expect(line).not.toContain(BOT_TOKEN);
    } finally {
      await fake.stop();
    }
  });

  it("stay out of the start-up error when Slack cannot be reached, which names the address instead", async () => {
    const fake = new FakeSlack();
    const apiUrl = await fake.start();
    await fake.stop();
    const attempt = createSlack({
      botToken: BOT_TOKEN,
      signingSecret: SIGNING_SECRET,
      apiUrl,
      service: new ScriptedService(),
      logger: createLogger({ write: () => {} }),
      limits: createLimits(),
      conversations: new MemoryStore(),
    });
    const error = await attempt.then(
      () => undefined,
      (caught: Error) => caught,
    );
    expect(error?.message).toContain(`Slack's Web API at ${apiUrl} could not be reached`);
    expect(error?.message).toContain("SLACK_API_URL");
    expect(error?.message).not.toContain(BOT_TOKEN);
  });
});

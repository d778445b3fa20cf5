import { afterEach, describe, expect, it } from "vitest";
import { type Harness, nth, startHarness } from "./harness.ts";

const CHAT = 3;
let harness: Harness;

afterEach(async () => {
  await harness?.close();
});

describe("the bot token in logs", () => {
  it("never appears, even when errors carry request URLs or the token itself", async () => {
    harness = await startHarness();
    const { fake, service, logs } = harness;
    fake.queue(fake.textUpdate(CHAT, "/start"));
    await fake.waitFor(() => fake.chat(CHAT).length === 2, "the first question");

    // A network failure: node-fetch's error under grammY's HttpError names the request URL, token included.
    fake.hangUpNext("sendMessage");
    fake.queue(fake.textUpdate(CHAT, "石景山"));
    await fake.waitFor(() => logs.some((l) => l.includes("update failed")), "the failure logged");

    // A dialog error that quotes the token outright.
    service.beforeTurn = async () => {
      throw new Error(`cannot reach ${fake.apiRoot}/bot${fake.token}/getMe`);
    };
    fake.queue(fake.pressUpdate(nth(fake.chat(CHAT), 1), "tongzhou"));
    await fake.waitFor(() => logs.some((l) => l.includes("/getMe")), "the second failure logged");
    await harness.close();

    const all = logs.join("");
    expect(all).toContain("[redacted]");
    expect(all).not.toContain(fake.token);
    expect(all).not.toContain(fake.token.split(":")[1]);
    expect(all).not.toContain(encodeURIComponent(fake.token));
  });
});

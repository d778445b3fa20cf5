import { afterEach, describe, expect, it } from "vitest";
import { DM, type Harness, ScriptedService, SIGNING_SECRET, sign, startHarness } from "./harness.ts";

/** Every request here is refused before anything runs, so "nothing handled" is final once the
 * refusal has arrived: a later, genuine message must be the only thing the dialog ever saw. */
describe("requests that do not come from Slack", () => {
  let harness: Harness;
  afterEach(() => harness?.close());

  const genuineAfterwards = async (service: ScriptedService) => {
    await harness.send(DM("genuine"));
    await harness.fake.waitForCalls("chat.postMessage", 1);
    expect(service.inputs.map((input) => input.event)).toEqual([{ kind: "text", text: "genuine" }]);
  };

  it("refuses a bad signature with 401 and handles nothing", async () => {
    const service = new ScriptedService();
    harness = await startHarness({ service });
    const now = Math.floor(Date.now() / 1000);
    const forged = await harness.send(DM("forged"), { signature: sign("some-other-secret", now, "{}") });
    expect(forged.status).toBe(401);
    await genuineAfterwards(service);
  });

  it("refuses a correctly signed request older than five minutes with 401", async () => {
    const service = new ScriptedService();
    harness = await startHarness({ service });
    const stale = await harness.send(DM("replayed"), { timestamp: Math.floor(Date.now() / 1000) - 6 * 60 });
    expect(stale.status).toBe(401);
    await genuineAfterwards(service);
  });

  it("refuses a correctly signed request dated more than five minutes ahead with 401", async () => {
    const service = new ScriptedService();
    harness = await startHarness({ service });
    const future = await harness.send(DM("from the future"), {
      timestamp: Math.floor(Date.now() / 1000) + 6 * 60,
    });
    expect(future.status).toBe(401);
    await genuineAfterwards(service);
  });

  it("accepts a request a little off the local clock", async () => {
    const service = new ScriptedService();
    harness = await startHarness({ service });
    const skewed = await harness.send(DM("genuine"), { timestamp: Math.floor(Date.now() / 1000) - 4 * 60 });
    expect(skewed.status).toBe(200);
    await harness.fake.waitForCalls("chat.postMessage", 1);
  });

  it("refuses a request without a signature with 401", async () => {
    const service = new ScriptedService();
    harness = await startHarness({ service });
    const unsigned = await harness.send(DM("unsigned"), { signature: "" });
    expect(unsigned.status).toBe(401);
    await genuineAfterwards(service);
  });

  it("refuses an oversized body with 413 without reading it into the dialog", async () => {
    const service = new ScriptedService();
    harness = await startHarness({ service });
    const huge = await harness.send(DM("x".repeat(2_000_000)));
    expect(huge.status).toBe(413);
    await genuineAfterwards(service);
  });

  it("answers Slack's URL verification challenge only when signed", async () => {
    harness = await startHarness();
    const url = harness.url;
    const body = JSON.stringify({ type: "url_verification", challenge: "abc123", token: "t" });
    const ts = Math.floor(Date.now() / 1000);
    const signed = await fetch(url, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        "x-slack-request-timestamp": String(ts),
        "x-slack-signature": sign(SIGNING_SECRET, ts, body),
      },
      body,
    });
    expect(await signed.json()).toEqual({ challenge: "abc123" });
    const forged = await fetch(url, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        "x-slack-request-timestamp": String(ts),
        "x-slack-signature": "v0=00",
      },
      body,
    });
    expect(forged.status).toBe(401);
  });

  it("answers 404 for other paths", async () => {
    harness = await startHarness();
    const response = await fetch(harness.url.replace("/slack/events", "/elsewhere"), {
      method: "POST",
      body: "{}",
    });
    expect(response.status).toBe(404);
  });
});

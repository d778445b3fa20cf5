/** Consent to result-change notifications, through the service as an adapter drives it. */
import { describe, expect, it } from "vitest";
import { createAdvisorService } from "../../src/dialog/service.ts";
import type { Channel } from "../../src/dialog/types.ts";
import { loadPolicySet } from "../../src/policy/load.ts";
import { MemoryStore } from "../../src/store/memory.ts";
import type { TriageRecord } from "../../src/store/types.ts";
import { replyText } from "./transcript-runner.ts";

const set = loadPolicySet();
const OFFER = { zh: "/subscribe（或“订阅”）订阅" };

function setUp(channel: Channel = "telegram", conversationId = "telegram:42") {
  const store = new MemoryStore();
  const service = createAdvisorService({ set, store });
  const text = async (t: string) =>
    (await service.handle({ channel, conversationId, userId: "u-7", event: { kind: "text", text: t } }))
      .map(replyText)
      .join("\n");
  const consent = async () =>
    ((await store.load(conversationId))?.state as { notify?: string } | undefined)?.notify;
  return { store, text, consent };
}

async function records(store: MemoryStore): Promise<TriageRecord[]> {
  const out: TriageRecord[] = [];
  for await (const r of store.export()) out.push(r);
  return out;
}

describe("subscribing to result changes", () => {
  it("offers it once, after the first result, on a channel a message can reach later", async () => {
    const { text, consent } = setUp();
    expect(await text("通州")).not.toContain(OFFER.zh);
    const first = await text("/result");
    expect(first).toContain(OFFER.zh);
    expect(await consent()).toBe("offered");
    expect(await text("/result")).not.toContain(OFFER.zh);
  });

  it("never offers it in the console, and refuses it there", async () => {
    const { text, consent } = setUp("console", "console:local");
    await text("通州");
    expect(await text("/result")).not.toContain(OFFER.zh);
    expect(await text("/subscribe")).toContain("Telegram");
    expect(await consent()).toBeUndefined();
  });

  it("keeps the opt-in and the versions each result was evaluated against", async () => {
    const { store, text, consent } = setUp("slack", "slack:T1:D1");
    await text("english");
    await text("Shijingshan");
    // Slack keeps "/" messages for itself: there the offer names the word only.
    const offer = await text("/result");
    expect(offer).toContain("Send “subscribe” to opt in; “unsubscribe” stops it");
    expect(offer).not.toContain("/subscribe");
    expect(await text("subscribe")).toContain("Subscribed");
    expect(await consent()).toBe("subscribed");
    const [record] = await records(store);
    const versions = Object.fromEntries(set.documents.map((d) => [d.id, d.version]));
    expect(record?.versions).toEqual(versions);
    expect(Object.keys(versions).sort()).toEqual(["shijingshan", "tongzhou"]);
  });

  it("takes 退订 and /unsubscribe at any point, and asks the open question again", async () => {
    const { text, consent } = setUp();
    await text("通州");
    await text("/result");
    await text("订阅");
    const question = await text("/profile");
    const reply = await text("退订");
    expect(reply).toContain("已退订");
    expect(reply).toContain(question.split("\n").at(-1) ?? "?");
    expect(await consent()).toBe("unsubscribed");
    await text("/subscribe");
    expect(await consent()).toBe("subscribed");
    expect(await text("/unsubscribe")).toContain("已退订");
    expect(await consent()).toBe("unsubscribed");
  });

  it("works as the very first message, and outlives /restart", async () => {
    const { text, consent } = setUp();
    expect(await text("/subscribe")).toContain("已订阅");
    await text("/restart");
    expect(await consent()).toBe("subscribed");
    await text("通州");
    // Already decided: no second offer after the result.
    expect(await text("/result")).not.toContain(OFFER.zh);
    expect(await text("退订")).toContain("已退订");
    await text("/restart");
    expect(await consent()).toBe("unsubscribed");
  });
});

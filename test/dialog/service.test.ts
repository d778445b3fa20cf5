import { describe, expect, it } from "vitest";
import { createAdvisorService, MAX_INBOUND_CHARS } from "../../src/dialog/service.ts";
import { STATE_VERSION } from "../../src/dialog/state.ts";
import type { DialogEvent, Reply, TurnInput } from "../../src/dialog/types.ts";
import type { FaqIndex } from "../../src/faq/index.ts";
import { loadPolicySet } from "../../src/policy/load.ts";
import { MemoryStore } from "../../src/store/memory.ts";
import type { TriageRecord } from "../../src/store/types.ts";
import { replyText } from "./transcript-runner.ts";

const set = loadPolicySet();
const ID = "telegram:42";

function setUp(faq?: FaqIndex) {
  const store = new MemoryStore();
  const service = createAdvisorService({ set, store, faq, now: () => new Date("2026-03-01T08:00:00Z") });
  const send = (event: DialogEvent, extra: Partial<TurnInput> = {}) =>
    service.handle({ channel: "telegram", conversationId: ID, userId: "u-7", event, ...extra });
  const text = (t: string) => send({ kind: "text", text: t });
  return { store, service, send, text };
}

const says = (replies: Reply[]) => replies.map(replyText).join("\n");

async function records(store: MemoryStore): Promise<TriageRecord[]> {
  const out: TriageRecord[] = [];
  for await (const r of store.export()) out.push(r);
  return out;
}

describe("advisor service", () => {
  it("applies a delivery once, even when the platform repeats it after the answer was saved", async () => {
    const { store, send } = setUp();
    await send({ kind: "start" }, { deliveryId: "100" });
    await send({ kind: "text", text: "通州" }, { deliveryId: "101" });
    await send({ kind: "text", text: "1" }, { deliveryId: "102" });
    const before = await store.load(ID);
    const asked = await send({ kind: "text", text: "/help" }, { deliveryId: "103" });
    const open = asked.at(-1);
    // Telegram sends update 102 again: "1" must not also answer the question after the entity
    // type; the question now open is asked again, since the first replies may have been lost.
    expect(await send({ kind: "text", text: "1" }, { deliveryId: "102" })).toEqual([open]);
    expect((await store.load(ID))?.state).toEqual(before?.state);
    expect(((await store.load(ID))?.state as { profile?: unknown } | undefined)?.profile).toEqual({
      district: "tongzhou",
      entityType: "enterprise",
    });
  });

  it("keeps the state between turns under a version, so the next message answers the open question", async () => {
    const { store, text, send } = setUp();
    await send({ kind: "start" });
    await text("通州");
    const stored = await store.load(ID);
    expect(stored?.version).toBe(STATE_VERSION);
    expect(stored?.updatedAt).toBe("2026-03-01T08:00:00.000Z");
    expect((stored?.state as { profile?: unknown } | undefined)?.profile).toEqual({ district: "tongzhou" });
    expect(JSON.parse(JSON.stringify(stored?.state))).toEqual(stored?.state);
  });

  it("refuses a message over the limit before reading it, changes nothing, and asks the open question again", async () => {
    const { store, text, send } = setUp();
    await send({ kind: "start" });
    const before = await store.load(ID);
    const replies = await text(`通州${"x".repeat(MAX_INBOUND_CHARS)}`);
    expect(says(replies)).toContain("消息太长");
    expect(says(replies)).toContain("贵单位在哪个区注册并实际经营");
    expect(await store.load(ID)).toEqual(before);
    // Exactly at the limit is still read (as an unreadable district here).
    expect(says(await text("x".repeat(MAX_INBOUND_CHARS)))).toContain("没看懂");
  });

  it("restarts a conversation stored by another version, saying so, in its language", async () => {
    const { store, text } = setUp();
    await store.save(ID, { version: 0, state: { lang: "en", step: 3 }, updatedAt: "2025-01-01T00:00:00Z" });
    const replies = await text("yes");
    expect(says(replies)).toContain("has been updated");
    expect(says(replies)).toContain("In which district");
    expect((await store.load(ID))?.version).toBe(STATE_VERSION);
  });

  it("picks up a conversation stored by version 2 (before the counter was kept) where it stopped", async () => {
    const { store, text } = setUp();
    const v2 = {
      version: 2,
      lang: "zh",
      profile: { district: "tongzhou" },
      skipped: [],
      history: [{ path: "district", had: false, wasSkipped: false }],
      compare: false,
      none: [],
      described: false,
      seq: 2,
      pending: { kind: "fact", path: "entityType", seq: 2, selected: [] },
    };
    await store.save(ID, { version: 2, state: v2, updatedAt: "2025-01-01T00:00:00Z" });
    const replies = await text("企业");
    expect(says(replies)).not.toContain("助手已更新");
    expect(says(replies)).toContain("记为：企业");
    const stored = await store.load(ID);
    expect(stored?.version).toBe(STATE_VERSION);
    expect((stored?.state as { profile?: unknown } | undefined)?.profile).toEqual({
      district: "tongzhou",
      entityType: "enterprise",
    });
  });

  it("restarts a stored state that does not fit the schema instead of failing", async () => {
    const { store, text } = setUp();
    await store.save(ID, {
      version: STATE_VERSION,
      state: { nonsense: true },
      updatedAt: "2025-01-01T00:00:00Z",
    });
    const replies = await text("通州");
    expect(says(replies)).toContain("助手已更新");
    expect(replies.at(-1)?.kind).toBe("question");
  });

  it("keeps a triage record with channel, user, profile and result for each result", async () => {
    const { store, send, text } = setUp();
    await send({ kind: "start" });
    for (const answer of ["通州", "企业", "1", "是", "3000万"]) await text(answer);
    expect(await records(store)).toEqual([]);
    await text("/result");
    const [record, ...rest] = await records(store);
    expect(rest).toEqual([]);
    expect(record).toMatchObject({
      at: "2026-03-01T08:00:00.000Z",
      channel: "telegram",
      conversationId: ID,
      userId: "u-7",
      profile: {
        district: "tongzhou",
        entityType: "enterprise",
        infrastructure: { inOperation: true, fixedAssetInvestment: 30_000_000 },
      },
    });
    // 30,000,000 × 20% = 6,000,000, under the 20,000,000 cap.
    expect((record?.result as { totals?: { max: number } } | undefined)?.totals?.max).toBe(6_000_000);
  });

  it("starts a first contact in the platform's language", async () => {
    const { send } = setUp();
    const replies = await send({ kind: "text", text: "hello" }, { lang: "en" });
    expect(says(replies)).toContain("In which district");
  });

  const dcmmFaq: FaqIndex = {
    ask: () => [
      { policy: "shijingshan", article: 5, score: 0.9, title: "DCMM", text: "根据证书等级按照2级15万元" },
    ],
  };

  it("in the console, answers a question sent as the very first message, then asks the first question", async () => {
    const { send } = setUp(dcmmFaq);
    const replies = await send({ kind: "text", text: "DCMM有什么奖励？" }, { channel: "console" });
    expect(says(replies)).toContain("2级15万元");
    expect(replies.at(-1)).toMatchObject({ kind: "question", text: "贵单位在哪个区注册并实际经营？" });
  });

  it("in a chat app, answers a first-message question with a start button instead of a questionnaire", async () => {
    const { text, send } = setUp(dcmmFaq);
    const replies = await text("DCMM有什么奖励？");
    expect(says(replies)).toContain("2级15万元");
    expect(says(replies)).not.toContain("哪个区");
    const offer = replies.at(-1);
    expect(offer).toMatchObject({ kind: "question", choices: [{ label: "开始测算" }] });
    const start = offer?.kind === "question" ? offer.choices[0]?.id : undefined;
    const started = await send({ kind: "choice", id: start ?? "" });
    expect(started.at(-1)).toMatchObject({ kind: "question", text: "贵单位在哪个区注册并实际经营？" });
    // A district typed instead of pressing is taken as at the start.
    const { text: other } = setUp(dcmmFaq);
    await other("DCMM有什么奖励？");
    expect(says(await other("石景山"))).toContain("石景山");
  });

  it("runs the turns of one conversation one at a time", async () => {
    const { store, send, text } = setUp();
    await send({ kind: "start" });
    await text("通州");
    await text("企业");
    await text("1"); // the area checklist: data infrastructure
    // Two answers at once: each must see the state the other left, so both land.
    await Promise.all([text("是"), text("3000万")]);
    const state = (await store.load(ID))?.state as { profile: Record<string, unknown> };
    expect(state.profile.infrastructure).toEqual({ inOperation: true, fixedAssetInvestment: 30_000_000 });
  });
});

describe("first contact", () => {
  it("takes a district sent as the very first message as the answer to the first question", async () => {
    const { store, text } = setUp();
    const replies = await text("石景山");
    expect(says(replies)).toContain("您好");
    expect(says(replies)).toContain("贵单位属于哪类主体");
    const state = (await store.load(ID))?.state as { profile?: unknown } | undefined;
    expect(state?.profile).toEqual({ district: "shijingshan" });
  });
});

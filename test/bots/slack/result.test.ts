/**
 * The result as Slack shows it, recorded from the real Bolt app and the real dialog: the issue's
 * conversation (a Shijingshan enterprise, DCMM level 3, a guarantee fee).
 */
import { afterEach, describe, expect, it } from "vitest";
import { createLimits } from "../../../src/bots/limits.ts";
import type { Reply } from "../../../src/dialog/types.ts";
import { MemoryStore } from "../../../src/store/memory.ts";
import type { RecordedCall } from "../../support/fake-slack.ts";
import { type RecordedService, realService } from "../telegram/real-service.ts";
import { buttons, DM, type Harness, type PostedMessage, posted, startHarness } from "./harness.ts";

const DESCRIPTION = "我们是石景山的企业，DCMM 3级，付了担保费20万，贷款1000万，设备软件网络费用300万";
type Question = Extract<Reply, { kind: "question" }>;

let harness: Harness;
let service: RecordedService;
afterEach(() => harness?.close());

async function open() {
  service = realService(new MemoryStore());
  harness = await startHarness({ service, limits: createLimits({ burst: 1000 }) });
}

/** Runs one turn to its end; returns the Web API calls it made. */
async function turn(act: () => Promise<unknown>): Promise<RecordedCall[]> {
  const before = harness.fake.calls.length;
  await act();
  await harness.settle();
  return harness.fake.calls.slice(before);
}

const lastQuestion = (): Question | undefined =>
  service.replies
    .flat()
    .filter((r): r is Question => r.kind === "question")
    .at(-1);
const hasResult = () => service.replies.at(-1)?.some((r) => r.kind === "result") ?? false;
const lastWithButtons = (): PostedMessage | undefined =>
  posted(harness.fake)
    .filter((m) => buttons(m).length > 0)
    .at(-1);

/** The conversation to its result (as on Telegram: "none", level 0, "don't know"). */
async function toResult(): Promise<RecordedCall[]> {
  let calls = await turn(() => harness.send(DM(DESCRIPTION)));
  for (let i = 0; i < 20 && !hasResult(); i++) {
    const question = lastQuestion();
    const funded = question?.text.includes("DCMM 等级");
    const pick = question?.choices.find((c) =>
      funded ? c.id.endsWith(".0") : /都没有|不知道/.test(c.label),
    );
    const message = lastWithButtons();
    if (pick && message) calls = await turn(() => harness.press(message, pick.id));
    else calls = await turn(() => harness.send(DM(funded ? "0" : "跳过")));
  }
  expect(hasResult()).toBe(true);
  return calls;
}

interface Block {
  type: string;
  text?: { text: string };
  elements?: Array<{ text?: string | { text: string }; value?: string }>;
}

const blocksOf = (call: RecordedCall) => (call.args.blocks as Block[] | undefined) ?? [];
const isResult = (call: RecordedCall) => blocksOf(call).some((b) => b.type === "header");
const contextText = (block: Block) =>
  (block.elements ?? []).map((e) => (typeof e.text === "string" ? e.text : "")).join("\n");

describe("the result on Slack", () => {
  it("is one message: its working and quotes in context blocks, a short fallback without markup", async () => {
    await open();
    const calls = await toResult();
    const results = calls.filter((c) => c.method === "chat.postMessage" && isResult(c));
    expect(results).toHaveLength(1);
    const result = results[0] as RecordedCall;
    const blocks = blocksOf(result);
    const sections = blocks.filter((b) => b.type === "section").map((b) => b.text?.text ?? "");
    const contexts = blocks.filter((b) => b.type === "context").map(contextText);
    // The clauses' own words and the reading are in small print under each benefit.
    expect(contexts.some((t) => t.includes("按不超过实际担保费率"))).toBe(true);
    expect(contexts.some((t) => t.includes("3级20万元"))).toBe(true);
    expect(sections.join("\n")).not.toContain("原文");
    expect(sections.join("\n")).not.toContain("解读");
    // What a notification shows: the title and the district's total, short and without `*`.
    const fallback = String(result.args.text);
    expect(fallback).toContain("评估结果");
    expect(fallback).toContain("石景山区");
    expect(fallback).toContain("符合 2 项");
    expect(fallback).not.toContain("*");
    expect(fallback.length).toBeLessThanOrEqual(300);
  });

  it("is the whole result turn, and ends with buttons for what to do next", async () => {
    await open();
    const calls = await toResult();
    const posts = calls.filter((c) => c.method === "chat.postMessage");
    expect(posts).toHaveLength(1);
    const blocks = blocksOf(posts[0] as RecordedCall);
    const actions = blocks.filter((b) => b.type === "actions");
    expect(actions.flatMap((b) => b.elements?.map((e) => e.value) ?? [])).toEqual([
      "/profile",
      "/restart",
      "/compare",
      "/export",
      "/subscribe",
    ]);
    expect(blocks.at(-1)?.type).toBe("actions");
    // A divider under the total, and one where the benefits end and the notes begin.
    const types = blocks.map((b) => b.type);
    expect(types.filter((t) => t === "divider")).toHaveLength(2);
    const total = blocks.findIndex((b) => b.text?.text.includes("合计最高"));
    expect(types[total + 1]).toBe("divider");
  });

  it("after a press, the updated message's fallback no longer lists the buttons that are gone", async () => {
    await open();
    await toResult();
    const updates = harness.fake.callsOf("chat.update");
    expect(updates.length).toBeGreaterThan(0);
    for (const update of updates) expect(String(update.args.text)).not.toMatch(/\[[^\]]* \/ [^\]]*\]/);

    const result = posted(harness.fake).at(-1) as PostedMessage;
    await turn(() => harness.press(result, "/profile"));
    const closed = harness.fake.callsOf("chat.update").at(-1) as RecordedCall;
    expect(closed.args.ts).toBe(result.ts);
    expect(blocksOf(closed).some((b) => b.type === "actions")).toBe(false);
    expect(String(closed.args.text)).toContain("✓ 修改回答");
    expect(String(closed.args.text)).not.toContain("重新开始");
    expect(JSON.stringify(service.replies.at(-1))).toContain("目前已收集的信息");
  });

  it("对比其他区 gives the comparison with the totals first, and 重新开始 starts afresh", async () => {
    await open();
    await toResult();
    await turn(() => harness.press(posted(harness.fake).at(-1) as PostedMessage, "/compare"));
    for (let i = 0; i < 30 && !hasResult(); i++) {
      const pick = lastQuestion()?.choices.find((c) => /都没有|不知道/.test(c.label));
      const message = lastWithButtons();
      if (pick && message) await turn(() => harness.press(message, pick.id));
      else await turn(() => harness.send(DM("跳过")));
    }
    const compared = posted(harness.fake).at(-1) as PostedMessage;
    const texts = compared.blocks.map((b) => b.text?.text ?? "");
    const totals = texts.findIndex((t) => t.includes("各区合计"));
    expect(totals).toBeGreaterThan(0);
    expect(totals).toBeLessThan(texts.findIndex((t) => t.includes("逐项比较")));
    expect(compared.text).toContain("各区合计");
    expect(buttons(compared).map((b) => b.value)).toEqual(["/profile", "/restart", "/export"]);
    await turn(() => harness.press(compared, "/restart"));
    expect(JSON.stringify(service.replies.at(-1))).toContain("您好");
  });

  it("says each benefit's working in one plain line above its small print", async () => {
    await open();
    const calls = await toResult();
    const result = calls.find((c) => c.method === "chat.postMessage" && isResult(c)) as RecordedCall;
    const sections = blocksOf(result)
      .filter((b) => b.type === "section")
      .map((b) => b.text?.text ?? "")
      .join("\n");
    expect(sections).toMatch(/担保费的 50% 计，[^\n]*贷款金额中 30% 有符合条件的费用覆盖：3 万元/);
    expect(sections).toContain("按3级的标准：20 万元");
    expect(sections).not.toContain("■");
    expect(sections).toContain("*数据资产融资担保费补助*");
  });
});

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
});

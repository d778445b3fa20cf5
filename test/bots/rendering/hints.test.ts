/**
 * Issue 16, one hint a question: the DCMM level says "（1–5，没有可回答“跳过”）" and nothing more;
 * a question answered by typing a count carries a 跳过 button instead of "不清楚可回复“跳过”" on
 * top of its own "（没有填 0）"; a several-answers question that says "（可多选）" does not say it
 * again. Recorded from the real grammY bot and Bolt app against the fake APIs.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Driver, slackDriver, telegramDriver } from "./drivers.ts";

/** Each new message a question was posted in, as its text and its buttons. */
interface Posted {
  text: string;
  buttons: string[];
}

function posted(call: { method: string; payload: Record<string, unknown> }): Posted | undefined {
  if (call.method !== "sendMessage" && call.method !== "chat.postMessage") return undefined;
  const p = call.payload as {
    text?: string;
    reply_markup?: { inline_keyboard?: { text: string }[][] };
    blocks?: { type: string; text?: { text: string }; elements?: { text?: string | { text: string } }[] }[];
  };
  if (p.blocks) {
    const texts = p.blocks.flatMap((b) =>
      b.type === "actions"
        ? []
        : [b.text?.text ?? "", ...(b.elements ?? []).map((e) => (typeof e.text === "string" ? e.text : ""))],
    );
    const buttons = p.blocks
      .filter((b) => b.type === "actions")
      .flatMap((b) => (b.elements ?? []).map((e) => (typeof e.text === "object" ? e.text.text : "")));
    return { text: texts.join("\n"), buttons };
  }
  return { text: p.text ?? "", buttons: (p.reply_markup?.inline_keyboard ?? []).flat().map((b) => b.text) };
}

const count = (text: string, what: string) => text.split(what).length - 1;

/** Shijingshan, an enterprise, the datasets, data-trading and DCMM areas: a count question, a
 * several-answers one and the DCMM level follow. Answered until the result. */
async function questionsAsked(d: Driver): Promise<Posted[]> {
  const steps = [await d.start()];
  for (const label of ["石景山", "企业", "数据集", "数据流通交易", "DCMM", "完成"])
    steps.push(await d.press("answer", label));
  for (let i = 0; i < 40 && !d.lastReplies().some((r) => r.kind === "result"); i++) {
    const shown = d.buttons();
    const pick = ["否", "都没有", "3"].find((label) => shown.includes(label));
    steps.push(pick ? await d.press("answer", pick) : await d.type("typed", "跳过"));
  }
  return steps.flatMap((s) => s.calls.map(posted)).filter((p): p is Posted => p !== undefined);
}

describe.each([
  ["telegram", telegramDriver],
  ["slack", slackDriver],
] as const)("%s: one hint a question", (_, make) => {
  let driver: Driver;
  let messages: Posted[] = [];
  beforeAll(async () => {
    driver = await make();
    messages = await questionsAsked(driver);
  }, 60_000);
  afterAll(() => driver?.close());

  const asking = (words: string) => {
    const found = messages.find((m) => m.text.includes(words));
    if (!found) throw new Error(`no question asking "${words}"`);
    return found;
  };

  it("the DCMM level: its own hint only", () => {
    const dcmm = asking("DCMM）认证是几级");
    expect(count(dcmm.text, "没有可回答“跳过”")).toBe(1);
    expect(dcmm.text).not.toContain("不清楚可回复");
  });

  it("a count typed: a 跳过 button, not a second hint beside （没有填 0）", () => {
    const datasets = asking("高质量基础训练数据集");
    expect(datasets.text).toContain("没有填 0");
    expect(datasets.text).not.toContain("不清楚可回复");
    expect(datasets.buttons).toContain("跳过");
  });

  it("a several-answers question says 可多选 once", () => {
    const firsts = asking("数据“首次”");
    expect(count(firsts.text, "可多选")).toBe(1);
  });

  it("no question repeats how to skip", () => {
    for (const m of messages)
      expect(count(m.text, "跳过”") <= 1 || !m.text.includes("不清楚"), m.text).toBe(true);
    expect(messages.filter((m) => m.text.includes("不清楚可回复“跳过”"))).toEqual([]);
  });
});

/**
 * The result as Telegram shows it, recorded from the real grammY bot and the real dialog: the
 * issue's conversation (a Shijingshan enterprise, DCMM level 3, a guarantee fee).
 */
import { afterEach, describe, expect, it } from "vitest";
import { createLimits } from "../../../src/bots/limits.ts";
import type { Reply } from "../../../src/dialog/types.ts";
import { onScreen } from "../../../src/render/on-screen.ts";
import { renderReplies } from "../../../src/render/telegram/messages.ts";
import { MemoryStore } from "../../../src/store/memory.ts";
import type { ApiCall, BotMessage } from "../../support/fake-telegram.ts";
import { type Harness, startHarness } from "./harness.ts";
import { type RecordedService, realService } from "./real-service.ts";

const CHAT = 4242;
const DESCRIPTION = "我们是石景山的企业，DCMM 3级，付了担保费20万，贷款1000万，设备软件网络费用300万";
type Question = Extract<Reply, { kind: "question" }>;

let h: Harness<RecordedService>;
afterEach(() => h?.close());

async function open() {
  h = await startHarness<RecordedService>({
    store: new MemoryStore(),
    service: realService,
    limits: createLimits({ burst: 1000 }),
  });
}

/** Plays one update and waits until the dialog has answered and the bot has sent what it shows. */
async function play(update: ReturnType<Harness["fake"]["textUpdate"]>): Promise<ApiCall[]> {
  const replies = h.service.replies.length;
  const calls = h.fake.calls.length;
  h.fake.queue(update);
  await h.fake.waitFor(() => h.service.replies.length > replies, "the dialog's answer");
  const shown = renderReplies(onScreen(h.service.replies.at(-1) ?? [])).length;
  const sends = () => h.fake.calls.slice(calls).filter((c) => c.method === "sendMessage").length;
  await h.fake.waitFor(() => sends() >= shown, "the replies sent");
  return h.fake.calls.slice(calls);
}

const lastQuestion = (): Question | undefined =>
  h.service.replies
    .flat()
    .filter((r): r is Question => r.kind === "question")
    .at(-1);
const hasResult = () => h.service.replies.at(-1)?.some((r) => r.kind === "result") ?? false;
const withButtons = () =>
  h.fake
    .chat(CHAT)
    .filter((m) => m.buttons.length > 0)
    .at(-1);

/** Presses a button the message shows (a test must not press what a user could not). */
async function press(message: BotMessage, data: string) {
  expect(message.buttons.map(([, id]) => id)).toContain(data);
  return play(h.fake.pressUpdate(message, data));
}

/** The conversation up to its result: the description, then "none" on the checklist,
 * level 0 funded before, and "don't know" for anything else, by button where there is one.
 * Returns the result turn's calls. */
async function toResult(): Promise<ApiCall[]> {
  let calls = await play(h.fake.textUpdate(CHAT, DESCRIPTION, { languageCode: "zh-hans" }));
  for (let i = 0; i < 20 && !hasResult(); i++) {
    const question = lastQuestion();
    const funded = question?.text.includes("DCMM 等级");
    const pick = question?.choices.find((c) =>
      funded ? c.id.endsWith(".0") : /都没有|不知道/.test(c.label),
    );
    const message = withButtons();
    if (pick && message) calls = await press(message, pick.id);
    else calls = await play(h.fake.textUpdate(CHAT, funded ? "0" : "跳过"));
  }
  expect(hasResult()).toBe(true);
  return calls;
}

const sent = (calls: ApiCall[]) =>
  calls.filter((c) => c.method === "sendMessage").map((c) => String(c.payload.text));

describe("the result on Telegram", () => {
  it("is one HTML message whose working and quotes are folded in expandable quotes", async () => {
    await open();
    const calls = await toResult();
    // The whole result is one message (the turn may add the subscription offer after it).
    const messages = sent(calls).filter((html) => html.includes("评估结果"));
    expect(messages).toHaveLength(1);
    const html = messages[0] ?? "";
    expect(calls.find((c) => c.method === "sendMessage")?.payload.parse_mode).toBe("HTML");
    const folded = [...html.matchAll(/<blockquote expandable>([\s\S]*?)<\/blockquote>/g)].map((m) => m[1]);
    // One folded quote per benefit matched (the guarantee fee and DCMM level 3).
    expect(folded).toHaveLength(2);
    // The clauses' own words and the reading are inside the folds, not in the open text.
    const unfolded = html.replace(/<blockquote expandable>[\s\S]*?<\/blockquote>/g, "");
    expect(folded.join("\n")).toContain("按不超过实际担保费率");
    expect(folded.join("\n")).toContain("3级20万元");
    expect(unfolded).not.toContain("原文");
    expect(unfolded).not.toContain("解读");
    expect(unfolded).not.toContain("按不超过实际担保费率");
    // Every tag opened is closed.
    for (const [open, close] of [
      ["<b>", "</b>"],
      ["<i>", "</i>"],
      ["<blockquote expandable>", "</blockquote>"],
    ] as const)
      expect(html.split(open).length).toBe(html.split(close).length);
  });

  it("is the whole result turn, with buttons for what to do next under it", async () => {
    await open();
    const calls = await toResult();
    // The subscription offer rides in the result's footer and buttons: one message in all.
    expect(sent(calls)).toHaveLength(1);
    const result = h.fake.chat(CHAT).at(-1);
    expect(result?.buttons).toEqual([
      ["修改回答", "/profile"],
      ["重新开始", "/restart"],
      ["对比其他区", "/compare"],
      ["导出", "/export"],
      ["订阅变化通知", "/subscribe"],
    ]);
    expect(result?.text).toContain("订阅");
  });

  it("修改回答 shows the answers to change, and the result keeps no live buttons", async () => {
    await open();
    await toResult();
    const result = h.fake.chat(CHAT).at(-1) as BotMessage;
    await press(result, "/profile");
    const replies = h.service.replies.at(-1) ?? [];
    expect(replies.some((r) => r.kind === "text" && r.text.includes("目前已收集的信息"))).toBe(true);
    expect(lastQuestion()?.text).toContain("要修改哪一项");
    expect(h.fake.chat(CHAT).find((m) => m.messageId === result.messageId)?.buttons).toEqual([]);
  });

  it("对比其他区 compares the districts, totals first, and 重新开始 then starts afresh", async () => {
    await open();
    await toResult();
    await press(h.fake.chat(CHAT).at(-1) as BotMessage, "/compare");
    expect(JSON.stringify(h.service.replies.at(-1))).toContain("下面按各区比较");
    for (let i = 0; i < 30 && !hasResult(); i++) {
      const question = lastQuestion();
      const pick = question?.choices.find((c) => /都没有|不知道/.test(c.label));
      const message = withButtons();
      if (pick && message) await press(message, pick.id);
      else await play(h.fake.textUpdate(CHAT, "跳过"));
    }
    const compared = h.fake.chat(CHAT).at(-1) as BotMessage;
    expect(compared.text).toContain("各区比较");
    // The districts' totals come before the benefit-by-benefit lines.
    expect(compared.text.indexOf("各区合计")).toBeGreaterThan(0);
    expect(compared.text.indexOf("各区合计")).toBeLessThan(compared.text.indexOf("逐项比较"));
    // Already comparing: no button to compare again.
    expect(compared.buttons.map(([, id]) => id)).toEqual(["/profile", "/restart", "/export"]);
    await press(compared, "/restart");
    expect(JSON.stringify(h.service.replies.at(-1))).toContain("您好");
    expect(lastQuestion()?.text).toContain("哪个区");
  });

  it("says each benefit's working in one plain line above its fold", async () => {
    await open();
    await toResult();
    const html = h.fake.chat(CHAT).at(-1)?.text ?? "";
    const unfolded = html.replace(/<blockquote expandable>[\s\S]*?<\/blockquote>/g, "");
    // 200,000 fee × 50%, for the 30% of the loan the eligible costs (3,000,000 of 10,000,000) cover.
    expect(unfolded).toMatch(/按[^\n]*担保费的 50% 计，[^\n]*贷款金额中 30% 有符合条件的费用覆盖：3 万元/);
    expect(unfolded).toMatch(/按3级的标准：20 万元/);
    // One bullet style: benefit titles in bold, not marked with ■.
    expect(unfolded).not.toContain("■");
    expect(unfolded).toContain("<b>数据资产融资担保费补助</b>");
  });
});

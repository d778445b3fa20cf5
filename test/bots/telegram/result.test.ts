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

async function press(message: BotMessage, data: string) {
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
});

/** Issue 16: an FAQ answer in Telegram reads as Telegram formats it, for the district the user
 * said they are in: a bold title and the amount per clause, their district's clause first, the
 * other district's said not to apply to them, a plain sentence when their district lacks what
 * they asked about, no unrelated benefit and no 【】 pseudo-headings. Recorded as sent to the
 * fake Bot API by the real grammY bot. */
import { afterEach, describe, expect, it } from "vitest";
import { createLimits } from "../../../src/bots/limits.ts";
import { telegramHtmlProblems, telegramPlain } from "../../support/telegram-html.ts";
import { type Harness, startHarness } from "./harness.ts";
import { type RecordedService, realService } from "./real-service.ts";

const CHAT = 5151;
/** An amount as the advisor writes one: "最高 1,000,000 元", "最高 100 万元". */
const AMOUNT = /最高 [\d,.]+ ?万?元/;

async function send(h: Harness<RecordedService>, text: string) {
  const turns = h.service.replies.length;
  const sent = h.fake.callsOf("sendMessage").length;
  h.fake.queue(h.fake.textUpdate(CHAT, text, { languageCode: "zh-hans" }));
  await h.fake.waitFor(() => h.service.replies.length > turns, "the dialog's answer");
  await h.fake.waitFor(() => h.fake.callsOf("sendMessage").length > sent, "a reply on screen");
  await new Promise((resolve) => setTimeout(resolve, 50));
  return h.fake.callsOf("sendMessage").slice(sent);
}

/** The FAQ answer a user in `district` gets mid-questionnaire. */
async function askAs(district: string, question: string) {
  const h = await startHarness<RecordedService>({
    service: realService,
    limits: createLimits({ burst: 1000 }),
  });
  harness = h;
  await send(h, "/start");
  await send(h, district);
  const calls = await send(h, question);
  expect(calls).toHaveLength(1);
  const payload = calls[0]?.payload ?? {};
  expect(payload.parse_mode).toBe("HTML");
  const html = String(payload.text);
  expect(telegramHtmlProblems(html)).toEqual([]);
  return { html, plain: telegramPlain(html) };
}

let harness: Harness<RecordedService> | undefined;
afterEach(async () => {
  await harness?.close();
  harness = undefined;
});

describe("an FAQ answer in Telegram, for a user whose district is known", () => {
  it("a Shijingshan user asking about an interest subsidy: their guarantee-fee clause first, Tongzhou's marked, one plain sentence", async () => {
    const { html, plain } = await askAs("石景山", "数据资产质押贷款有贴息吗？");
    // The plain sentence first: what their district has instead.
    expect(plain.split("\n")[0]).toBe("石景山没有贴息条款，只有数据资产融资担保费补助。");
    // Bold titles, the user's district's first, each with the most it pays.
    const mine = html.indexOf("<b>数据资产融资担保费补助</b>");
    const theirs = html.indexOf("<b>数据资产质押贷款贴息</b>");
    expect(mine).toBeGreaterThan(0);
    expect(theirs).toBeGreaterThan(mine);
    for (const at of [mine, theirs]) expect(html.slice(at).split("\n")[1]).toMatch(AMOUNT);
    // Only Tongzhou's clause is labelled as not theirs.
    const notYours = plain.indexOf("不适用于在石景山区注册经营的单位");
    expect(notYours).toBeGreaterThan(telegramPlain(html.slice(0, theirs)).length);
    expect(plain.match(/不适用于/g)).toHaveLength(1);
    // The verbatim words folded; the article's other benefit (作价入股) is not what was asked.
    expect(html).toMatch(/<blockquote expandable>原文：“按实际支付利息的50%给予贴息/);
    expect(plain).not.toContain("作价入股");
    expect(plain).not.toMatch(/[【】]/);
  });

  it("a Tongzhou user asking about DCMM: Tongzhou has none, Shijingshan's clause is shown and said not to apply", async () => {
    const { html, plain } = await askAs("通州", "DCMM认证有奖励吗？");
    expect(plain.split("\n")[0]).toMatch(/^通州没有DCMM条款；石景山有/);
    expect(html).toContain("<b>支持提升企业数据管理能力</b>");
    expect(plain).toContain("这是石景山区的条款，不适用于在通州区（北京城市副中心）注册经营的单位");
    // Two benefits of the one clause, each bold with its amount.
    expect(html.match(/• <b>[^<]*DCMM[^<]*<\/b> · 最高/g)).toHaveLength(2);
    expect(plain).not.toMatch(/[【】]/);
  });

  it("a question about what their own district has gets no 'not yours' label and no sentence", async () => {
    const { plain } = await askAs("石景山", "DCMM认证有奖励吗？");
    expect(plain.split("\n")[0]).toBe("支持提升企业数据管理能力");
    expect(plain).not.toContain("不适用于");
    expect(plain).not.toContain("没有");
  });

  it("a question the measures do not cover: the statement in bold, what they cover as bullets, whom to ask", async () => {
    const { html, plain } = await askAs("石景山", "有没有房租补贴？");
    expect(html.split("\n")[0]).toMatch(/^<b>措施没有涉及这个问题。.*<\/b>$/);
    expect(plain.match(/^• /gm)?.length).toBeGreaterThan(3);
    expect(plain).toContain("有疑问可咨询负责解释的部门");
    expect(plain).not.toContain("原文");
  });
});

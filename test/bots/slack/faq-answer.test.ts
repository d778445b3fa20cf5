/** Issue 16: an FAQ answer in Slack reads as Slack formats it, for the district the user said
 * they are in: each clause a section with its title in mrkdwn bold and the amount, their
 * district's first, the other district's said not to apply, the verbatim words small in a
 * context block, a plain sentence when their district lacks what they asked about, and a short
 * fallback text for notifications. Recorded as posted to the fake Web API by the real Bolt app. */
import { afterEach, describe, expect, it } from "vitest";
import { createLimits } from "../../../src/bots/limits.ts";
import { createAdvisorService } from "../../../src/dialog/service.ts";
import { createFaqIndex } from "../../../src/faq/index.ts";
import { loadPolicySet } from "../../../src/policy/load.ts";
import { MemoryStore } from "../../../src/store/memory.ts";
import { at, buttons, DM, type Harness, type PostedMessage, posted, startHarness } from "./harness.ts";

const set = loadPolicySet();
const faq = createFaqIndex(set);
const AMOUNT = /最高 [\d,.]+ ?万?元/;

let harness: Harness | undefined;
afterEach(async () => {
  await harness?.close();
  harness = undefined;
});

/** The FAQ answer a user in the district whose button reads `district` gets mid-questionnaire. */
async function askAs(district: string, question: string): Promise<PostedMessage> {
  const service = createAdvisorService({ set, store: new MemoryStore(), faq });
  const h = await startHarness({ service, limits: createLimits({ burst: 1_000 }) });
  harness = h;
  await h.send(DM("你好"));
  await h.settle();
  const districtQuestion = at(posted(h.fake), posted(h.fake).length - 1);
  const button = buttons(districtQuestion).find((b) => b.label.includes(district));
  await h.press(districtQuestion, button?.value ?? "");
  await h.settle();
  const before = posted(h.fake).length;
  await h.send(DM(question));
  await h.settle();
  expect(posted(h.fake)).toHaveLength(before + 1);
  return at(posted(h.fake), before);
}

const texts = (message: PostedMessage, type: string) =>
  message.blocks
    .filter((b) => b.type === type)
    .map((b) => b.text?.text ?? (b.elements ?? []).map((e) => (e as { text: unknown }).text).join("\n"));

describe("an FAQ answer in Slack, for a user whose district is known", () => {
  it("a Shijingshan user asking about an interest subsidy: their guarantee-fee clause first, Tongzhou's marked, one plain sentence", async () => {
    const message = await askAs("石景山", "数据资产质押贷款有贴息吗？");
    const sections = texts(message, "section");
    expect(sections[0]).toBe("石景山没有贴息条款，只有数据资产融资担保费补助。");
    // A section per clause, bold title first, amount on the next line; theirs after a divider.
    const mine = sections.findIndex((s) => s.startsWith("*数据资产融资担保费补助*\n"));
    const theirs = sections.findIndex((s) => s.startsWith("*数据资产质押贷款贴息*\n"));
    expect(mine).toBe(1);
    expect(theirs).toBe(2);
    for (const s of [sections[mine], sections[theirs]]) expect(s?.split("\n")[1]).toMatch(AMOUNT);
    expect(sections[theirs]).toContain(
      "_这是通州区（北京城市副中心）的条款，不适用于在石景山区注册经营的单位_",
    );
    expect(sections[mine]).not.toContain("不适用于");
    expect(message.blocks.map((b) => b.type)).toContain("divider");
    // The verbatim words in small print, not in the sections.
    const context = texts(message, "context");
    expect(context.some((t) => t.startsWith("原文：“按实际支付利息的50%给予贴息"))).toBe(true);
    expect(sections.join("\n")).not.toContain("原文");
    const all = [...sections, ...context, message.text].join("\n");
    expect(all).not.toContain("作价入股");
    expect(all).not.toMatch(/[【】]/);
    // What a notification shows: the sentence and the titles, not the whole body.
    expect(message.text.split("\n")[0]).toBe(sections[0]);
    expect(message.text.length).toBeLessThanOrEqual(300);
    expect(message.text).not.toContain("原文");
  });

  it("a Tongzhou user asking about DCMM: Tongzhou has none, Shijingshan's clause is shown and said not to apply", async () => {
    const message = await askAs("通州", "DCMM认证有奖励吗？");
    const sections = texts(message, "section");
    expect(sections[0]).toMatch(/^通州没有DCMM条款；石景山有/);
    expect(sections[1]).toMatch(/^\*支持提升企业数据管理能力\*\n/);
    expect(sections[1]?.match(/• \*[^*]*DCMM[^*]*\* · 最高/g)).toHaveLength(2);
    expect(sections[1]).toContain("不适用于在通州区（北京城市副中心）注册经营的单位");
  });

  it("a question the measures do not cover: the statement in bold, what they cover as bullets, whom to ask", async () => {
    const message = await askAs("石景山", "有没有房租补贴？");
    const sections = texts(message, "section");
    expect(sections[0]).toMatch(/^\*措施没有涉及这个问题。.*\*$/);
    expect(sections[1]?.match(/^• /gm)?.length).toBeGreaterThan(3);
    expect(sections.join("\n")).toContain("有疑问可咨询负责解释的部门");
  });
});

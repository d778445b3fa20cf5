/**
 * Questions in everyday words that the never-tuned faq-fresh3 set (session 25) found unanswered:
 * when the documents change or start, a first transaction said as "首次交易".
 */
import { describe, expect, it } from "vitest";
import { createFaqIndex } from "../../src/faq/index.ts";
import { loadPolicySet } from "../../src/policy/load.ts";

const index = createFaqIndex(loadPolicySet());
const ids = (question: string) => index.ask(question, { top: 3 }).map((a) => `${a.policy}:${a.article}`);

describe("questions about the documents and data firsts in everyday words", () => {
  it.each([
    ["通州细则后面还会修改吗", "tongzhou:0"],
    ["两个区的政策分别什么时候开始执行", "tongzhou:0"],
    ["在北京国际大数据交易所首次交易了，石景山怎么配套", "shijingshan:8"],
    ["石景山的政策高校、科研院所也能申请吗，还是只给企业", "shijingshan:0"],
  ])("%j is answered by %s", (question, ref) => {
    expect(ids(question)).toContain(ref);
  });
});

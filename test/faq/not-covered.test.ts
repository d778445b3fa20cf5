/**
 * A question whose own words put it outside the clauses it shares words with (data/faq.json
 * notCovered) gets no answer from them: an ordinary working-capital loan is no data-asset
 * pledge loan. Found by the never-tuned faq-fresh3 set (session 25).
 */
import { describe, expect, it } from "vitest";
import { createFaqIndex } from "../../src/faq/index.ts";
import { loadPolicySet } from "../../src/policy/load.ts";

const index = createFaqIndex(loadPolicySet());
const ids = (question: string) => index.ask(question, { top: 3 }).map((a) => `${a.policy}:${a.article}`);

describe("questions the measures do not cover, though they share words", () => {
  it.each([
    "公司拿厂房抵押贷了一笔流动资金贷款，利息能贴吗",
    "Is there an interest subsidy for an ordinary bank credit loan with no data assets involved?",
    "软著登记那点钱区里报不报",
  ])("%j gets no answer", (question) => {
    expect(ids(question)).toEqual([]);
  });

  it("a data-asset pledge loan is still answered by the pledge clause", () => {
    expect(ids("数据资产质押贷款有贴息吗")).toContain("tongzhou:8");
    expect(ids("we pledged our data assets for a bank loan, is the interest subsidised?")).toContain(
      "tongzhou:8",
    );
  });
});

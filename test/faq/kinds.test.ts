/**
 * Questions about the documents themselves (src/faq/kinds.ts) and a named district whose
 * clause lacks the thing asked about, on the two made-up districts of fixtures.ts: the
 * east's final provisions marked as its closing text, and a scope clause added.
 */
import { describe, expect, it } from "vitest";
import { createFaqIndex } from "../../src/faq/index.ts";
import { loadFaqVocabulary } from "../../src/faq/vocabulary.ts";
import { PolicyDocument } from "../../src/policy/schema.ts";
import { east, synonyms, west } from "./fixtures.ts";

const eastWithClosing = PolicyDocument.parse({
  ...east,
  articles: [
    ...east.articles.map((a) => (a.number === 3 ? { ...a, closing: true } : a)),
    {
      number: 0,
      heading: "适用范围",
      title: { zh: "适用范围", en: "Scope" },
      text: "本办法支持对象为在东城区依法注册并实际经营的企业和社会组织。",
      kind: "informational",
      benefits: [],
    },
  ],
});
const base = loadFaqVocabulary();
const vocabulary = {
  ...base,
  kinds: base.kinds && { ...base.kinds, scope: { ...base.kinds.scope, clauses: ["east:0"] } },
};
const index = createFaqIndex({ documents: [eastWithClosing, west] }, synonyms, { vocabulary });
const ids = (question: string) => index.ask(question).map((a) => `${a.policy}:${a.article}`);

describe("questions about the documents themselves", () => {
  it("answers who / how long / will it change with the closing text in words it does not use, but not a bare who or when", () => {
    expect(ids("东城这个文件管几年")[0]).toBe("east:3");
    expect(ids("who do I ask if I have questions about the Dongcheng rules")[0]).toBe("east:3");
    expect(ids("东城措施遇到市里政策调整会改吗")[0]).toBe("east:3");
    expect(ids("how many years do the Dongcheng measures last")[0]).toBe("east:3");
    // A bare who / when / change is not a question about the measures.
    for (const q of [
      "你是谁",
      "who made you",
      "社保政策调整了吗",
      "房租补贴什么时候发",
      "will the hukou rules change",
    ])
      expect(ids(q), q).toEqual([]);
  });

  it("answers whom the measures are for with the scope clause, not the benefits", () => {
    expect(ids("谁能享受东城的政策")[0]).toBe("east:0");
    expect(ids("who can benefit from the Dongcheng measures")[0]).toBe("east:0");
  });
});

describe("a named district whose clause lacks what is asked about", () => {
  it("says the district has none, gives the other district's clause, and keeps its own where it has the thing", () => {
    // East's financing clause has 数据资产融资 but not 担保, the topic of west's.
    const result = index.answer("东城对数据资产融资担保费有补助吗");
    expect(result.answers[0]?.policy).toBe("west");
    expect(result.missingIn).toEqual(["east"]);
    expect(result.answers.map((a) => a.policy)).not.toContain("east");
    // With what is asked in it, the named district's clause still answers.
    expect(ids("东城数据资产质押贷款贴息")[0]).toBe("east:1");
  });
});

/**
 * The readable `ask` report (src/faq/report.ts) shows a relevance figure only where it
 * measures something: for a clause picked because the question's words are in it. A clause
 * given for the kind of question it is (the text naming who runs the measures, for "how do
 * I apply"; a district's clauses in order, for "what does Tongzhou offer") says why it is
 * shown instead of a figure near 0 that reads as "barely related".
 */
import { describe, expect, it } from "vitest";
import { createFaqIndex } from "../../src/faq/index.ts";
import { renderAnswers } from "../../src/faq/report.ts";
import { loadFaqVocabulary } from "../../src/faq/vocabulary.ts";
import { loadPolicySet } from "../../src/policy/load.ts";

const set = loadPolicySet();
const index = createFaqIndex(set);
const vocabulary = loadFaqVocabulary();
const report = (q: string, lang: "zh" | "en" = "zh") =>
  renderAnswers(q, index.answer(q, { lang }), set, vocabulary, lang);
/** Every relevance figure the report prints. */
const figures = (text: string) =>
  [...text.matchAll(/(?:相关度|relevance) (\d\.\d\d)/g)].map((m) => Number(m[1]));

describe("relevance in the readable report", () => {
  it.each([
    ["怎么申请？", "zh"],
    ["申报需要走什么流程", "zh"],
    ["where do I submit the application?", "en"],
  ] as const)("%s: the closing texts are shown as whom to ask, with no figure", (q, lang) => {
    const text = report(q, lang);
    expect(text).toContain(lang === "zh" ? "负责解释" : "interpret");
    expect(figures(text)).toEqual([]);
    // Why it is shown, in place of the figure; the report then says what the measures lack.
    expect(text).toContain(lang === "zh" ? "此条写明由谁解释和组织实施" : "this text names who interprets");
    expect(text).toContain(
      lang === "zh" ? "措施没有写明申请材料和办理流程" : "do not list application materials",
    );
  });

  it("a district named and nothing else: its clauses in order, with no figure", () => {
    const text = report("石景山有哪些支持");
    expect(text).toContain("（1）");
    expect(figures(text)).toEqual([]);
    expect(text).toContain("按条文顺序列出");
  });

  it("a clause picked on the question's words keeps its figure", () => {
    const text = report("申请石景山DCMM奖励要交什么材料");
    expect(figures(text)[0]).toBeGreaterThan(0.5);
  });
});

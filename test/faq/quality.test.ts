/**
 * The FAQ's accuracy over test/fixtures/faq-questions.json: colloquial questions in
 * Chinese and English, with and without a district, each with the clauses a person
 * would accept. The targets are what users need (the right clause first nine times in
 * ten); scripts/faq-quality.ts prints the misses.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { createFaqIndex } from "../../src/faq/index.ts";
import { measureQuality, type QualityCase } from "../../src/faq/quality.ts";
import { loadPolicySet } from "../../src/policy/load.ts";

const cases = JSON.parse(
  readFileSync(new URL("../fixtures/faq-questions.json", import.meta.url), "utf8"),
) as QualityCase[];

describe("FAQ accuracy over the question set", () => {
  const set = loadPolicySet();
  const index = createFaqIndex(set);

  it("covers both languages and every clause", () => {
    const chinese = cases.filter((c) => /\p{Script=Han}/u.test(c.q)).length;
    expect(cases.length).toBeGreaterThanOrEqual(80);
    expect(chinese / cases.length).toBeGreaterThan(0.4);
    expect(chinese / cases.length).toBeLessThan(0.6);
    const accepted = new Set(cases.flatMap((c) => c.accept));
    for (const document of set.documents)
      for (const article of document.articles) expect(accepted).toContain(`${document.id}:${article.number}`);
  });

  it("puts an accepted clause first for at least 90% and among the first three for at least 95%", () => {
    const report = measureQuality(index, cases);
    const misses = report.misses.map((m) => `${m.q} → ${m.got.join(", ")}`).join("\n");
    expect(report.top1, misses).toBeGreaterThanOrEqual(0.9);
    expect(report.top3, misses).toBeGreaterThanOrEqual(0.95);
  });
});

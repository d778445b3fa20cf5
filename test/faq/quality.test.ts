/**
 * The FAQ's quality over its question sets (test/fixtures), written before tuning:
 * colloquial in-scope questions in Chinese and English with the clauses a person would
 * accept, out-of-scope questions no clause answers, and cross-district, closing-text and
 * how-to-apply questions. The calibration was fitted on the even lines only
 * (scripts/faq-quality.ts --fit); the targets here hold over both halves.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { createFaqIndex } from "../../src/faq/index.ts";
import {
  type DistrictCase,
  measureAbstention,
  measureDistricts,
  measureQuality,
  type QualityCase,
} from "../../src/faq/quality.ts";
import { loadPolicySet } from "../../src/policy/load.ts";

const fixture = <T>(name: string) =>
  JSON.parse(readFileSync(new URL(`../fixtures/${name}`, import.meta.url), "utf8")) as T;
const cases = fixture<QualityCase[]>("faq-questions.json");
const outOfScope = fixture<string[]>("faq-out-of-scope.json");
const districts = fixture<DistrictCase[]>("faq-district.json");
const han = (q: string) => /\p{Script=Han}/u.test(q);

describe("FAQ quality over the question sets", () => {
  const set = loadPolicySet();
  const index = createFaqIndex(set);

  it("covers both languages and every clause", () => {
    const chinese = cases.filter((c) => han(c.q)).length;
    expect(cases.length).toBeGreaterThanOrEqual(80);
    expect(chinese / cases.length).toBeGreaterThan(0.4);
    expect(chinese / cases.length).toBeLessThan(0.6);
    const accepted = new Set(cases.flatMap((c) => c.accept));
    for (const document of set.documents)
      for (const article of document.articles) expect(accepted).toContain(`${document.id}:${article.number}`);
    expect(outOfScope.length).toBeGreaterThanOrEqual(60);
    expect(outOfScope.filter(han).length).toBeGreaterThan(20);
    expect(outOfScope.filter((q) => !han(q)).length).toBeGreaterThan(20);
    expect(districts.length).toBeGreaterThanOrEqual(15);
  });

  it("puts an accepted clause first for at least 95%, leaving at most 1% unanswered", () => {
    const report = measureQuality(index, cases);
    const misses = report.misses.map((m) => `${m.q} → ${m.got.join(", ") || "nothing"}`).join("\n");
    expect(report.top1, misses).toBeGreaterThanOrEqual(0.95);
    expect(report.top3, misses).toBeGreaterThanOrEqual(0.97);
    expect(report.unanswered, misses).toBeLessThanOrEqual(0.01);
  });

  it("answers at least 85% of the out-of-scope questions with nothing", () => {
    const report = measureAbstention(index, outOfScope);
    const answered = report.answered.map((a) => `${a.q} → ${a.got.join(", ")}`).join("\n");
    expect(report.abstained, answered).toBeGreaterThanOrEqual(0.85);
  });

  it("puts the right clause first for cross-district, closing-text and apply questions", () => {
    const report = measureDistricts(index, districts);
    expect(report.passed, report.failures.map((f) => `${f.q}: ${f.why}`).join("\n")).toBeGreaterThanOrEqual(
      0.95,
    );
  });
});

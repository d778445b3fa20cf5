/**
 * The FAQ's quality over its question sets (test/fixtures), written before tuning:
 * colloquial in-scope questions in Chinese and English with the clauses a person would
 * accept, out-of-scope questions no clause answers, and cross-district, closing-text and
 * how-to-apply questions. The calibration was fitted on the even lines of the first three
 * sets only (scripts/faq-quality.ts --fit). faq-fresh.json was written before the
 * abstention rule was reworked and never tuned on: the targets are asserted there.
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
  type QualityReport,
  split,
} from "../../src/faq/quality.ts";
import { loadPolicySet } from "../../src/policy/load.ts";

const fixture = <T>(name: string) =>
  JSON.parse(readFileSync(new URL(`../fixtures/${name}`, import.meta.url), "utf8")) as T;
const cases = fixture<QualityCase[]>("faq-questions.json");
const outOfScope = fixture<string[]>("faq-out-of-scope.json");
const districts = fixture<DistrictCase[]>("faq-district.json");
const fresh = fixture<{ inScope: QualityCase[]; outOfScope: string[]; district: DistrictCase[] }>(
  "faq-fresh.json",
);
const added = fixture<{ inScope: QualityCase[]; outOfScope: string[]; district: DistrictCase[] }>(
  "faq-tuning-added.json",
);
const han = (q: string) => /\p{Script=Han}/u.test(q);
const missList = (report: QualityReport) =>
  report.misses.map((m) => `${m.q} → ${m.got.join(", ") || "nothing"}`).join("\n");

describe("FAQ quality over the question sets", () => {
  const set = loadPolicySet();
  const index = createFaqIndex(set);

  it("covers both languages, every clause and the kinds of question the issue names", () => {
    const chinese = cases.filter((c) => han(c.q)).length;
    expect(cases.length).toBeGreaterThanOrEqual(80);
    expect(chinese / cases.length).toBeGreaterThan(0.4);
    expect(chinese / cases.length).toBeLessThan(0.6);
    const accepted = new Set(cases.flatMap((c) => c.accept));
    for (const document of set.documents)
      for (const article of document.articles) expect(accepted).toContain(`${document.id}:${article.number}`);
    for (const questions of [outOfScope, fresh.outOfScope]) {
      expect(questions.length).toBeGreaterThanOrEqual(60);
      expect(questions.filter(han).length).toBeGreaterThan(20);
      expect(questions.filter((q) => !han(q)).length).toBeGreaterThan(20);
    }
    expect(fresh.inScope.length).toBeGreaterThanOrEqual(60);
    expect(districts.length).toBeGreaterThanOrEqual(15);
    expect(fresh.district.length).toBeGreaterThanOrEqual(15);
  });

  describe("the fresh set, never tuned on: the issue's targets", () => {
    it("puts an accepted clause first for at least 95% of in-scope questions and leaves none unanswered", () => {
      const report = measureQuality(index, fresh.inScope);
      expect(report.top1, missList(report)).toBeGreaterThanOrEqual(0.95);
      expect(report.unanswered, missList(report)).toBe(0);
    });

    it("answers at least 90% of the out-of-scope questions with nothing", () => {
      const report = measureAbstention(index, fresh.outOfScope);
      const answered = report.answered.map((a) => `${a.q} → ${a.got.join(", ")}`).join("\n");
      expect(report.abstained, answered).toBeGreaterThanOrEqual(0.9);
    });

    it("puts the right clause first for every cross-district and closing-text question", () => {
      // 84% (21 of 25) before the closing-text kinds and the district-absence check (session 21).
      const report = measureDistricts(index, fresh.district);
      const why = report.failures.map((f) => `${f.q}: ${f.why}`).join("\n");
      expect(report.passed, why).toBe(1);
    });
  });

  it("answers every tuning-only question of faq-tuning-added.json as written", () => {
    // Kinds seen failing elsewhere (whom to ask, how many years, whether the measures change;
    // whom they apply to; a named district lacking the thing asked), in new words.
    const q = measureQuality(index, added.inScope);
    // Four in-scope ones still fail (BENCHMARKS.md, FAQ quality): kept, not tuned away.
    expect(q.top1, missList(q)).toBeGreaterThanOrEqual(0.92);
    // Seven of 34 out-of-scope ones are still answered. Five of one kind: "office furniture for
    // a data company", whose only words in a clause are "data" and one met through a word in
    // the body ("office buildings") or a concept ("computer purchase"). Two since "fund" counts
    // as content (it is 基金, not the generic "funding"; session 22, BENCHMARKS.md): "pension
    // fund subsidy" (the operating funds of Shijingshan item 10) and "government fund for
    // restaurants" (item 2's fund, for data enterprises): the price of answering the fund
    // questions of the held-out half.
    const o = measureAbstention(index, added.outOfScope);
    expect(o.abstained, o.answered.map((a) => a.q).join("\n")).toBeGreaterThanOrEqual(0.79);
    const d = measureDistricts(index, added.district);
    expect(d.passed, d.failures.map((f) => `${f.q}: ${f.why}`).join("\n")).toBe(1);
  });

  describe("the first sets (tuning and held-out halves)", () => {
    it("answers the in-scope questions: the tuning half all first, the held-out half at least 96.5%", () => {
      // The held-out half leaves none of 163 unanswered since session 22 (the fund and
      // ministry questions; BENCHMARKS.md).
      const { tuning, heldOut } = split(cases);
      const tuned = measureQuality(index, tuning);
      expect(tuned.top1, missList(tuned)).toBe(1);
      const held = measureQuality(index, heldOut);
      expect(held.top1, missList(held)).toBeGreaterThanOrEqual(0.965);
      expect(held.unanswered, missList(held)).toBe(0);
    });

    it("answers at least 95% of the out-of-scope questions of each half with nothing", () => {
      for (const half of Object.values(split(outOfScope))) {
        const report = measureAbstention(index, half);
        const answered = report.answered.map((a) => `${a.q} → ${a.got.join(", ")}`).join("\n");
        expect(report.abstained, answered).toBeGreaterThanOrEqual(0.95);
      }
    });

    it("puts the right clause first for cross-district, closing-text and apply questions", () => {
      const report = measureDistricts(index, districts);
      expect(report.passed, report.failures.map((f) => `${f.q}: ${f.why}`).join("\n")).toBe(1);
    });
  });
});

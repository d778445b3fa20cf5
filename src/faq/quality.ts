/**
 * Measures the FAQ over question sets (test/fixtures): how often an accepted clause comes
 * first (top-1) or among the first three (top-3) and how many in-scope questions go
 * unanswered; how many out-of-scope questions get no answer; whether cross-district and
 * closing-text questions put the right clause first. Used by scripts/faq-quality.ts and
 * the quality tests.
 */
import type { FaqIndex, FaqSearch } from "./index.ts";

export interface QualityCase {
  q: string;
  accept: string[];
}

export interface DistrictCase extends QualityCase {
  /** Every one of these must be among the answers. */
  all?: string[];
  /** The district that has no such clause: said so, or marked as not the asker's. */
  noneIn?: string;
  /** The asker's district, known from the dialog. */
  userDistrict?: string;
}

export interface QualityMiss {
  q: string;
  accept: string[];
  got: string[];
}

export interface QualityReport {
  total: number;
  top1: number;
  top3: number;
  /** Share of questions with no answer at all. */
  unanswered: number;
  /** Questions whose first answer is not accepted. */
  misses: QualityMiss[];
}

const ids = (answers: { policy: string; article: number }[]) =>
  answers.map((a) => `${a.policy}:${a.article}`);

export function measureQuality(index: FaqIndex, cases: QualityCase[]): QualityReport {
  let top1 = 0;
  let top3 = 0;
  let unanswered = 0;
  const misses: QualityMiss[] = [];
  for (const { q, accept } of cases) {
    const got = ids(index.ask(q, { top: 3 }));
    if (got.length === 0) unanswered++;
    if (accept.includes(got[0] ?? "")) top1++;
    else misses.push({ q, accept, got });
    if (got.some((id) => accept.includes(id))) top3++;
  }
  const total = cases.length;
  return { total, top1: top1 / total, top3: top3 / total, unanswered: unanswered / total, misses };
}

export interface AbstentionReport {
  total: number;
  /** Share of questions answered with no clause, as they should be. */
  abstained: number;
  /** The questions that got a clause anyway, with it. */
  answered: { q: string; got: string[] }[];
}

export function measureAbstention(index: FaqIndex, questions: string[]): AbstentionReport {
  const answered = questions
    .map((q) => ({ q, got: ids(index.ask(q, { top: 3 })) }))
    .filter((r) => r.got.length > 0);
  return { total: questions.length, abstained: 1 - answered.length / questions.length, answered };
}

export interface DistrictReport {
  total: number;
  /** Share of questions passing every check of their case. */
  passed: number;
  failures: { q: string; why: string }[];
}

export function measureDistricts(index: FaqSearch, cases: DistrictCase[]): DistrictReport {
  const failures: { q: string; why: string }[] = [];
  for (const c of cases) {
    const result = index.answer(c.q, c.userDistrict ? { district: c.userDistrict } : {});
    const got = ids(result.answers);
    const why: string[] = [];
    if (!c.accept.includes(got[0] ?? ""))
      why.push(`first ${got[0] ?? "nothing"}, want ${c.accept.join(" or ")}`);
    const lacking = (c.all ?? []).filter((id) => !got.includes(id));
    if (lacking.length) why.push(`lacks ${lacking.join(", ")}`);
    if (c.noneIn && !c.userDistrict && !result.missingIn.includes(c.noneIn))
      why.push(`does not say ${c.noneIn} has none`);
    if (c.userDistrict) {
      const wrong = result.answers.filter((a) => a.applies !== (a.policy === c.userDistrict));
      if (wrong.length) why.push("clauses not marked by the asker's district");
    }
    if (why.length) failures.push({ q: c.q, why: `${why.join("; ")} (got ${got.join(", ") || "nothing"})` });
  }
  return { total: cases.length, passed: 1 - failures.length / cases.length, failures };
}

/** The tuning half of a set (even positions) and the held-out half (odd positions). */
export function split<T>(items: T[]): { tuning: T[]; heldOut: T[] } {
  return { tuning: items.filter((_, i) => i % 2 === 0), heldOut: items.filter((_, i) => i % 2 === 1) };
}

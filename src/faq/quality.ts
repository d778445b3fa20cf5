/**
 * Measures how often the FAQ puts an accepted clause first (top-1) or among the first
 * three (top-3) over a set of questions with accepted answers (`policy:article`).
 * Used by scripts/faq-quality.ts and by the quality test.
 */
import type { FaqIndex } from "./index.ts";

export interface QualityCase {
  q: string;
  accept: string[];
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
  /** Questions whose first answer is not accepted. */
  misses: QualityMiss[];
}

export function measureQuality(index: FaqIndex, cases: QualityCase[]): QualityReport {
  let top1 = 0;
  let top3 = 0;
  const misses: QualityMiss[] = [];
  for (const { q, accept } of cases) {
    const got = index.ask(q, { top: 3 }).map((a) => `${a.policy}:${a.article}`);
    if (accept.includes(got[0] ?? "")) top1++;
    else misses.push({ q, accept, got });
    if (got.some((id) => accept.includes(id))) top3++;
  }
  const total = cases.length;
  return { total, top1: top1 / total, top3: top3 / total, misses };
}

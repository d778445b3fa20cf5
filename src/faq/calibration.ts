/**
 * How sure the FAQ is that a clause answers a question: a logistic model over the
 * evidence (share of the question's content the clause covers, content left uncovered,
 * the rarity of the most telling covered word, BM25 relevance of the content words), fitted by `npx tsx scripts/faq-quality.ts --fit` on the tuning half
 * of the question sets in test/fixtures (in-scope, out-of-scope, district) and checked on
 * the held-out half. A clause is given as an answer only at `threshold` or above.
 */

export interface Evidence {
  /** Weighted share of the question's content words the clause covers (0..1). */
  share: number;
  /** The same, counting only the parts that name the clause's topic (titles, keywords, summaries). */
  topic: number;
  /** Weight of the content words it leaves uncovered. */
  missing: number;
  /** How rare the most telling covered word is among the clauses (evidence.ts). */
  specific: number;
  /** BM25 relevance relative to the best a question could reach (0..1). */
  relevance: number;
}

export interface Calibration {
  bias: number;
  share: number;
  topic: number;
  missing: number;
  specific: number;
  relevance: number;
  /** The least probability at which a clause is an answer. */
  threshold: number;
  /** The least share of the question's content the best clause must cover (Evidence.share):
   * a reader does not accept a clause that has only one of two words asked about
   * ("养老服务补贴" and the service window, "trademark registration" and data registration). */
  minShare: number;
}

/** As printed by `scripts/faq-quality.ts --fit` (BODY_CREDIT 0.6, chosen on the tuning
 * halves over 1, 0.8, 0.6, 0.5 and 0.4; 1 would let a word in a body list answer alone).
 * The fitted threshold is low: the share floor does the work, and the probability is
 * what `score` reports. */
export const DEFAULT_CALIBRATION: Calibration = {
  bias: -8.97,
  share: 7.76,
  topic: 3.44,
  missing: 0.23,
  specific: 1.05,
  relevance: 0.74,
  threshold: 0.05,
  minShare: 0.51,
};

export function probability(evidence: Evidence, c: Calibration = DEFAULT_CALIBRATION): number {
  const z =
    c.bias +
    c.share * evidence.share +
    c.topic * evidence.topic +
    c.missing * evidence.missing +
    c.specific * evidence.specific +
    c.relevance * evidence.relevance;
  return 1 / (1 + Math.exp(-z));
}

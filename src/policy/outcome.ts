/** What evaluating a profile against the policy documents yields (CONTRACT.md section 3, plus the
 * three-way answer the dialog relies on). */
import type { Period } from "./schema.ts";

export type Lang = "zh" | "en";

export interface AmountEstimate {
  /** The most this benefit can pay for the present application, in integer yuan; null when not
   * money or when the profile lacks the figure the amount depends on. */
  max: number | null;
  /** The most over the whole support period, where the clause states one; otherwise null. */
  totalMax: number | null;
  monetary: boolean;
  period: Period;
  /** The worked arithmetic, with caps and readings, in the requested language. */
  explanation: string;
}

export type BenefitStatus = "match" | "near_miss" | "possible" | "no";

export interface BenefitOutcome {
  policy: string;
  article: number;
  benefit: string;
  title: string;
  amount: AmountEstimate;
  quote: string;
  status: BenefitStatus;
  /** near_miss: what is missing and what would qualify; possible: what is not known yet. */
  reason?: string;
  /** possible: the most the benefit could pay if the unknown facts turn out well (null: no cap stated). */
  upTo?: number | null;
  /** Profile fact paths whose answers would change this outcome (unknown ones first). */
  decidingFacts: string[];
}

export interface Evaluation {
  matches: BenefitOutcome[];
  nearMisses: BenefitOutcome[];
  possible: BenefitOutcome[];
  totals: { max: number };
}

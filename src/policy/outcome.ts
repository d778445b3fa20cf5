/** What evaluating a profile against the policy documents yields (CONTRACT.md section 3, plus the
 * three-way answer the dialog relies on). Numbers, fact paths and codes only: src/render says it. */
import type { Lang, Period } from "./schema.ts";
import type { AmountTrace, Reason, YearsTrace } from "./trace.ts";

export type { Lang };

export interface AmountEstimate {
  /** The most this benefit can pay for the present application, in integer yuan; null when not
   * money or when the profile lacks the figure the amount depends on. */
  max: number | null;
  /** The most over the whole support period, where the clause states one; otherwise null. */
  totalMax: number | null;
  monetary: boolean;
  period: Period;
}

/** `excluded`: it qualified, but a rule across the document's benefits took it out (择一享受 with a
 * higher one, or a document-wide cap already used up). */
export type BenefitStatus = "match" | "near_miss" | "possible" | "no" | "excluded";

/** A document that does not apply on the evaluation date (its validity window, quoted), said
 * instead of its benefits. */
export interface Notice {
  policy: string;
  code: "expired" | "not_yet_in_force";
  from: string | null;
  to: string | null;
  asOf: string;
  quote: string;
}

/** What a rule across benefits (择一享受, a document-wide cap) removed, benefit by benefit. */
export interface Adjustment {
  policy: string;
  rule: "exclusive" | "cap";
  quote: string;
  /** The amount each benefit had before the rule, and what the rule took off it. */
  removed: { benefit: string; before: number; removed: number }[];
}

/** The smallest change of one fact that would qualify, and what it would add (yuan; null: not money
 * or not yet computable). */
export interface WhatIf {
  fact: string;
  value: unknown;
  adds: number | null;
}

export interface BenefitOutcome {
  policy: string;
  article: number;
  benefit: string;
  /** The benefit's title from the document, in the evaluation's language. */
  title: string;
  amount: AmountEstimate;
  quote: string;
  status: BenefitStatus;
  /** The computation (match), or the rule's shape with what is missing. */
  trace: AmountTrace;
  /** Support repeated yearly: years allowed, left, and the total over them. */
  years?: YearsTrace;
  /** near_miss: what is missing; possible: what is not known yet. */
  reason?: Reason;
  /** possible: the most the benefit could pay if the unknown facts turn out well (null: no cap stated). */
  upTo?: number | null;
  /** Profile fact paths whose answers would change this outcome (unknown ones first). */
  decidingFacts: string[];
  /** near_miss and possible: one fact changed that would qualify (with evaluate's option `whatIf`). */
  whatIf?: WhatIf;
}

export interface Evaluation {
  matches: BenefitOutcome[];
  nearMisses: BenefitOutcome[];
  possible: BenefitOutcome[];
  totals: { max: number };
  /** Only where a document has rules across benefits, validity dates: */
  excluded?: BenefitOutcome[];
  adjustments?: Adjustment[];
  notices?: Notice[];
}

/**
 * What the evaluator returns instead of prose: each amount as the computation it is (figures
 * with the facts they come from, rates, ratios, shares, differences, caps, limits, years) and
 * each near miss or unknown as a reason code with its values. src/render turns these into
 * Chinese or English; nothing here is user text.
 */
import type { Bound, Duration, Localized } from "./schema.ts";

/** A figure read from the profile. */
export interface FactValue {
  fact: string;
  value: number;
}

/** The figure a rate or matching rule applies to. */
export type Base =
  | { kind: "fact"; figure: FactValue }
  /** value × min(1, part ÷ whole); `covered` when the part covers the whole. */
  | { kind: "share"; figure: FactValue; part: FactValue; whole: FactValue; covered: boolean }
  /** The share cannot be worked out (`open` facts unknown): the figure itself, as an "up to". */
  | { kind: "openShare"; figure: FactValue; open: string[] };

/** A tier of a level table, named as the data names it. */
export interface TierRef {
  key: string | number;
  label?: Localized;
}

export type AmountTrace =
  | { kind: "none" }
  | { kind: "fixed"; amount: number }
  | { kind: "upTo"; cap: number }
  | {
      kind: "rate" | "matching";
      base: Base;
      /** Percent for a rate, ratio for matching (1:0.5 → 0.5). */
      factor: number;
      /** Before the cap. */
      raw: number;
      cap?: number;
      result: number;
    }
  | {
      kind: "tier";
      tier: TierRef;
      amount: number;
      /** A share of the tier's amount (follow-up awards). */
      percent?: number;
      /** The level already funded and its amount: an upgrade earns the difference. */
      from?: TierRef & { amount: number };
      result: number;
    }
  | {
      kind: "items";
      each: AmountTrace[];
      sum: number;
      /** A per-entity cumulative limit that counts what was already received. */
      limit?: { cap: number; received: number; room: number };
      result: number;
    }
  | {
      kind: "schedule";
      firstYear: number;
      laterYearCap?: number;
      years: number;
      total: number;
      /** The support year applied for, and the yuan already received under the clause. */
      year: number;
      received: number;
      result: number;
    }
  /** The band a figure falls in ("5000万元（含）至1亿元的，奖励50万元"): its lower edge, the band
   * above (whose edge is this one's upper bound) if any, and the next band up that pays more.
   * `value`: the figure in whole yuan. */
  | { kind: "band"; value: number; band: BandRef; upper?: BandRef; next?: NextBand; result: number }
  /** A figure below the lowest band: nothing, and what reaching the lowest would pay. */
  | { kind: "belowBands"; value: number; lowest: BandRef; next?: NextBand }
  /** A rule with dated values (only when it has more than one): the value in force on `asOf`
   * started on `from`; `reference`, the words that set it, when it is not the clause as written
   * (which the outcome quotes already). */
  | { kind: "dated"; asOf: string; from: string; reference?: string; inner: AmountTrace }
  /** 择一享受, 就高: this benefit is the one of its group paid (the highest; the first of equals);
   * `others`, the ones not counted. */
  | { kind: "exclusiveKept"; inner: AmountTrace; others: BenefitRef[]; result: number; quote: string }
  /** 择一享受 while which pays more is not known yet: only one of the group will be paid. */
  | { kind: "exclusiveOpen"; inner: AmountTrace; others: BenefitRef[]; quote: string }
  /** A document-wide cap on the sum of its benefits ("合计不超过500万元"): the sum before it, and
   * what it took off this benefit (the excess comes off the largest amounts first). */
  | {
      kind: "capCut";
      inner: AmountTrace;
      cap: number;
      sum: number;
      cut: number;
      result: number;
      quote: string;
    }
  /** A figure the amount depends on is not known: the rule's shape and ceiling only. */
  | { kind: "unknown"; missing: string[]; percent?: number; ratio?: number; cap?: number };

/** A band of a band rule as the data states it: its lower edge (included unless `strict`: 以上
 * and （含） include it, 超过 does not) and what it pays. */
export interface BandRef {
  from: number;
  strict?: boolean;
  amount: number;
}

/** The next band up from a figure: how many yuan short of its edge, and what reaching it adds. */
export interface NextBand {
  band: BandRef;
  gap: number;
  adds: number;
}

/** Another benefit of a document, by id: src/render names it by its title. */
export interface BenefitRef {
  policy: string;
  benefit: string;
}

/** Support repeated yearly for a limited number of years (tongzhou 2, shijingshan 4). */
export interface YearsTrace {
  count: number;
  left: number;
  perYear: number;
  total: number;
}

/** Why a benefit is a near miss or still open, with the values that say so. */
export type Reason =
  | { code: "unknown"; facts: string[] }
  /** One of several requirements answered no (cross-region service). */
  | { code: "unmet"; fact: string }
  | { code: "belowThreshold"; fact: string; value: number; threshold: number }
  | { code: "zeroFigure"; facts: string[] }
  | { code: "alreadyFunded"; tier: TierRef }
  | { code: "noTier"; tier: TierRef }
  | { code: "limitUsed"; cap: number; received: number }
  | { code: "yearsUsed"; count: number }
  | { code: "totalUsed"; total: number; years: number }
  | { code: "notForEntity"; allowed: string[]; actual: string }
  | { code: "nothingDue" }
  /** A bound other than "at least" missed: at most (不超过), above (大于), below (低于). */
  | { code: "boundMissed"; fact: string; bound: "atMost" | "above" | "below"; value: number; limit: number }
  /** part ÷ whole against a percentage; `needed`: the part that would meet it (lower bounds). */
  | {
      code: "ratioMissed";
      part: FactValue;
      whole: FactValue;
      bound: Bound;
      percent: number;
      /** The share in percent (two decimals) and its distance from `percent` in points. */
      share: number;
      gap: number;
      needed?: number;
    }
  /** A ratio of a whole that is 0: no share to compute. */
  | { code: "zeroWhole"; part: string; whole: string }
  /** The time from a date fact to the evaluation date on the wrong side of a duration. */
  | {
      code: "durationMissed";
      fact: string;
      date: string;
      asOf: string;
      deadline: string;
      duration: Duration;
      bound: Bound;
    }
  /** A band rule's figure below its lowest band (the clause's own threshold let it through). */
  | { code: "belowBands"; value: number; lowest: BandRef; next?: NextBand }
  /** 择一享受, 就高: another of the group pays more (or as much and comes first in the document). */
  | { code: "exclusiveLower"; kept: BenefitRef; keptAmount: number; amount: number }
  /** A document-wide cap the larger benefits already use up: the whole amount was cut. */
  | { code: "capReached"; cap: number; sum: number; cut: number; quote: string };

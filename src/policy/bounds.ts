/**
 * Bounds on figures, ratios between two facts and durations since a date: the comparisons of
 * the condition kinds `atMost`, `above`, `below`, `ratio` and `age`. 以上/以下/不超过 include
 * the number (CONTRACT.md section 6); 大于/超过/低于/不满 do not.
 */
import type { ConditionTrace, Scope } from "./conditions.ts";
import { addDuration, normalizeDate } from "./dates.ts";
import { exact } from "./money.ts";
import type { Bound, Condition } from "./schema.ts";

/** The percentage as a BigInt fraction: ratios are compared in BigInt (rare enough not to need more). */
const exactBig = (value: number) => {
  const { num, den } = exact(value);
  return { num: BigInt(num), den: BigInt(den) };
};

export type RatioCondition = Extract<Condition, { kind: "ratio" }>;
export type AgeCondition = Extract<Condition, { kind: "age" }>;

/** Ratios compare exact integers (part × 100 × den against percent × whole), the rest numbers. */
export function compare<T extends number | bigint>(bound: Bound, value: T, limit: T): boolean {
  switch (bound) {
    case "atLeast":
      return value >= limit;
    case "atMost":
      return value <= limit;
    case "above":
      return value > limit;
    case "below":
      return value < limit;
  }
}

/** Conditions on two values (two facts, or a date fact and the evaluation date). */
export function twoFactTruth(condition: RatioCondition | AgeCondition, scope: Scope): ConditionTrace {
  switch (condition.kind) {
    case "ratio": {
      const [part, whole] = [scope.get(condition.part), scope.get(condition.whole)];
      const missing = [condition.part, condition.whole].filter(
        (_, i) => typeof [part, whole][i] !== "number",
      );
      if (missing.length) return missingTrace(missing, scope);
      return { truth: ratioHolds(condition, part as number, whole as number), unknown: [] };
    }
    case "age": {
      const date = normalizeDate(scope.get(condition.fact));
      const asOf = scope.asOf?.();
      if (date === undefined || asOf === undefined) return missingTrace([condition.fact], scope);
      return { truth: ageHolds(condition, date, asOf), unknown: [] };
    }
  }
}

function missingTrace(facts: string[], scope: Scope): ConditionTrace {
  return scope.missingMeansNo ? { truth: false, unknown: [] } : { truth: undefined, unknown: facts };
}

/** part ÷ whole against the percentage, exactly (3.75% is below 5%, 5% is not); no share of 0. */
export function ratioHolds(condition: RatioCondition, part: number, whole: number): boolean {
  if (Math.round(whole) <= 0) return false;
  const p = exactBig(condition.percent);
  return compare(condition.bound, BigInt(Math.round(part)) * 100n * p.den, p.num * BigInt(Math.round(whole)));
}

/** The share in percent, for messages (rounded to two decimals). */
export const ratioPercent = (part: number, whole: number) =>
  whole > 0 ? Math.round((part / whole) * 10_000) / 100 : 0;

/** The smallest whole-yuan `part` that meets the bound, or undefined when raising it cannot
 * (an upper bound, or no whole to take a share of). */
export function partNeeded(condition: RatioCondition, whole: number): number | undefined {
  if (condition.bound === "atMost" || condition.bound === "below" || Math.round(whole) <= 0) return undefined;
  const p = exactBig(condition.percent);
  const product = p.num * BigInt(Math.round(whole));
  const divisor = 100n * p.den;
  const ceil = (product + divisor - 1n) / divisor;
  // "above" needs more than the exact share: one yuan past it.
  const needed = condition.bound === "above" && ceil * divisor === product ? ceil + 1n : ceil;
  return Number(needed);
}

/** The date on which the duration since `date` is complete. */
export const ageDeadline = (condition: AgeCondition, date: string) => addDuration(date, condition.duration);

/** "成立满3年" holds from the deadline on; the comparison is of the evaluation date with it. */
export function ageHolds(condition: AgeCondition, date: string, asOf: string): boolean {
  const deadline = ageDeadline(condition, date);
  const order = asOf < deadline ? -1 : asOf > deadline ? 1 : 0;
  return compare(condition.bound, order, 0);
}

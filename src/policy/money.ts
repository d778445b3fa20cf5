/**
 * Money in integer yuan. Rates and ratios are applied as exact fractions and rounded down once at
 * the end ("不超过": an estimate never exceeds what the clause allows). A fraction's parts are
 * plain numbers while they are safe integers, which every real figure times every real rate is
 * (10⁹ yuan × 20% is 2·10¹¹); only a product past 2⁵³ is carried on as BigInt. The answer is the
 * same either way — integer products below 2⁵³ are exact in a double — but a batch computes some
 * 40,000 of them, and BigInt arithmetic was a tenth of evaluation's cost.
 */

export interface Fraction {
  num: number | bigint;
  den: number | bigint;
}

/** A figure from the profile, rounded to whole yuan. */
export const yuan = (value: number): Fraction => ({ num: Math.round(value), den: 1 });

/** Exact fractions of the decimals in the data (20 percent, 0.5): a few, asked for on every amount. */
const exactOf = new Map<number, Fraction>();

/** An exact fraction for a decimal such as 20 (percent) or 0.5 (ratio). */
export function exact(value: number): Fraction {
  let fraction = exactOf.get(value);
  if (fraction === undefined) {
    let den = 1;
    let scaled = value;
    while (!Number.isInteger(scaled) && den < 1_000_000) {
      scaled *= 10;
      den *= 10;
    }
    fraction = { num: Math.round(scaled), den };
    exactOf.set(value, fraction);
  }
  return fraction;
}

const big = (n: number | bigint): bigint => (typeof n === "bigint" ? n : BigInt(n));

export function times(a: Fraction, b: Fraction): Fraction {
  if (typeof a.num === "number" && typeof b.num === "number") {
    // A double product that is a safe integer is the exact product; past 2⁵³ it is not safe.
    const num = a.num * b.num;
    const den = (a.den as number) * (b.den as number);
    if (Number.isSafeInteger(num) && Number.isSafeInteger(den)) return { num, den };
  }
  return { num: big(a.num) * big(b.num), den: big(a.den) * big(b.den) };
}

/** Rounds down to whole yuan (toward zero, as BigInt division does; amounts are not negative). */
export function floorYuan(f: Fraction): number {
  if (typeof f.num === "number") {
    const den = f.den as number;
    // Exact: the remainder of two safe integers is exact, and so is the division that is left.
    return (f.num - (f.num % den)) / den;
  }
  return Number(f.num / big(f.den));
}

const HUNDREDTH: Fraction = { num: 1, den: 100 };
const percentOf = new Map<number, Fraction>();

export function percent(p: number): Fraction {
  let fraction = percentOf.get(p);
  if (fraction === undefined) {
    fraction = times(exact(p), HUNDREDTH);
    percentOf.set(p, fraction);
  }
  return fraction;
}

/** 6000000 → "6,000,000". */
export function formatYuan(amount: number): string {
  // Plain digit grouping (Intl formatting was the largest cost of batch triage), by slices: the
  // regular expression it replaces was a tenth of the writer's time.
  const digits = String(Math.round(amount));
  const sign = digits.charCodeAt(0) === 45 ? 1 : 0;
  const length = digits.length - sign;
  if (length <= 3) return digits;
  const first = digits.charCodeAt(sign);
  // "Infinity", "NaN" and 1e21 and up are printed as String gives them.
  if (first < 48 || first > 57 || digits.includes("e")) return digits;
  let end = sign + (length % 3 || 3);
  let out = digits.slice(0, end);
  for (; end < digits.length; end += 3) out += `,${digits.slice(end, end + 3)}`;
  return out;
}

const percentText = new Map<number, string>();

/** 20 → "20%", 0.5 → "50%". The rates are the data's few, said in every worked amount. */
export function formatPercent(p: number): string {
  let text = percentText.get(p);
  if (text === undefined) {
    text = `${Number(p.toFixed(4))}%`;
    percentText.set(p, text);
  }
  return text;
}

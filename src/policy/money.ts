/**
 * Money in integer yuan. Rates and ratios are applied as exact fractions with BigInt and
 * rounded down once at the end ("不超过": an estimate never exceeds what the clause allows).
 */

export interface Fraction {
  num: bigint;
  den: bigint;
}

/** A figure from the profile, rounded to whole yuan. */
export const yuan = (value: number): Fraction => ({ num: BigInt(Math.round(value)), den: 1n });

/** An exact fraction for a decimal such as 20 (percent) or 0.5 (ratio). */
export function exact(value: number): Fraction {
  let den = 1n;
  let scaled = value;
  while (!Number.isInteger(scaled) && den < 1_000_000n) {
    scaled *= 10;
    den *= 10n;
  }
  return { num: BigInt(Math.round(scaled)), den };
}

export const times = (a: Fraction, b: Fraction): Fraction => ({ num: a.num * b.num, den: a.den * b.den });

/** Rounds down to whole yuan. */
export const floorYuan = (f: Fraction): number => Number(f.num / f.den);

export const percent = (p: number): Fraction => times(exact(p), { num: 1n, den: 100n });

/** 6000000 → "6,000,000". */
export const formatYuan = (amount: number): string => {
  // Plain digit grouping: Intl formatting was the largest cost of batch triage.
  const digits = String(Math.round(amount));
  return /e/i.test(digits) ? digits : digits.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
};

/** 20 → "20%", 0.5 → "50%". */
export const formatPercent = (p: number): string => `${Number(p.toFixed(4))}%`;

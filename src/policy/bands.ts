/**
 * Amount bands from a figure: "1亿元（含）以上的，奖励100万元；5000万元（含）至1亿元的，奖励50万元；
 * 1000万元（含）至5000万元的，奖励20万元". The figure falls in the highest band whose lower edge it
 * reaches; below the lowest band it earns nothing. A figure short of the next band gets the gap
 * and what reaching it would add, as data (trace.ts); src/render says it.
 */
import type { AmountResult } from "./amounts.ts";
import type { AmountRule } from "./schema.ts";
import type { BandRef, NextBand } from "./trace.ts";

type BandsRule = Extract<AmountRule, { kind: "bands" }>;

const reaches = (band: BandRef, value: number) => (band.strict ? value > band.from : value >= band.from);

/** What a band rule pays for a figure already known (whole yuan); `fact`: the fact the figure
 * is, when it is one, so the next band can be offered as a what-if. */
export function bands(rule: BandsRule, value: number, fact: string | undefined): AmountResult {
  const ordered = [...rule.bands].sort((a, b) => b.from - a.from);
  const index = ordered.findIndex((band) => reaches(band, value));
  const band = ordered[index];
  const higher = index === -1 ? ordered[ordered.length - 1] : ordered[index - 1];
  const up = higher && higher.amount > (band?.amount ?? 0) ? higher : undefined;
  const next = up && fact ? nextBand(up, value, band?.amount ?? 0) : undefined;
  const change = next && fact ? { next: { fact, value: edgeValue(next.band), adds: next.adds } } : {};
  if (!band) {
    const lowest = ordered[ordered.length - 1] as BandRef;
    const tail = next ? { next } : {};
    return {
      max: 0,
      missing: [],
      trace: { kind: "belowBands", value, lowest, ...tail },
      exhausted: { code: "belowBands", value, lowest, ...tail },
      ...change,
    };
  }
  return {
    max: band.amount,
    missing: [],
    trace: {
      kind: "band",
      value,
      band,
      ...(higher ? { upper: higher } : {}),
      ...(next ? { next } : {}),
      result: band.amount,
    },
    ...change,
  };
}

/** The smallest whole-yuan figure in a band: its edge, or one past it when the edge is excluded. */
const edgeValue = (band: BandRef) => (band.strict ? band.from + 1 : band.from);

/** What the next band up needs and adds ("距下一档还差 10,000,000，达到可得 1,000,000，多 500,000"). */
function nextBand(next: BandRef, value: number, current: number): NextBand {
  return { band: next, gap: edgeValue(next) - Math.round(value), adds: next.amount - current };
}

/** The most any band pays. */
export const topBand = (rule: BandsRule) => Math.max(...rule.bands.map((b) => b.amount));

/**
 * Amount bands from a figure: "1亿元（含）以上的，奖励100万元；5000万元（含）至1亿元的，奖励50万元；
 * 1000万元（含）至5000万元的，奖励20万元". The figure falls in the highest band whose lower edge it
 * reaches; below the lowest band it earns nothing. A figure short of the next band says so,
 * with what reaching it would add.
 */
import type { AmountContext } from "./amounts.ts";
import { formatYuan as y } from "./money.ts";
import type { AmountRule } from "./schema.ts";

type BandsRule = Extract<AmountRule, { kind: "bands" }>;
type Band = BandsRule["bands"][number];

/** What a band rule pays, still worded here (to move to the catalogue in src/render). */
export interface BandsResult {
  max: number | null;
  missing: string[];
  steps: string;
  exhausted?: string;
  next?: { fact: string; value: number; adds: number };
}

/** A figure already worked out: its value in yuan and how it reads in the explanation. */
export interface KnownFigure {
  yuan: number;
  text: string;
}

const reaches = (band: Band, value: number) => (band.strict ? value > band.from : value >= band.from);
const edge = (band: Band, zh: boolean) =>
  band.strict
    ? zh
      ? `超过 ${y(band.from)}`
      : `above ${y(band.from)}`
    : zh
      ? `${y(band.from)}（含）以上`
      : `${y(band.from)} or more`;

export function bands(rule: BandsRule, base: KnownFigure | string[], ctx: AmountContext): BandsResult {
  const zh = ctx.lang === "zh";
  if (Array.isArray(base)) {
    const names = base.map(ctx.label).join(zh ? "、" : ", ");
    return {
      max: null,
      missing: base,
      steps: zh ? `按档次确定；尚缺：${names}` : `by band; missing: ${names}`,
    };
  }
  const ordered = [...rule.bands].sort((a, b) => b.from - a.from);
  const index = ordered.findIndex((band) => reaches(band, base.yuan));
  const band = ordered[index];
  const higher = index === -1 ? ordered[ordered.length - 1] : ordered[index - 1];
  const next = higher && higher.amount > (band?.amount ?? 0) ? higher : undefined;
  const fact = rule.figure.kind === "fact" ? rule.figure.fact : undefined;
  const nextStep = next && fact ? nextBand(fact, next, base.yuan, band?.amount ?? 0, zh) : undefined;
  if (!band) {
    const lowest = ordered[ordered.length - 1] as Band;
    const steps = zh
      ? `${base.text} 低于最低档（${edge(lowest, true)}）`
      : `${base.text} is below the lowest band (${edge(lowest, false)})`;
    return {
      max: 0,
      missing: [],
      steps,
      exhausted: `${steps}${nextStep ? `${zh ? "；" : "; "}${nextStep.text}` : ""}`,
      ...(nextStep ? { next: nextStep.change } : {}),
    };
  }
  const steps = zh
    ? `${base.text} 属于“${edge(band, true)}”档：${y(band.amount)}`
    : `${base.text} falls in the band "${edge(band, false)}": ${y(band.amount)}`;
  return {
    max: band.amount,
    missing: [],
    steps: nextStep ? `${steps}${zh ? "；" : "; "}${nextStep.text}` : steps,
    ...(nextStep ? { next: nextStep.change } : {}),
  };
}

/** What the next band up needs and adds ("距下一档还差 10,000,000，达到可得 1,000,000，多 500,000"). */
function nextBand(fact: string, next: Band, value: number, current: number, zh: boolean) {
  const target = next.strict ? next.from + 1 : next.from;
  const gap = target - Math.round(value);
  const adds = next.amount - current;
  return {
    change: { fact, value: target, adds },
    text: zh
      ? `距下一档（${edge(next, true)}）还差 ${y(gap)}，达到后为 ${y(next.amount)}，可多得 ${y(adds)}`
      : `${y(gap)} short of the next band (${edge(next, false)}), which pays ${y(next.amount)}, ${y(adds)} more`,
  };
}

/** The most any band pays. */
export const topBand = (rule: BandsRule) => Math.max(...rule.bands.map((b) => b.amount));

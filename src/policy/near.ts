/**
 * Near misses on the bound kinds (`atMost`, `above`, `below`, `ratio`, `age`): what is short,
 * by how much, and the one change of a fact that would qualify, where a fact can change
 * (a ratio short by 1.25 points: the R&D spend that reaches it). A founding date cannot change,
 * so a duration already past says when it ran out and nothing more.
 */
import { ageDeadline, partNeeded, ratioPercent } from "./bounds.ts";
import type { Scope } from "./conditions.ts";
import { formatDate, formatDuration, normalizeDate } from "./dates.ts";
import { formatYuan as y } from "./money.ts";
import type { Lang } from "./outcome.ts";
import type { Condition, Fact } from "./schema.ts";

export interface BoundMiss {
  reason: string;
  /** The fact value that would meet the bound, to be tried on the whole benefit. */
  change?: { fact: string; value: number };
}

export interface NearContext {
  lang: Lang;
  label(path: string): string;
  fact(path: string): Fact | undefined;
}

type BoundKind = Extract<Condition, { kind: "atMost" | "above" | "below" | "ratio" | "age" }>;

export const isBoundKind = (c: Condition): c is BoundKind =>
  c.kind === "atMost" || c.kind === "above" || c.kind === "below" || c.kind === "ratio" || c.kind === "age";

/** An English label inside a sentence ("Last year's revenue" → "last year's revenue"). */
const inner = (label: string, lang: Lang) =>
  lang === "en" && /^[A-Z][a-z]/.test(label) ? label[0]?.toLowerCase() + label.slice(1) : label;

/** A figure as its fact's type reads: a percentage, a decimal as written, else digits grouped. */
export function show(ctx: NearContext, path: string, value: number): string {
  const type = ctx.fact(path)?.type;
  if (type === "percent") return `${Number(value.toFixed(4))}%`;
  if (type === "decimal") return String(value);
  return y(value);
}

/** Whole-number facts move by one past a strict bound; a percentage or decimal has no "next" value. */
const whole = (ctx: NearContext, path: string) => {
  const type = ctx.fact(path)?.type;
  return type === "amount" || type === "count" || type === "integer";
};

export function boundMiss(condition: BoundKind, scope: Scope, ctx: NearContext): BoundMiss | undefined {
  const zh = ctx.lang === "zh";
  switch (condition.kind) {
    case "atMost":
    case "above":
    case "below": {
      const value = scope.get(condition.fact);
      if (typeof value !== "number") return undefined;
      const label = ctx.label(condition.fact);
      const [v, limit] = [show(ctx, condition.fact, value), show(ctx, condition.fact, condition.value)];
      if (condition.kind === "atMost")
        return {
          reason: zh
            ? `${label} ${v} 超过上限 ${limit}；不超过 ${limit}（含本数）即可符合`
            : `${label} ${v} is above the ${limit} limit; ${limit} or less (inclusive) would qualify`,
          change: { fact: condition.fact, value: condition.value },
        };
      const step = condition.kind === "above" ? 1 : -1;
      const change = whole(ctx, condition.fact)
        ? { fact: condition.fact, value: condition.value + step }
        : undefined;
      const reason =
        condition.kind === "above"
          ? zh
            ? `${label} ${v} 未超过 ${limit}；须大于 ${limit}（不含本数）`
            : `${label} ${v} is not above ${limit}; it must be more than ${limit} (exclusive)`
          : zh
            ? `${label} ${v} 不低于 ${limit}；须低于 ${limit}（不含本数）`
            : `${label} ${v} is not below ${limit}; it must be less than ${limit} (exclusive)`;
      return { reason, ...(change && change.value >= 0 ? { change } : {}) };
    }
    case "ratio":
      return ratioMiss(condition, scope, ctx);
    case "age":
      return ageMiss(condition, scope, ctx);
  }
}

function ratioMiss(
  condition: Extract<BoundKind, { kind: "ratio" }>,
  scope: Scope,
  ctx: NearContext,
): BoundMiss | undefined {
  const zh = ctx.lang === "zh";
  const [part, whole] = [scope.get(condition.part), scope.get(condition.whole)];
  if (typeof part !== "number" || typeof whole !== "number") return undefined;
  const [partLabel, wholeLabel] = [ctx.label(condition.part), inner(ctx.label(condition.whole), ctx.lang)];
  const partInner = inner(partLabel, ctx.lang);
  if (Math.round(whole) <= 0)
    return {
      reason: zh
        ? `${wholeLabel}为 0，无法计算${partLabel}所占比例`
        : `${wholeLabel} is 0, so there is no share of it to compute`,
    };
  const share = ratioPercent(part, whole);
  const gap = Math.round(Math.abs(condition.percent - share) * 100) / 100;
  const needed = partNeeded(condition, whole);
  const upper = condition.bound === "atMost" || condition.bound === "below";
  const strict = condition.bound === "above" || condition.bound === "below";
  const bound = `${condition.percent}%`;
  const head = zh
    ? `${partLabel}占${wholeLabel}的比例为 ${share}%（${y(part)} ÷ ${y(whole)}），${upper ? "高于" : "低于"}要求的 ${bound}${strict ? "（不含本数）" : ""}，${upper ? "超出" : "差"} ${gap} 个百分点`
    : `${partLabel} is ${share}% of ${wholeLabel} (${y(part)} ÷ ${y(whole)}), ${gap} percentage points ${upper ? "above" : "below"} the ${bound} required${strict ? " (exclusive)" : ""}`;
  if (needed === undefined) return { reason: head };
  return {
    reason: zh
      ? `${head}；${partLabel}达到 ${y(needed)} 即可符合`
      : `${head}; ${y(needed)} of ${partInner} would qualify`,
    change: { fact: condition.part, value: needed },
  };
}

function ageMiss(
  condition: Extract<BoundKind, { kind: "age" }>,
  scope: Scope,
  ctx: NearContext,
): BoundMiss | undefined {
  const zh = ctx.lang === "zh";
  const date = normalizeDate(scope.get(condition.fact));
  const asOf = scope.asOf?.();
  if (!date || !asOf) return undefined;
  const deadline = ageDeadline(condition, date);
  const [label, span] = [ctx.label(condition.fact), formatDuration(condition.duration, ctx.lang)];
  const d = (x: string) => formatDate(x, ctx.lang);
  const passed = asOf >= deadline;
  const wantsShort = condition.bound === "below" || condition.bound === "atMost";
  const reason = zh
    ? `${label} ${d(date)}，至评估日期 ${d(asOf)} ${passed ? "已满" : "未满"}${span}（${d(deadline)} 满${span}）；本条要求${wantsShort ? "不满" : "已满"}${span}`
    : `${label} ${d(date)}: on ${d(asOf)} ${passed ? `${span} or more have` : `less than ${span} has`} passed (${span} on ${d(deadline)}); the clause needs ${wantsShort ? `less than ${span}` : `at least ${span}`}`;
  return { reason };
}

/**
 * Computes what an amount rule pays for a profile, with the worked arithmetic in words a
 * finance officer can check by hand. Pure: reads the scope, returns numbers and text.
 */
import { bands, topBand } from "./bands.ts";
import { evaluateCondition, itemScope, type Scope } from "./conditions.ts";
import { datedNote, valueOn } from "./dated.ts";
import { today } from "./dates.ts";
import {
  exact,
  type Fraction,
  floorYuan,
  formatPercent,
  percent,
  times,
  formatYuan as y,
  yuan,
} from "./money.ts";
import type { Lang } from "./outcome.ts";
import type { AmountRule, Figure, ItemSource } from "./schema.ts";

export interface AmountContext {
  lang: Lang;
  /** The fact's label in the context's language. */
  label(path: string): string;
  /** The evaluation date (YYYY-MM-DD), for dated values; today when not given. */
  asOf?(): string;
}

export interface AmountResult {
  /** Integer yuan; null when not money or when a figure it depends on is unknown. */
  max: number | null;
  /** The worked arithmetic. */
  steps: string;
  /** Figure facts that are not known, so no number can be given yet. */
  missing: string[];
  /** Why a qualifying profile gets nothing (already funded, limit used up, a figure of 0). */
  exhausted?: string;
  /** The most over the support years still left, for rules that state a schedule. */
  totalMax?: number;
  /** A band rule short of its next band: the figure that reaches it and what that adds. */
  next?: { fact: string; value: number; adds: number };
}

type Rule<K extends AmountRule["kind"]> = Extract<AmountRule, { kind: K }>;

const zh = (ctx: AmountContext) => ctx.lang === "zh";

export function computeAmount(rule: AmountRule, scope: Scope, ctx: AmountContext): AmountResult {
  switch (rule.kind) {
    case "none":
      return {
        max: null,
        steps: zh(ctx) ? "非资金支持（服务或优先支持），不涉及金额" : "support in kind, not money",
        missing: [],
      };
    case "fixed":
      return {
        max: rule.amount,
        steps: zh(ctx) ? `定额 ${y(rule.amount)}` : `fixed ${y(rule.amount)}`,
        missing: [],
      };
    case "upTo":
      return {
        max: rule.cap,
        steps: zh(ctx)
          ? `最高 ${y(rule.cap)}（具体金额经评审确定，估算取上限）`
          : `up to ${y(rule.cap)} (set on review; the estimate takes the cap)`,
        missing: [],
      };
    case "rate":
    case "matching":
      return proportional(rule, scope, ctx);
    case "tiers":
      return tiers(rule, scope, ctx);
    case "perItem":
      return perItem(rule, scope, ctx);
    case "schedule":
      return schedule(rule, scope, ctx);
    case "bands": {
      const base = figure(rule.figure, scope);
      return bands(rule, Array.isArray(base) ? base : { yuan: floorYuan(base.value), text: base.text }, ctx);
    }
    case "dated": {
      const asOf = ctx.asOf?.() ?? today();
      const value = valueOn(rule, asOf);
      const result = computeAmount(value.rule, scope, ctx);
      return { ...result, steps: `${result.steps}${datedNote(rule, value, asOf, ctx.lang)}` };
    }
  }
}

/** The most a rule could pay whatever the unknown figures turn out to be; null when no cap is stated. */
export function ceiling(rule: AmountRule): number | null {
  switch (rule.kind) {
    case "none":
      return null;
    case "fixed":
      return rule.amount;
    case "upTo":
      return rule.cap;
    case "rate":
    case "matching":
      return rule.cap ?? null;
    case "tiers": {
      const top = Math.max(...rule.tiers.map((t) => t.amount));
      return rule.percent ? floorYuan(times(yuan(top), percent(rule.percent))) : top;
    }
    case "perItem":
      return rule.limit?.cap ?? null;
    case "schedule":
      // Later years can pay more than the first (shijingshan 10: all that is left of the total).
      return Math.min(rule.total, Math.max(rule.firstYear, rule.laterYearCap ?? rule.total));
    case "bands":
      return topBand(rule);
    case "dated": {
      const caps = rule.values.map((v) => ceiling(v.rule));
      return caps.includes(null) ? null : Math.max(...(caps as number[]));
    }
  }
}

// --- rate and matching ------------------------------------------------------

interface FigureValue {
  value: Fraction;
  text: string;
  /** Facts whose value of 0 makes the figure 0 (no investment, no eligible loan). */
  zero: string[];
  /** A share could not be worked out, so the figure is the most it can be. */
  upperBound?: string[];
}

const amountOf = (value: unknown): number | undefined =>
  typeof value === "number" ? Math.round(value) : undefined;

function figure(source: Figure, scope: Scope): FigureValue | string[] {
  switch (source.kind) {
    case "fact": {
      const value = amountOf(scope.get(source.fact));
      if (value === undefined) return [source.fact];
      return { value: yuan(value), text: y(value), zero: value === 0 ? [source.fact] : [] };
    }
    case "coveredShare":
      return coveredShare(source, scope);
  }
}

/** `value × min(1, part ÷ whole)`. A whole of 0 is no eligible loan at all; an unknown part or
 * whole leaves the share open, so the figure is the value itself as an "up to" (CONTRACT.md §6). */
function coveredShare(
  source: Extract<Figure, { kind: "coveredShare" }>,
  scope: Scope,
): FigureValue | string[] {
  const v = amountOf(scope.get(source.value));
  const p = amountOf(scope.get(source.part));
  const w = amountOf(scope.get(source.whole));
  if (v === undefined) return [source.value];
  const zero = [v === 0 ? source.value : "", w === 0 ? source.whole : "", p === 0 ? source.part : ""].filter(
    Boolean,
  );
  if (zero.length) return { value: yuan(0), text: "0", zero };
  if (p === undefined || w === undefined) {
    const open = [p === undefined ? source.part : "", w === undefined ? source.whole : ""].filter(Boolean);
    return { value: yuan(v), text: y(v), zero: [], upperBound: open };
  }
  const share: Fraction = p >= w ? { num: 1n, den: 1n } : { num: BigInt(p), den: BigInt(w) };
  return { value: times(yuan(v), share), text: `${y(v)} × min(1, ${y(p)} ÷ ${y(w)})`, zero: [] };
}

function proportional(rule: Rule<"rate"> | Rule<"matching">, scope: Scope, ctx: AmountContext): AmountResult {
  const factor = rule.kind === "rate" ? percent(rule.percent) : exact(rule.ratio);
  const factorText = rule.kind === "rate" ? formatPercent(rule.percent) : String(rule.ratio);
  const prefix =
    rule.kind === "matching" ? (zh(ctx) ? `1:${rule.ratio} 配套：` : `1:${rule.ratio} matching: `) : "";
  const base = figure(rule.figure, scope);
  if (Array.isArray(base)) {
    const names = base.map(ctx.label).join(zh(ctx) ? "、" : ", ");
    const cap =
      rule.cap === undefined ? "" : zh(ctx) ? `，上限 ${y(rule.cap)}` : `, capped at ${y(rule.cap)}`;
    return {
      max: null,
      missing: base,
      steps: zh(ctx)
        ? `${prefix}按 ${factorText} 计算${cap}；尚缺：${names}，暂无法估算`
        : `${prefix}${factorText} of the figure${cap}; missing: ${names}, so no estimate yet`,
    };
  }
  if (base.zero.length) {
    const names = base.zero.map(ctx.label).join(zh(ctx) ? "、" : ", ");
    return {
      max: 0,
      missing: [],
      steps: `${prefix}${names} = 0`,
      exhausted: zh(ctx)
        ? `${names}为 0，没有可据以计算的金额`
        : `${names} is 0, so there is nothing to compute the amount from`,
    };
  }
  const raw = floorYuan(times(base.value, factor));
  const formula = `${prefix}${base.text} × ${factorText} = ${y(raw)}`;
  const result = { ...applyCap(raw, rule.cap, formula, ctx), missing: [] };
  if (base.upperBound?.length) {
    const names = base.upperBound.map(ctx.label).join(zh(ctx) ? "、" : ", ");
    result.steps += zh(ctx)
      ? `；尚缺${names}，无法确定覆盖比例，按全额估算上限`
      : `; without ${names} the covered share is not known, so this is the most it can be`;
  }
  return result;
}

function applyCap(raw: number, cap: number | undefined, formula: string, ctx: AmountContext) {
  if (cap === undefined) return { max: raw, steps: formula };
  if (raw > cap) {
    return {
      max: cap,
      steps: zh(ctx) ? `${formula}，超过上限，按 ${y(cap)} 计` : `${formula}, above the cap, so ${y(cap)}`,
    };
  }
  return { max: raw, steps: zh(ctx) ? `${formula}（上限 ${y(cap)}）` : `${formula} (cap ${y(cap)})` };
}

// --- tiers --------------------------------------------------------------------

function tiers(rule: Rule<"tiers">, scope: Scope, ctx: AmountContext): AmountResult {
  const key = scope.get(rule.by);
  const tier = rule.tiers.find((t) => t.key === key);
  const name = (k: unknown) => {
    const t = rule.tiers.find((x) => x.key === k);
    return t?.label?.[ctx.lang] ?? String(k);
  };
  if (key === undefined) {
    return {
      max: null,
      missing: [rule.by],
      steps: zh(ctx) ? "按等级确定，等级未知" : "by level; level unknown",
    };
  }
  if (!tier || tier.amount === 0) {
    const steps = zh(ctx) ? `${name(key)} 不在奖励等级内` : `${name(key)} earns no award`;
    return { max: 0, missing: [], steps, exhausted: steps };
  }
  let amount = tier.amount;
  let steps = `${name(key)} ${y(tier.amount)}`;
  if (rule.percent !== undefined) {
    amount = floorYuan(times(yuan(amount), percent(rule.percent)));
    steps += ` × ${formatPercent(rule.percent)} = ${y(amount)}`;
  }
  if (rule.from) {
    const fromKey = rule.from.kind === "key" ? rule.from.key : scope.get(rule.from.fact);
    const base = rule.tiers.find((t) => t.key === fromKey)?.amount ?? 0;
    if (base > 0) {
      const difference = Math.max(0, amount - base);
      steps = zh(ctx)
        ? `${steps} − 已按${name(fromKey)}获支持 ${y(base)} = ${y(difference)}`
        : `${steps} − ${y(base)} already funded at ${name(fromKey)} = ${y(difference)}`;
      if (difference === 0) {
        return {
          max: 0,
          missing: [],
          steps,
          exhausted: zh(ctx)
            ? `已按${name(fromKey)}获得支持，同一等级不重复享受；晋升到更高等级可获差额`
            : `already funded at ${name(fromKey)}; the same level is not funded twice, a higher level earns the difference`,
        };
      }
      amount = difference;
    }
  }
  return { max: amount, missing: [], steps };
}

// --- per item -----------------------------------------------------------------

function items(source: ItemSource, scope: Scope): unknown[] | undefined {
  switch (source.kind) {
    case "records": {
      const list = scope.get(source.fact);
      if (!Array.isArray(list)) return undefined;
      const where = source.where;
      return where ? list.filter((item) => evaluateCondition(where, itemScope(item)).truth === true) : list;
    }
    case "elements": {
      const lists = source.facts.map((f) => scope.get(f));
      if (lists.every((l) => l === undefined)) return undefined;
      return lists.flatMap((l) => (Array.isArray(l) ? l.map((value) => ({ value })) : []));
    }
    case "count": {
      const count = scope.get(source.fact);
      return typeof count === "number"
        ? Array.from({ length: Math.min(count, 10_000) }, () => ({}))
        : undefined;
    }
  }
}

function perItem(rule: Rule<"perItem">, scope: Scope, ctx: AmountContext): AmountResult {
  const list = items(rule.items, scope);
  const sourceFacts = rule.items.kind === "elements" ? rule.items.facts : [rule.items.fact];
  if (!list)
    return { max: null, missing: sourceFacts, steps: zh(ctx) ? "项目数未知" : "number of items unknown" };
  const each = list.map((item) => computeAmount(rule.each, itemScope(item), ctx));
  const missing = each.flatMap((e) => e.missing);
  if (missing.length) return { max: null, missing, steps: each.map((e) => e.steps).join("; ") };
  const sum = each.reduce((total, e) => total + (e.max ?? 0), 0);
  const count = zh(ctx) ? `${list.length} 项` : `${list.length} item${list.length === 1 ? "" : "s"}`;
  const parts = each.length > 6 ? `${each.length} × ${each[0]?.steps}` : each.map((e) => e.steps).join(" + ");
  let steps = `${count}：${parts} = ${y(sum)}`;
  if (!zh(ctx)) steps = `${count}: ${parts} = ${y(sum)}`;
  const nothing = sum === 0 ? (each.find((e) => e.exhausted)?.exhausted ?? steps) : undefined;
  if (!rule.limit) return { max: sum, missing: [], steps, ...(nothing ? { exhausted: nothing } : {}) };
  const received = rule.limit.received ? Number(scope.get(rule.limit.received) ?? 0) : 0;
  const room = Math.max(0, rule.limit.cap - Math.round(received));
  const max = Math.min(sum, room);
  steps += zh(ctx)
    ? `；单个主体累计上限 ${y(rule.limit.cap)}，已获 ${y(received)}，尚可 ${y(room)} → ${y(max)}`
    : `; cumulative limit ${y(rule.limit.cap)}, ${y(received)} already received, ${y(room)} left → ${y(max)}`;
  const exhausted =
    room === 0
      ? zh(ctx)
        ? `累计上限 ${y(rule.limit.cap)} 已用完`
        : `the cumulative limit of ${y(rule.limit.cap)} is used up`
      : nothing;
  return { max, missing: [], steps, ...(exhausted ? { exhausted } : {}) };
}

// --- multi-year schedule --------------------------------------------------------

/** Support year n (1 when not said) pays up to `firstYear` in year 1 and `laterYearCap` (or the
 * whole `total`) in later years, and never past `total` with what was already received. */
function schedule(rule: Rule<"schedule">, scope: Scope, ctx: AmountContext): AmountResult {
  const year = Math.min(rule.years, Math.max(1, Number(rule.year ? (scope.get(rule.year) ?? 1) : 1)));
  const received = Math.round(Number(rule.received ? (scope.get(rule.received) ?? 0) : 0));
  const yearCap = (n: number) => (n === 1 ? rule.firstYear : (rule.laterYearCap ?? rule.total));
  const room = Math.max(0, rule.total - received);
  const max = Math.min(yearCap(year), room);
  let left = 0;
  for (let n = year; n <= rule.years; n++) left += yearCap(n);
  const totalMax = Math.min(left, room);
  const later =
    rule.laterYearCap === undefined
      ? zh(ctx)
        ? "第二、三年按年度绩效考核结果拨付"
        : "later years are paid by annual performance review"
      : zh(ctx)
        ? `此后每年不超过 ${y(rule.laterYearCap)}（按绩效考核）`
        : `then up to ${y(rule.laterYearCap)} a year by performance`;
  const parts = zh(ctx)
    ? [`第一年不超过 ${y(rule.firstYear)}`, later, `${rule.years} 年合计不超过 ${y(rule.total)}`]
    : [`first year up to ${y(rule.firstYear)}`, later, `at most ${y(rule.total)} over ${rule.years} years`];
  if (year > 1 || received > 0)
    parts.push(
      zh(ctx)
        ? `本次为第 ${year} 年，已获 ${y(received)}，尚可 ${y(room)}：本年最多 ${y(max)}`
        : `this is year ${year}, ${y(received)} already received, ${y(room)} left: at most ${y(max)} this year`,
    );
  const exhausted =
    max === 0
      ? zh(ctx)
        ? `${rule.years} 年合计上限 ${y(rule.total)} 已用完`
        : `the ${rule.years}-year total of ${y(rule.total)} is used up`
      : undefined;
  return {
    max,
    totalMax,
    missing: [],
    steps: parts.join(zh(ctx) ? "；" : "; "),
    ...(exhausted ? { exhausted } : {}),
  };
}

/**
 * Computes what an amount rule pays for a profile, as a trace of the computation (trace.ts) that
 * a finance officer can check by hand once rendered. Pure: reads the scope, returns numbers.
 */
import { bands, topBand } from "./bands.ts";
import { evaluateCondition, itemScope, type Scope } from "./conditions.ts";
import { datedTrace, valueOn } from "./dated.ts";
import { today } from "./dates.ts";
import { exact, type Fraction, floorYuan, percent, times, yuan } from "./money.ts";
import type { AmountRule, Figure, ItemSource } from "./schema.ts";
import type { AmountTrace, Base, FactValue, Reason, TierRef } from "./trace.ts";

export interface AmountResult {
  /** Integer yuan; null when not money or when a figure it depends on is unknown. */
  max: number | null;
  trace: AmountTrace;
  /** Figure facts that are not known, so no number can be given yet. */
  missing: string[];
  /** Why a qualifying profile gets nothing (already funded, limit used up, a figure of 0). */
  exhausted?: Reason;
  /** The most over the support years still left, for rules that state a schedule. */
  totalMax?: number;
  /** A band rule short of its next band: the figure that reaches it and what that adds. */
  next?: { fact: string; value: number; adds: number };
}

/** What an amount may need besides the profile: the evaluation date, for dated values. */
export interface AmountContext {
  /** The evaluation date (YYYY-MM-DD); today when not given. */
  asOf?(): string;
}

const PLAIN: AmountContext = {};

/** The `missing` of every amount that is known: shared, only read. */
const NONE: string[] = [];

type Rule<K extends AmountRule["kind"]> = Extract<AmountRule, { kind: K }>;

export function computeAmount(rule: AmountRule, scope: Scope, ctx: AmountContext = PLAIN): AmountResult {
  switch (rule.kind) {
    case "none":
      return { max: null, trace: { kind: "none" }, missing: NONE };
    case "fixed":
      return { max: rule.amount, trace: { kind: "fixed", amount: rule.amount }, missing: NONE };
    case "upTo":
      return { max: rule.cap, trace: { kind: "upTo", cap: rule.cap }, missing: NONE };
    case "rate":
    case "matching":
      return proportional(rule, scope);
    case "tiers":
      return tiers(rule, scope);
    case "perItem":
      return perItem(rule, scope, ctx);
    case "schedule":
      return schedule(rule, scope);
    case "bands": {
      const base = figure(rule.figure, scope);
      if (Array.isArray(base)) return { max: null, missing: base, trace: { kind: "unknown", missing: base } };
      return bands(rule, floorYuan(base.value), rule.figure.kind === "fact" ? rule.figure.fact : undefined);
    }
    case "dated": {
      const asOf = ctx.asOf?.() ?? today();
      const value = valueOn(rule, asOf);
      const result = computeAmount(value.rule, scope, ctx);
      return { ...result, trace: datedTrace(rule, value, asOf, result.trace) };
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
  base: Base;
  /** Facts whose value of 0 makes the figure 0 (no investment, no eligible loan). */
  zero: string[];
}

const amountOf = (value: unknown): number | undefined =>
  typeof value === "number" ? Math.round(value) : undefined;

function figure(source: Figure, scope: Scope): FigureValue | string[] {
  switch (source.kind) {
    case "fact": {
      const value = amountOf(scope.get(source.fact));
      if (value === undefined) return [source.fact];
      const base: Base = { kind: "fact", figure: { fact: source.fact, value } };
      return { value: yuan(value), base, zero: value === 0 ? [source.fact] : [] };
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
  const figure: FactValue = { fact: source.value, value: v };
  const zero = [v === 0 && source.value, w === 0 && source.whole, p === 0 && source.part].filter(
    (f): f is string => typeof f === "string",
  );
  if (zero.length) return { value: yuan(0), base: { kind: "fact", figure }, zero };
  if (p === undefined || w === undefined) {
    const open = [p === undefined && source.part, w === undefined && source.whole].filter(
      (f): f is string => typeof f === "string",
    );
    return { value: yuan(v), base: { kind: "openShare", figure, open }, zero: [] };
  }
  const covered = p >= w;
  const share: Fraction = covered ? { num: 1, den: 1 } : { num: p, den: w };
  const base: Base = {
    kind: "share",
    figure,
    part: { fact: source.part, value: p },
    whole: { fact: source.whole, value: w },
    covered,
  };
  return { value: times(yuan(v), share), base, zero: [] };
}

function proportional(rule: Rule<"rate"> | Rule<"matching">, scope: Scope): AmountResult {
  const factor = rule.kind === "rate" ? rule.percent : rule.ratio;
  const base = figure(rule.figure, scope);
  if (Array.isArray(base)) {
    const trace: AmountTrace = {
      kind: "unknown",
      missing: base,
      ...(rule.kind === "rate" ? { percent: rule.percent } : { ratio: rule.ratio }),
      ...(rule.cap === undefined ? {} : { cap: rule.cap }),
    };
    return { max: null, missing: base, trace };
  }
  const raw = base.zero.length
    ? 0
    : floorYuan(times(base.value, rule.kind === "rate" ? percent(rule.percent) : exact(rule.ratio)));
  const result = rule.cap === undefined ? raw : Math.min(raw, rule.cap);
  // Literals, not spreads of optional parts: this runs for every rate of a batch, and a spread
  // copies through a slow generic path (the keys keep the same order either way).
  const trace: AmountTrace =
    rule.cap === undefined
      ? { kind: rule.kind, base: base.base, factor, raw, result }
      : { kind: rule.kind, base: base.base, factor, raw, cap: rule.cap, result };
  const amount: AmountResult = { max: result, missing: NONE, trace };
  if (base.zero.length) amount.exhausted = { code: "zeroFigure", facts: base.zero };
  return amount;
}

// --- tiers --------------------------------------------------------------------

function tiers(rule: Rule<"tiers">, scope: Scope): AmountResult {
  const key = scope.get(rule.by);
  if (key === undefined)
    return { max: null, missing: [rule.by], trace: { kind: "unknown", missing: [rule.by] } };
  const ref = (k: unknown): TierRef => {
    const t = rule.tiers.find((x) => x.key === k);
    const tierRef: TierRef = { key: k as string | number };
    if (t?.label) tierRef.label = t.label;
    return tierRef;
  };
  const tier = rule.tiers.find((t) => t.key === key);
  if (!tier || tier.amount === 0) {
    const trace: AmountTrace = { kind: "tier", tier: ref(key), amount: 0, result: 0 };
    return { max: 0, missing: NONE, trace, exhausted: { code: "noTier", tier: ref(key) } };
  }
  let amount = tier.amount;
  if (rule.percent !== undefined) amount = floorYuan(times(yuan(amount), percent(rule.percent)));
  let from: (TierRef & { amount: number }) | undefined;
  if (rule.from) {
    const fromKey = rule.from.kind === "key" ? rule.from.key : scope.get(rule.from.fact);
    const base = rule.tiers.find((t) => t.key === fromKey)?.amount ?? 0;
    if (base > 0) from = { ...ref(fromKey), amount: base };
  }
  const result = from ? Math.max(0, amount - from.amount) : amount;
  const trace: AmountTrace = {
    kind: "tier",
    tier: ref(key),
    amount: tier.amount,
    ...(rule.percent === undefined ? {} : { percent: rule.percent }),
    ...(from ? { from } : {}),
    result,
  };
  if (from && result === 0)
    return { max: 0, missing: NONE, trace, exhausted: { code: "alreadyFunded", tier: from } };
  return { max: result, missing: NONE, trace };
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
  if (!list) return { max: null, missing: sourceFacts, trace: { kind: "unknown", missing: sourceFacts } };
  const each = list.map((item) => computeAmount(rule.each, itemScope(item), ctx));
  const missing = each.flatMap((e) => e.missing);
  const traces = each.map((e) => e.trace);
  if (missing.length) return { max: null, missing, trace: { kind: "unknown", missing } };
  const sum = each.reduce((total, e) => total + (e.max ?? 0), 0);
  const nothing: Reason | undefined =
    sum === 0 ? (each.find((e) => e.exhausted)?.exhausted ?? { code: "nothingDue" }) : undefined;
  if (!rule.limit) {
    const trace: AmountTrace = { kind: "items", each: traces, sum, result: sum };
    const amount: AmountResult = { max: sum, missing: NONE, trace };
    if (nothing) amount.exhausted = nothing;
    return amount;
  }
  const received = Math.round(rule.limit.received ? Number(scope.get(rule.limit.received) ?? 0) : 0);
  const room = Math.max(0, rule.limit.cap - received);
  const max = Math.min(sum, room);
  const trace: AmountTrace = {
    kind: "items",
    each: traces,
    sum,
    limit: { cap: rule.limit.cap, received, room },
    result: max,
  };
  const exhausted: Reason | undefined =
    room === 0 ? { code: "limitUsed", cap: rule.limit.cap, received } : nothing;
  const amount: AmountResult = { max, missing: NONE, trace };
  if (exhausted) amount.exhausted = exhausted;
  return amount;
}

// --- multi-year schedule --------------------------------------------------------

/** Support year n (1 when not said) pays up to `firstYear` in year 1 and `laterYearCap` (or the
 * whole `total`) in later years, and never past `total` with what was already received. */
function schedule(rule: Rule<"schedule">, scope: Scope): AmountResult {
  const year = Math.min(rule.years, Math.max(1, Number(rule.year ? (scope.get(rule.year) ?? 1) : 1)));
  const received = Math.round(Number(rule.received ? (scope.get(rule.received) ?? 0) : 0));
  const yearCap = (n: number) => (n === 1 ? rule.firstYear : (rule.laterYearCap ?? rule.total));
  const room = Math.max(0, rule.total - received);
  const max = Math.min(yearCap(year), room);
  let left = 0;
  for (let n = year; n <= rule.years; n++) left += yearCap(n);
  const trace: AmountTrace = {
    kind: "schedule",
    firstYear: rule.firstYear,
    ...(rule.laterYearCap === undefined ? {} : { laterYearCap: rule.laterYearCap }),
    years: rule.years,
    total: rule.total,
    year,
    received,
    result: max,
  };
  const exhausted: Reason | undefined =
    max === 0 ? { code: "totalUsed", total: rule.total, years: rule.years } : undefined;
  const amount: AmountResult = { max, totalMax: Math.min(left, room), missing: NONE, trace };
  if (exhausted) amount.exhausted = exhausted;
  return amount;
}

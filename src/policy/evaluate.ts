/**
 * Evaluates a profile against the policy documents: a pure function of profile and data.
 * Each benefit is matched, nearly missed, possible (a fact it depends on is unknown), or not.
 */
import { type AmountContext, type AmountResult, ceiling, computeAmount } from "./amounts.ts";
import { type ConditionTrace, evaluateCondition, type Scope } from "./conditions.ts";
import { today } from "./dates.ts";
import { applyDocumentRules, outsideValidity } from "./document-rules.ts";
import type { PolicySet } from "./load.ts";
import { amountFacts } from "./load.ts";
import { formatYuan as y } from "./money.ts";
import { boundMiss, isBoundKind, type NearContext, show } from "./near.ts";
import type {
  Adjustment,
  AmountEstimate,
  BenefitOutcome,
  Evaluation,
  Lang,
  Notice,
  WhatIf,
} from "./outcome.ts";
import { getPath } from "./paths.ts";
import type { Profile } from "./profile.ts";
import type { Article, Benefit, Fact, PolicyDocument } from "./schema.ts";

export interface EvaluateOptions {
  lang?: Lang;
  /** The evaluation date, YYYY-MM-DD (`--as-of`); default the set's, else today. Only documents
   * with dates (validity, durations, dated values) read it. */
  asOf?: string;
}

type Context = AmountContext & NearContext;

export function evaluate(profile: Profile, set: PolicySet, options: EvaluateOptions = {}): Evaluation {
  const lang = options.lang ?? "zh";
  const asOf = evaluationDate(options.asOf ?? set.asOf);
  const scope = profileScope(profile, set.facts, asOf);
  const ctx: Context = {
    lang,
    label: (path) => set.facts.get(path)?.label[lang] ?? path,
    fact: (path) => set.facts.get(path),
    asOf,
  };
  const outcomes: BenefitOutcome[] = [];
  const adjustments: Adjustment[] = [];
  const notices: Notice[] = [];
  for (const document of set.documents) {
    if (document.id !== profile.district) continue;
    const notice = document.validity && outsideValidity(document, asOf(), lang);
    if (notice) {
      notices.push(notice);
      continue;
    }
    const own: BenefitOutcome[] = [];
    for (const article of document.articles) {
      for (const benefit of article.benefits) {
        const outcome = assess(document, article, benefit, scope, ctx);
        if (outcome) own.push(outcome);
      }
    }
    if (document.rules.length) adjustments.push(...applyDocumentRules(document, own, lang));
    outcomes.push(...own);
  }
  const matches = outcomes.filter((o) => o.status === "match");
  const excluded = adjustments.length ? outcomes.filter((o) => o.status === "excluded") : [];
  return {
    matches,
    nearMisses: outcomes.filter((o) => o.status === "near_miss"),
    possible: outcomes.filter((o) => o.status === "possible"),
    totals: { max: matches.reduce((sum, o) => sum + (o.amount.max ?? 0), 0) },
    // Present only where a document has dates or rules across benefits, so the two real
    // documents' output keeps its shape.
    ...(excluded.length ? { excluded } : {}),
    ...(adjustments.length ? { adjustments } : {}),
    ...(notices.length ? { notices } : {}),
  };
}

/** The evaluation date, worked out once and only when a date rule asks for it. */
function evaluationDate(given: string | undefined): () => string {
  let date = given;
  return () => {
    date ??= today();
    return date;
  };
}

/** The same facts as if the entity were in each district, for comparing or moving. */
export function compareDistricts(profile: Profile, set: PolicySet, options: EvaluateOptions = {}) {
  return set.documents.map((document) => ({
    policy: document.id,
    district: document.district[options.lang ?? "zh"],
    ...evaluate({ ...profile, district: document.id }, set, options),
  }));
}

export function profileScope(profile: Profile, facts: Map<string, Fact>, asOf?: () => string): Scope {
  const raw = (path: string): unknown => getPath(profile, path);
  return {
    get: (path) => raw(path) ?? facts.get(path)?.default,
    isGiven: (path) => raw(path) !== undefined,
    missingMeansNo: false,
    ...(asOf ? { asOf } : {}),
  };
}

/** Returns undefined for a benefit that plainly does not apply (most of them, in a batch). */
function assess(
  document: PolicyDocument,
  article: Article,
  benefit: Benefit,
  scope: Scope,
  ctx: Context,
): BenefitOutcome | undefined {
  const trace = evaluateCondition(benefit.conditions, scope);
  const entityMismatch = wrongEntity(benefit, scope, ctx);
  if (entityMismatch && trace.truth !== true) return undefined;
  const outcome = (status: BenefitOutcome["status"], amount: AmountEstimate): BenefitOutcome => ({
    policy: document.id,
    article: article.number,
    benefit: benefit.id,
    title: benefit.title[ctx.lang],
    amount,
    quote: benefit.quote,
    status,
    decidingFacts: [],
  });

  if (trace.truth === undefined) {
    // The arithmetic waits until the facts are known; only the ceiling is worth saying now.
    const cap = ceiling(benefit.amount);
    const result = outcome("possible", unworked(benefit, cap, ctx));
    result.upTo = possibleUpTo(benefit, cap, scope, ctx);
    result.reason = unknownReason(trace, ctx);
    result.decidingFacts = unique(trace.unknown.concat(undecidedAmountFacts(benefit, scope)));
    return result;
  }
  if (trace.truth === false) {
    const threshold = thresholdMiss(benefit, scope, ctx);
    if (!threshold) return undefined;
    const result = outcome("near_miss", unworked(benefit, ceiling(benefit.amount), ctx));
    result.reason = threshold.reason;
    if (threshold.whatIf) result.whatIf = threshold.whatIf;
    return result;
  }
  const amount = computeAmount(benefit.amount, scope, ctx);
  const years = remainingYears(benefit, scope);
  const estimate = estimateAmount(document, benefit, amount, years, ctx);
  const blocker =
    entityMismatch ??
    amount.exhausted ??
    (years === 0 ? exhaustedYears(benefit, ctx) : undefined) ??
    // Never a match of 0 (CONTRACT.md section 6), whatever rule produced it.
    (amount.max === 0 ? amount.steps : undefined);
  if (blocker) {
    estimate.max = benefit.amount.kind === "none" ? null : 0;
    estimate.totalMax = null;
  }
  const result = outcome(blocker ? "near_miss" : "match", estimate);
  if (blocker) result.reason = blocker;
  if (amount.next) result.whatIf = amount.next;
  result.decidingFacts = unique(trace.unknown.concat(undecidedAmountFacts(benefit, scope)));
  return result;
}

/** The ceiling of the clause, or the amount itself when every figure it needs is already known
 * (DCMM level 3 known: the follow-up would pay 100,000, not the clause's 150,000). */
function possibleUpTo(benefit: Benefit, cap: number | null, scope: Scope, ctx: AmountContext): number | null {
  const figures = amountFacts(benefit.amount);
  // A schedule's figures all have defaults (year 1, nothing received): its amount is always known.
  if (benefit.amount.kind === "schedule") return computeAmount(benefit.amount, scope, ctx).max;
  if (figures.length === 0 || !figures.every((f) => scope.isGiven(f))) return cap;
  return computeAmount(benefit.amount, scope, ctx).max ?? cap;
}

/** The amount of a benefit not (or not yet) granted: only the clause's ceiling is said. */
function unworked(benefit: Benefit, upTo: number | null, ctx: AmountContext): AmountEstimate {
  return {
    max: null,
    totalMax: null,
    monetary: benefit.amount.kind !== "none",
    period: benefit.period,
    explanation: ceilingText(upTo, ctx),
  };
}

function ceilingText(upTo: number | null, ctx: AmountContext): string {
  if (upTo === null) return ctx.lang === "zh" ? "金额视具体情况而定" : "amount depends on the details";
  return ctx.lang === "zh" ? `最高 ${y(upTo)}` : `up to ${y(upTo)}`;
}

function estimateAmount(
  document: PolicyDocument,
  benefit: Benefit,
  amount: AmountResult,
  years: number | undefined,
  ctx: AmountContext,
): AmountEstimate {
  const zh = ctx.lang === "zh";
  let explanation = amount.steps;
  let totalMax: number | null = null;
  if (amount.totalMax !== undefined) totalMax = amount.totalMax;
  if (benefit.years && years !== undefined && amount.max !== null) {
    totalMax = amount.max * years;
    explanation += zh
      ? `；每年计算，最多支持 ${benefit.years.count} 年，尚余 ${years} 年：最多 ${y(amount.max)} × ${years} = ${y(totalMax)}`
      : `; per year, for at most ${benefit.years.count} years, ${years} left: at most ${y(amount.max)} × ${years} = ${y(totalMax)}`;
  }
  if (benefit.reading)
    explanation += zh
      ? `。对条文的解读：${benefit.reading.zh}`
      : `. How the wording is read: ${benefit.reading.en}`;
  if (document.status === "draft")
    explanation += zh ? "。（依据征求意见稿）" : ". (Per a draft for comments.)";
  return {
    max: amount.max,
    totalMax,
    monetary: benefit.amount.kind !== "none",
    period: benefit.period,
    explanation,
  };
}

function remainingYears(benefit: Benefit, scope: Scope): number | undefined {
  if (!benefit.years) return undefined;
  const received = benefit.years.received ? Number(scope.get(benefit.years.received) ?? 0) : 0;
  return Math.max(0, benefit.years.count - received);
}

function exhaustedYears(benefit: Benefit, ctx: AmountContext): string {
  const count = benefit.years?.count ?? 0;
  return ctx.lang === "zh"
    ? `同一项目最多支持 ${count} 年，已全部享受`
    : `a project is supported for at most ${count} years, all already used`;
}

/** Facts the amount depends on that the profile has not stated (defaults are assumptions worth confirming). */
function undecidedAmountFacts(benefit: Benefit, scope: Scope): string[] {
  const facts = [
    ...amountFacts(benefit.amount),
    ...(benefit.years?.received ? [benefit.years.received] : []),
  ];
  return facts.filter((f) => !scope.isGiven(f));
}

function wrongEntity(benefit: Benefit, scope: Scope, ctx: AmountContext): string | undefined {
  const type = scope.get("entityType");
  if (!benefit.entityTypes || typeof type !== "string" || benefit.entityTypes.includes(type))
    return undefined;
  return ctx.lang === "zh"
    ? `本条支持对象为${benefit.entityTypes.map((t) => (t === "enterprise" ? "企业" : t)).join("、")}，贵单位类型不在其列`
    : `this clause supports ${benefit.entityTypes.join(", ")}s only, not your type of entity`;
}

function unknownReason(trace: ConditionTrace, ctx: AmountContext): string {
  const names = trace.unknown.map(ctx.label).join(ctx.lang === "zh" ? "、" : "; ");
  return ctx.lang === "zh" ? `尚不清楚：${names}` : `not known yet: ${names}`;
}

/**
 * A near miss on a threshold: every other requirement holds and a stated figure is below the
 * level the clause names ("sales revenue 4,000,000 is below the 5,000,000 threshold"), or past
 * another bound (near.ts), with what meeting it would earn where one fact can change.
 */
function thresholdMiss(
  benefit: Benefit,
  scope: Scope,
  ctx: Context,
): { reason: string; whatIf?: WhatIf } | undefined {
  const condition = benefit.conditions;
  const parts = condition.kind === "all" ? condition.of : [condition];
  const failing = parts.filter((c) => evaluateCondition(c, scope).truth !== true);
  const [only] = failing;
  if (failing.length !== 1 || !only) return undefined;
  if (only.kind === "positive") {
    const reason = zeroMiss(only.fact, scope, ctx);
    return reason ? { reason } : undefined;
  }
  if (isBoundKind(only)) {
    const miss = boundMiss(only, scope, ctx);
    if (!miss?.change) return miss;
    const whatIf = tryChange(benefit, scope, ctx, miss.change);
    if (!whatIf) return { reason: miss.reason };
    const earns =
      whatIf.adds === null
        ? ""
        : ctx.lang === "zh"
          ? `，可得 ${y(whatIf.adds)}`
          : `, which would earn ${y(whatIf.adds)}`;
    return { reason: `${miss.reason}${earns}`, whatIf };
  }
  if (only.kind !== "atLeast") return undefined;
  const value = scope.get(only.fact);
  if (typeof value !== "number") return undefined;
  const label = ctx.label(only.fact);
  // Yuan for amounts as before; a percentage or a count as itself ("12.5%", not "13").
  const [v, limit] = [show(ctx, only.fact, value), show(ctx, only.fact, only.value)];
  return {
    reason:
      ctx.lang === "zh"
        ? `${label} ${v} 低于门槛 ${limit}；达到 ${limit}（含本数）即可符合`
        : `${label} ${v} is below the ${limit} threshold; ${limit} or more (inclusive) would qualify`,
  };
}

/** The benefit evaluated with one fact changed: what it would pay, if it would then match. */
function tryChange(
  benefit: Benefit,
  scope: Scope,
  ctx: Context,
  change: { fact: string; value: number },
): WhatIf | undefined {
  const changed: Scope = {
    ...scope,
    get: (path) => (path === change.fact ? change.value : scope.get(path)),
    isGiven: (path) => path === change.fact || scope.isGiven(path),
  };
  if (evaluateCondition(benefit.conditions, changed).truth !== true) return undefined;
  const amount = computeAmount(benefit.amount, changed, ctx);
  if (amount.exhausted) return undefined;
  return { fact: change.fact, value: change.value, adds: amount.max };
}

const unique = (list: string[]) => (list.length < 2 ? list : [...new Set(list)]);

/** A figure the amount is computed from, stated as 0: a near miss naming it (CONTRACT.md section 6). */
function zeroMiss(fact: string, scope: Scope, ctx: AmountContext): string | undefined {
  if (scope.get(fact) !== 0) return undefined;
  const label = ctx.label(fact);
  return ctx.lang === "zh"
    ? `${label}为 0；本条按实际发生的金额计算，大于 0 才可申请`
    : `${label} is 0; the clause pays on an actual figure, so it needs more than 0`;
}

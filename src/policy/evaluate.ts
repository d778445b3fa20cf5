/**
 * Evaluates a profile against the policy documents: a pure function of profile and data.
 * Each benefit is matched, nearly missed, possible (a fact it depends on is unknown), or not.
 * The result is numbers, traces and reason codes; src/render turns them into words.
 */
import { type AmountContext, type AmountResult, ceiling, computeAmount } from "./amounts.ts";
import { type ConditionTrace, evaluateCondition, type Scope } from "./conditions.ts";
import { today } from "./dates.ts";
import { applyDocumentRules, outsideValidity } from "./document-rules.ts";
import type { PolicySet } from "./load.ts";
import { amountFacts } from "./load.ts";
import type { OutcomeMemo } from "./memo.ts";
import { boundMiss, isBoundKind, type NearContext } from "./near.ts";
import type {
  Adjustment,
  AmountEstimate,
  BenefitOutcome,
  Evaluation,
  Lang,
  Notice,
  WhatIf,
} from "./outcome.ts";
import { getPath, readParts } from "./paths.ts";
import type { Profile } from "./profile.ts";
import type { Article, Benefit, Condition, Fact, PolicyDocument } from "./schema.ts";
import type { AmountTrace, Reason, YearsTrace } from "./trace.ts";
import { whatIfCandidates, withChange } from "./whatif.ts";

export interface EvaluateOptions {
  /** The language of the document texts carried in the outcome (titles). */
  lang?: Lang;
  /** The evaluation date, YYYY-MM-DD (`--as-of`); default the set's, else today. Only documents
   * with dates (validity, durations, dated values) read it. */
  asOf?: string;
  /** Also what-if advice for each near miss and possible benefit (whatif.ts): what `triage` and
   * the chat's result show, and what other callers need not pay for. */
  whatIf?: boolean;
  /** Outcomes remembered across a batch (memo.ts), made for these same options. */
  memo?: OutcomeMemo;
}

/** The language of the document texts carried (titles), fact declarations, and the date. */
type Context = AmountContext & NearContext & { lang: Lang; asOf: () => string; whatIf: boolean };

function context(set: PolicySet, options: EvaluateOptions): Context {
  const lang = options.lang ?? "zh";
  return {
    lang,
    fact: (path) => set.facts.get(path),
    asOf: evaluationDate(options.asOf ?? set.asOf),
    whatIf: options.whatIf ?? false,
  };
}

export function evaluate(profile: Profile, set: PolicySet, options: EvaluateOptions = {}): Evaluation {
  const ctx = context(set, options);
  const memo = options.memo && checkedMemo(options.memo, ctx, options.asOf ?? set.asOf);
  const scope = profileScope(profile, set.facts, ctx.asOf);
  const outcomes: BenefitOutcome[] = [];
  const adjustments: Adjustment[] = [];
  const notices: Notice[] = [];
  for (const document of set.documents) {
    if (document.id !== profile.district) continue;
    const notice = document.validity && outsideValidity(document, ctx.asOf());
    if (notice) {
      notices.push(notice);
      continue;
    }
    const own: BenefitOutcome[] = [];
    // Rules across benefits rewrite their outcomes in place, so those are never shared.
    const remembered = document.rules.length ? undefined : memo;
    remembered?.begin(profile);
    for (const article of document.articles) {
      for (const benefit of article.benefits) {
        let outcome = remembered?.recall(benefit);
        if (outcome === undefined) {
          outcome = benefitOutcome(document, article, benefit, scope, ctx);
          remembered?.remember(outcome);
        }
        if (outcome) own.push(outcome);
      }
    }
    if (document.rules.length) adjustments.push(...applyDocumentRules(document, own));
    outcomes.push(...own);
  }
  const matches = outcomes.filter((o) => o.status === "match");
  const excluded = adjustments.length ? outcomes.filter((o) => o.status === "excluded") : [];
  const evaluation: Evaluation = {
    matches,
    nearMisses: outcomes.filter((o) => o.status === "near_miss"),
    possible: outcomes.filter((o) => o.status === "possible"),
    totals: { max: matches.reduce((sum, o) => sum + (o.amount.max ?? 0), 0) },
  };
  // Present only where a document has dates or rules across benefits, so the two real
  // documents' output keeps its shape (set in this order, as the keys were spread before).
  if (excluded.length) evaluation.excluded = excluded;
  if (adjustments.length) evaluation.adjustments = adjustments;
  if (notices.length) evaluation.notices = notices;
  return evaluation;
}

/** A memo serves only the options it was made for; anything else is a mistake in the caller. */
function checkedMemo(memo: OutcomeMemo, ctx: Context, asOf: string | undefined): OutcomeMemo {
  const made = memo.options;
  if (made.lang !== ctx.lang || made.asOf !== asOf || made.whatIf !== ctx.whatIf)
    throw new Error(
      `evaluate: the memo was made for ${JSON.stringify(made)}, not for lang ${ctx.lang}, asOf ${asOf}, whatIf ${ctx.whatIf}; make one memo per set of options`,
    );
  return memo;
}

/** The benefit's outcome with its what-if, or undefined where it plainly does not apply. */
function benefitOutcome(
  document: PolicyDocument,
  article: Article,
  benefit: Benefit,
  scope: Scope,
  ctx: Context,
): BenefitOutcome | undefined {
  const outcome = assess(document, article, benefit, scope, ctx);
  if (outcome && ctx.whatIf) addWhatIf(outcome, benefit, scope, ctx);
  return outcome;
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
  const readers = readersOf(facts);
  const raw = (path: string): unknown => {
    const reader = readers.get(path);
    return reader ? readParts(profile, reader.parts) : getPath(profile, path);
  };
  const scope: Scope = {
    get: (path) => {
      const reader = readers.get(path);
      if (!reader) return getPath(profile, path) ?? facts.get(path)?.default;
      return readParts(profile, reader.parts) ?? reader.fallback;
    },
    isGiven: (path) => raw(path) !== undefined,
    missingMeansNo: false,
  };
  if (asOf) scope.asOf = asOf;
  return scope;
}

/** A declared fact's path split once and its default: a profile's facts are read some 200 times
 * in its evaluation, and the split path and the default were two lookups more on every read. */
interface FactReader {
  parts: string[];
  fallback: unknown;
}

const readersBySet = new WeakMap<Map<string, Fact>, Map<string, FactReader>>();

function readersOf(facts: Map<string, Fact>): Map<string, FactReader> {
  let readers = readersBySet.get(facts);
  if (!readers) {
    readers = new Map();
    for (const [path, fact] of facts) readers.set(path, { parts: path.split("."), fallback: fact.default });
    readersBySet.set(facts, readers);
  }
  return readers;
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
  const entityMismatch = wrongEntity(benefit, scope);
  if (entityMismatch && trace.truth !== true) return undefined;
  const outcome = (
    status: BenefitOutcome["status"],
    amount: AmountEstimate,
    amountTrace: AmountTrace,
  ): BenefitOutcome => outcomeOf(document, article, benefit, ctx.lang, status, amount, amountTrace);

  if (trace.truth === undefined) {
    // The arithmetic waits until the facts are known; only the ceiling is worth saying now.
    const cap = ceiling(benefit.amount);
    const result = outcome("possible", unworked(benefit), { kind: "unknown", missing: trace.unknown });
    result.upTo = possibleUpTo(benefit, cap, scope, ctx);
    result.reason = unknownReason(trace);
    result.decidingFacts = decidingFacts(trace.unknown, benefit, scope);
    return result;
  }
  if (trace.truth === false) {
    const miss = nearMiss(benefit, scope, ctx);
    if (!miss) return undefined;
    const result = outcome("near_miss", unworked(benefit), ceilingTrace(benefit));
    result.reason = miss.reason;
    if (miss.whatIf) result.whatIf = miss.whatIf;
    return result;
  }
  const amount = computeAmount(benefit.amount, scope, ctx);
  const years = yearsTrace(benefit, scope, amount.max);
  const estimate = estimateAmount(benefit, amount, years);
  const blocker: Reason | undefined =
    entityMismatch ??
    amount.exhausted ??
    (years?.left === 0 ? { code: "yearsUsed", count: years.count } : undefined) ??
    // Never a match of 0 (CONTRACT.md section 6), whatever rule produced it.
    (amount.max === 0 ? { code: "nothingDue" } : undefined);
  if (blocker) {
    estimate.max = benefit.amount.kind === "none" ? null : 0;
    estimate.totalMax = null;
  }
  const result = outcome(blocker ? "near_miss" : "match", estimate, amount.trace);
  if (years && !blocker) result.years = years;
  if (blocker) result.reason = blocker;
  if (amount.next) result.whatIf = amount.next;
  result.decidingFacts = decidingFacts(trace.unknown, benefit, scope);
  return result;
}

function outcomeOf(
  document: PolicyDocument,
  article: Article,
  benefit: Benefit,
  lang: Lang,
  status: BenefitOutcome["status"],
  amount: AmountEstimate,
  trace: AmountTrace,
): BenefitOutcome {
  return {
    policy: document.id,
    article: article.number,
    benefit: benefit.id,
    title: benefit.title[lang],
    amount,
    quote: benefit.quote,
    status,
    trace,
    decidingFacts: NO_FACTS,
    // Every outcome starts with the optional fields, unset, in the order they are set below: one
    // shape for all of them, so the reads of the writer and of the filters stay monomorphic
    // (added later, they made four shapes and more). JSON leaves out what is undefined.
    upTo: undefined,
    years: undefined,
    reason: undefined,
    whatIf: undefined,
  };
}

/** Shared by every outcome that has no deciding facts: only read, never added to. */
const NO_FACTS: string[] = [];

/** The facts the answer waits for, then the amount's figures not stated, without repeats. Most
 * outcomes in a batch have none of the second kind, and then the first list is the answer. */
function decidingFacts(unknown: string[], benefit: Benefit, scope: Scope): string[] {
  const undecided = undecidedAmountFacts(benefit, scope);
  if (undecided.length === 0) return unknown.length === 0 ? NO_FACTS : unique(unknown);
  return unique(unknown.concat(undecided));
}

/** The ceiling of the clause, or the amount itself when every figure it needs is already known
 * (DCMM level 3 known: the follow-up would pay 100,000, not the clause's 150,000). */
function possibleUpTo(benefit: Benefit, cap: number | null, scope: Scope, ctx: Context): number | null {
  const figures = amountFacts(benefit.amount);
  // A schedule's figures all have defaults (year 1, nothing received): its amount is always known.
  if (benefit.amount.kind === "schedule") return computeAmount(benefit.amount, scope, ctx).max;
  if (figures.length === 0 || !figures.every((f) => scope.isGiven(f))) return cap;
  return computeAmount(benefit.amount, scope, ctx).max ?? cap;
}

/** The amount of a benefit not (or not yet) granted: nothing is computed. */
function unworked(benefit: Benefit): AmountEstimate {
  return { max: null, totalMax: null, monetary: benefit.amount.kind !== "none", period: benefit.period };
}

/** What the clause could pay at most, for a near miss. */
function ceilingTrace(benefit: Benefit): AmountTrace {
  if (benefit.amount.kind === "none") return { kind: "none" };
  const cap = ceiling(benefit.amount);
  return cap === null ? { kind: "unknown", missing: [] } : { kind: "upTo", cap };
}

function estimateAmount(
  benefit: Benefit,
  amount: AmountResult,
  years: YearsTrace | undefined,
): AmountEstimate {
  return {
    max: amount.max,
    totalMax: years ? years.total : (amount.totalMax ?? null),
    monetary: benefit.amount.kind !== "none",
    period: benefit.period,
  };
}

function yearsTrace(benefit: Benefit, scope: Scope, perYear: number | null): YearsTrace | undefined {
  if (!benefit.years) return undefined;
  const received = benefit.years.received ? Number(scope.get(benefit.years.received) ?? 0) : 0;
  const left = Math.max(0, benefit.years.count - received);
  if (perYear === null)
    return left === 0 ? { count: benefit.years.count, left, perYear: 0, total: 0 } : undefined;
  return { count: benefit.years.count, left, perYear, total: perYear * left };
}

/** Facts the amount depends on that the profile has not stated (defaults are assumptions worth confirming). */
function undecidedAmountFacts(benefit: Benefit, scope: Scope): string[] {
  let undecided = NO_FACTS;
  const add = (f: string) => {
    if (undecided === NO_FACTS) undecided = [];
    undecided.push(f);
  };
  for (const f of amountFacts(benefit.amount)) if (!scope.isGiven(f)) add(f);
  const received = benefit.years?.received;
  if (received && !scope.isGiven(received)) add(received);
  return undecided;
}

function wrongEntity(benefit: Benefit, scope: Scope): Reason | undefined {
  const type = scope.get("entityType");
  if (!benefit.entityTypes || typeof type !== "string" || benefit.entityTypes.includes(type))
    return undefined;
  return { code: "notForEntity", allowed: benefit.entityTypes, actual: type };
}

const unknownReason = (trace: ConditionTrace): Reason => ({ code: "unknown", facts: trace.unknown });

/**
 * A near miss: every other requirement holds and one stated fact falls short — a figure below
 * the level the clause names, a figure of 0 the amount is computed from, past another bound
 * (near.ts, with the change that would meet it), or (among several requirements) one answered no.
 */
function nearMiss(
  benefit: Benefit,
  scope: Scope,
  ctx: Context,
): { reason: Reason; whatIf?: WhatIf } | undefined {
  const condition = benefit.conditions;
  const only = onlyFailing(condition, scope);
  if (!only) return undefined;
  const several = condition.kind === "all" && condition.of.length > 1;
  if (isBoundKind(only)) {
    const miss = boundMiss(only, scope, ctx);
    if (!miss) return undefined;
    const reason = miss.reason;
    const whatIf = miss.change && tryChange(benefit, scope, ctx, miss.change);
    return whatIf ? { reason, whatIf } : { reason };
  }
  switch (only.kind) {
    case "positive":
      return scope.get(only.fact) === 0 ? { reason: { code: "zeroFigure", facts: [only.fact] } } : undefined;
    case "atLeast": {
      const value = scope.get(only.fact);
      if (typeof value !== "number") return undefined;
      return { reason: { code: "belowThreshold", fact: only.fact, value, threshold: only.value } };
    }
    case "flag":
      return several && scope.get(only.fact) === false
        ? { reason: { code: "unmet", fact: only.fact } }
        : undefined;
    default:
      return undefined;
  }
}

/** The one requirement that does not hold (of an `all`, or the condition itself), or undefined
 * when all hold or more than one does not. */
function onlyFailing(condition: Condition, scope: Scope): Condition | undefined {
  if (condition.kind !== "all")
    return evaluateCondition(condition, scope).truth !== true ? condition : undefined;
  let only: Condition | undefined;
  for (const part of condition.of) {
    if (evaluateCondition(part, scope).truth === true) continue;
    if (only) return undefined;
    only = part;
  }
  return only;
}

/** The benefit evaluated with one fact changed: what it would pay, if it would then match. */
function tryChange(
  benefit: Benefit,
  scope: Scope,
  ctx: Context,
  change: { fact: string; value: number },
): WhatIf | undefined {
  const changed = withChange(scope, change.fact, change.value);
  if (evaluateCondition(benefit.conditions, changed).truth !== true) return undefined;
  const amount = computeAmount(benefit.amount, changed, ctx);
  if (amount.exhausted) return undefined;
  return { fact: change.fact, value: change.value, adds: amount.max };
}

/** The first candidate change that makes a near miss or possible benefit a match, as its what-if;
 * document-wide rules only ever exclude matches, so they need not be applied first. */
function addWhatIf(outcome: BenefitOutcome, benefit: Benefit, scope: Scope, ctx: Context): void {
  if (outcome.status !== "near_miss" && outcome.status !== "possible") return;
  for (const [fact, value] of whatIfCandidates(outcome, benefit.amount, ctx.fact)) {
    const adds = matchedAmount(benefit, withChange(scope, fact, value), ctx);
    if (adds !== undefined) {
      outcome.whatIf = { fact, value, adds };
      return;
    }
  }
}

/** What the benefit pays where `assess` would make it a match, else undefined: the same tests
 * (conditions met, the right entity, nothing exhausted, years left, not 0) without building the
 * outcome, its working and its deciding facts, which a what-if never shows. */
function matchedAmount(benefit: Benefit, scope: Scope, ctx: Context): number | null | undefined {
  if (evaluateCondition(benefit.conditions, scope).truth !== true || wrongEntity(benefit, scope))
    return undefined;
  const amount = computeAmount(benefit.amount, scope, ctx);
  if (amount.exhausted || amount.max === 0) return undefined;
  return yearsTrace(benefit, scope, amount.max)?.left === 0 ? undefined : amount.max;
}

/** The list without repeats, first occurrence kept; lists here hold a handful of fact paths, where
 * a scan is cheaper than building a Set. */
function unique(list: string[]): string[] {
  for (let i = 1; i < list.length; i++) {
    if (list.lastIndexOf(list[i] as string, i - 1) === -1) continue;
    return list.filter((f, j) => list.indexOf(f) === j);
  }
  return list;
}

/**
 * Decides what to ask next from the evaluator's three-way answer: only facts that can still
 * change the result (the deciding facts of possible benefits, and of matched ones whose
 * amount still rests on an unknown figure or an assumed default), the most money first.
 */
import { ceiling } from "../policy/amounts.ts";
import { evaluate } from "../policy/evaluate.ts";
import type { PolicySet } from "../policy/load.ts";
import type { BenefitOutcome, Evaluation } from "../policy/outcome.ts";
import type { Profile } from "../policy/profile.ts";
import type { Fact } from "../policy/schema.ts";
import { checklists, documentsInPlay, excludedFacts, offeredAreas } from "./areas.ts";
import { DISTRICT } from "./questions.ts";
import { type DialogState, isAnswered, scopeOf, withPath } from "./state.ts";
import type { Lang } from "./types.ts";

/** The entity type comes right after the district: it rules whole clauses in or out. */
const ENTITY_TYPE = "entityType";

export interface DistrictEvaluation {
  policy: string;
  evaluation: Evaluation;
}

/** The evaluation of the profile so far: in its district, or as if in each district when comparing. */
export function evaluateState(
  state: DialogState,
  set: PolicySet,
  lang: Lang = state.lang,
): DistrictEvaluation[] {
  const profile = state.profile as Profile;
  const scope = scopeOf(state);
  if (scope === "unknown" || scope === "outside") return [];
  const excluded = excludedFacts(state, set);
  return documentsInPlay(set, state).map((policy) => {
    const inDistrict = { ...profile, district: policy };
    const evaluation = evaluate(inDistrict, set, { lang, whatIf: true });
    // A benefit that hinges only on areas the user said do not apply is not "possible" for them.
    const possible = evaluation.possible.filter((o) => !o.decidingFacts.every((f) => excluded.has(f)));
    return { policy, evaluation: { ...evaluation, possible } };
  });
}

export interface Plan {
  /** Facts still worth asking, best first. */
  remaining: string[];
}

export { excludedFacts };

export function plan(state: DialogState, set: PolicySet): Plan {
  if (!isAnswered(state, DISTRICT)) return { remaining: [DISTRICT] };
  if (scopeOf(state) === "outside") return { remaining: [] };
  // money: the largest sum one benefit it decides could pay; total: over all benefits it decides.
  const scores = new Map<string, { money: number; total: number; position: number; order: number }>();
  const factOrder = [...set.facts.keys()];
  const count = (path: string, money: number, position: number) => {
    if (isAnswered(state, path) || !set.facts.has(path)) return;
    const score = scores.get(path) ?? { money: 0, total: 0, position, order: factOrder.indexOf(path) };
    score.money = Math.max(score.money, money);
    score.total += money;
    score.position = Math.min(score.position, position);
    scores.set(path, score);
  };
  for (const { policy, evaluation } of evaluateState(state, set)) {
    for (const outcome of [...evaluation.possible, ...evaluation.matches]) {
      if (!canStillChange(outcome, policy, state, set)) continue;
      const money = moneyAtStake(outcome, set);
      outcome.decidingFacts.forEach((path, position) => count(path, money, position));
    }
    // A near miss that only a fact taken at its default keeps from matching (a DCMM follow-up
    // year with no earlier award said): that fact is worth asking, for what the match would add.
    for (const outcome of evaluation.nearMisses) {
      const path = outcome.whatIf?.fact;
      if (path && path !== ENTITY_TYPE) count(path, outcome.whatIf?.adds ?? moneyAtStake(outcome, set), 0);
    }
  }
  const ranked = [...scores.entries()]
    .sort(
      ([, a], [, b]) =>
        b.money - a.money || a.position - b.position || b.total - a.total || a.order - b.order,
    )
    .map(([path]) => path);
  // When no description came first, the entity type (it rules whole clauses in or out); then the
  // area checklist (it rules whole groups of questions out).
  const first = [
    ...(state.described ? [] : [ENTITY_TYPE]),
    ...checklists(set)
      .filter((f) => (offeredAreas(set, state, f)?.size ?? 0) > 0)
      .map((f) => f.path),
  ].filter((path) => !isAnswered(state, path));
  const excluded = excludedFacts(state, set);
  return { remaining: [...first, ...ranked.filter((p) => !first.includes(p) && !excluded.has(p))] };
}

/**
 * Whether answering the open facts of `outcome` can still change it (make it a match, or change
 * its amount) when one of its facts was answered "don't know" or "none": the outcome is evaluated with its
 * open facts at generous and at modest values, and if both give the same, nothing asked can
 * matter (after "not sure" on the guarantee fee, the loan amount changes nothing).
 */
function canStillChange(
  outcome: BenefitOutcome,
  policy: string,
  state: DialogState,
  set: PolicySet,
): boolean {
  // A fact answered "don't know" or "none" (no DCMM certification: no level at all) keeps no
  // value for ever, so the outcome may hinge on it for good.
  if (!outcome.decidingFacts.some((f) => state.skipped.includes(f) || state.none.includes(f))) return true;
  const open = outcome.decidingFacts.filter((f) => !isAnswered(state, f) && set.facts.has(f));
  if (open.length === 0) return false;
  // `flipped`: the one fact taken at the other end. "Generous" is not generous for every fact:
  // an award already received is more room at 0, so all-generous alone can miss a match.
  const signature = (values: "generous" | "modest", flipped?: string) => {
    let profile = { ...state.profile, district: policy } as Record<string, unknown>;
    for (const path of open) {
      const fact = set.facts.get(path);
      const end = path === flipped ? (values === "generous" ? "modest" : "generous") : values;
      if (fact) profile = withPath(profile, path, probe(fact, end));
    }
    const evaluation = evaluate(profile as Profile, set, { lang: state.lang });
    const match = evaluation.matches.find((o) => o.benefit === outcome.benefit);
    return match ? `match:${match.amount.max}` : "none";
  };
  const current = outcome.status === "match" ? `match:${outcome.amount.max}` : "none";
  if (signature("generous") !== current || signature("modest") !== current) return true;
  return open.length > 1 && open.some((path) => signature("generous", path) !== current);
}

/** A value a fact might take, at the generous or the modest end. */
function probe(fact: Fact, end: "generous" | "modest"): unknown {
  const generous = end === "generous";
  switch (fact.type) {
    case "boolean":
      return generous;
    case "amount":
      return generous ? 10_000_000_000 : 0;
    case "count":
      return generous ? 100 : 0;
    case "integer":
      return generous ? fact.max : fact.min;
    case "choice":
      return (generous ? fact.options[0] : fact.options.at(-1))?.value;
    case "set":
      return generous ? fact.options.map((o) => o.value) : [];
    case "records":
      return generous ? fact.presets.map((p) => p.value) : [];
  }
}

/** Values to try for a fact when looking one answer ahead: both ends, and every value of a small
 * closed set (a DCMM level of 2 opens a follow-up that 0 and 5 do not). */
function probes(fact: Fact): unknown[] {
  const ends = [probe(fact, "generous"), probe(fact, "modest")];
  if (fact.type === "integer" && fact.max - fact.min <= SMALL_RANGE)
    return Array.from({ length: fact.max - fact.min + 1 }, (_, i) => fact.min + i);
  if (fact.type === "choice") return fact.options.map((o) => o.value);
  return ends;
}

const SMALL_RANGE = 6;

/** The most questions the planner would have left after any answer to `path` (answered or not),
 * so a counter can count the follow-ups an answer may open before they open. */
export function mostLeftAfter(state: DialogState, set: PolicySet, path: string): number {
  const fact = set.facts.get(path);
  if (!fact) return 0;
  let most = 0;
  for (const value of probes(fact)) {
    const profile = withPath(state.profile, path, value);
    most = Math.max(most, plan({ ...state, profile, pending: null }, set).remaining.length);
  }
  return most;
}

/** Not money, or money without a stated ceiling that still matters a little: asked, but last. */
const NON_MONEY_WEIGHT = 1;
/** A monetary benefit with no stated ceiling at all (a matching award without a cap). */
const UNCAPPED_WEIGHT = 500_000;

/** The most money an outcome could still make, to rank the questions that decide it. */
function moneyAtStake(outcome: BenefitOutcome, set: PolicySet): number {
  if (!outcome.amount.monetary) return NON_MONEY_WEIGHT;
  const known = outcome.upTo ?? outcome.amount.totalMax ?? outcome.amount.max;
  if (typeof known === "number" && known > 0) return known;
  const rule = set.documents
    .find((d) => d.id === outcome.policy)
    ?.articles.find((a) => a.number === outcome.article)
    ?.benefits.find((b) => b.id === outcome.benefit)?.amount;
  if (!rule) return UNCAPPED_WEIGHT;
  // Per-item awards without an overall limit state the ceiling of one item.
  const cap = ceiling(rule) ?? (rule.kind === "perItem" ? ceiling(rule.each) : null);
  return cap ?? UNCAPPED_WEIGHT;
}

/** Questions answered so far (an answer changed twice counts once), for "Question 3 of about 8". */
export function answeredCount(state: DialogState): number {
  return new Set(
    state.history
      .filter((h) => !h.stated)
      .map((h) => h.path)
      .filter((path) => isAnswered(state, path)),
  ).size;
}

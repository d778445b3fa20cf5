/**
 * Decides what to ask next from the evaluator's three-way answer: only facts that can still
 * change the result (the deciding facts of possible benefits, and of matched ones whose
 * amount still rests on an unknown figure or an assumed default), the most money first.
 */
import { ceiling } from "../policy/amounts.ts";
import { evaluate } from "../policy/evaluate.ts";
import type { PolicySet } from "../policy/load.ts";
import type { BenefitOutcome, Evaluation } from "../policy/outcome.ts";
import { OUTSIDE, type Profile } from "../policy/profile.ts";
import { withWhatIf } from "../policy/whatif.ts";
import { DISTRICT } from "./questions.ts";
import { type DialogState, getPath, isAnswered } from "./state.ts";
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
  const district = getPath(state.profile, DISTRICT);
  if (typeof district !== "string") return [];
  if (district === OUTSIDE && !state.compare) return [];
  const policies = district === OUTSIDE ? set.documents.map((d) => d.id) : [district];
  const excluded = excludedFacts(state, set);
  return policies.map((policy) => {
    const inDistrict = { ...profile, district: policy };
    const evaluation = withWhatIf(evaluate(inDistrict, set, { lang }), inDistrict, set);
    // A benefit that hinges only on areas the user said do not apply is not "possible" for them.
    const possible = evaluation.possible.filter((o) => !o.decidingFacts.every((f) => excluded.has(f)));
    return { policy, evaluation: { ...evaluation, possible } };
  });
}

export interface Plan {
  /** Facts still worth asking, best first. */
  remaining: string[];
}

/** Facts that a topic checklist (a set fact whose options `cover` facts) puts out of scope:
 * those covered only by options the user left unticked. */
export function excludedFacts(state: DialogState, set: PolicySet): Set<string> {
  const excluded = new Set<string>();
  const kept = new Set<string>();
  for (const fact of set.facts.values()) {
    if (fact.type !== "set" || !fact.options.some((o) => o.covers)) continue;
    const ticked = getPath(state.profile, fact.path);
    if (!Array.isArray(ticked)) continue;
    for (const option of fact.options) {
      for (const path of option.covers ?? []) (ticked.includes(option.value) ? kept : excluded).add(path);
    }
  }
  for (const path of kept) excluded.delete(path);
  return excluded;
}

/** Topic checklists come right after the entity type: they rule whole groups of questions out. */
function topicChecklists(set: PolicySet): string[] {
  return [...set.facts.values()]
    .filter((f) => f.type === "set" && f.options.some((o) => o.covers))
    .map((f) => f.path);
}

export function plan(state: DialogState, set: PolicySet): Plan {
  if (!isAnswered(state, DISTRICT)) return { remaining: [DISTRICT, ENTITY_TYPE] };
  const district = getPath(state.profile, DISTRICT);
  if (district === OUTSIDE && !state.compare) return { remaining: [] };
  // money: the largest sum one benefit it decides could pay; total: over all benefits it decides.
  const scores = new Map<string, { money: number; total: number; position: number; order: number }>();
  const factOrder = [...set.facts.keys()];
  for (const { evaluation } of evaluateState(state, set)) {
    for (const outcome of [...evaluation.possible, ...evaluation.matches]) {
      const money = moneyAtStake(outcome, set);
      outcome.decidingFacts.forEach((path, position) => {
        if (isAnswered(state, path) || !set.facts.has(path)) return;
        const score = scores.get(path) ?? { money: 0, total: 0, position, order: factOrder.indexOf(path) };
        score.money = Math.max(score.money, money);
        score.total += money;
        score.position = Math.min(score.position, position);
        scores.set(path, score);
      });
    }
  }
  const ranked = [...scores.entries()]
    .sort(
      ([, a], [, b]) =>
        b.money - a.money || a.position - b.position || b.total - a.total || a.order - b.order,
    )
    .map(([path]) => path);
  const first = [ENTITY_TYPE, ...topicChecklists(set)].filter((path) => !isAnswered(state, path));
  const excluded = excludedFacts(state, set);
  return { remaining: [...first, ...ranked.filter((p) => !first.includes(p) && !excluded.has(p))] };
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
  return new Set(state.history.map((h) => h.path).filter((path) => isAnswered(state, path))).size;
}

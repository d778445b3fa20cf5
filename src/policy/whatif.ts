/**
 * What-if advice: for a near miss or a possible benefit, the smallest change of one fact that
 * would make it a match, and what it would add — found by evaluating the changed profile, so the
 * figure is the evaluator's own ("DCMM level 4 would add 50,000").
 */
import { evaluateBenefit } from "./evaluate.ts";
import type { PolicySet } from "./load.ts";
import type { BenefitOutcome, Evaluation, WhatIf } from "./outcome.ts";
import { splitPath } from "./paths.ts";
import type { Profile } from "./profile.ts";
import type { AmountRule, Fact } from "./schema.ts";

/** Adds `whatIf` to each near miss and possible benefit where one changed fact would qualify. */
export function withWhatIf(evaluation: Evaluation, profile: Profile, set: PolicySet): Evaluation {
  for (const outcome of [...evaluation.nearMisses, ...evaluation.possible]) {
    const found = firstQualifying(outcome, profile, set);
    if (found) outcome.whatIf = found;
  }
  return evaluation;
}

function firstQualifying(outcome: BenefitOutcome, profile: Profile, set: PolicySet): WhatIf | undefined {
  for (const [fact, value] of candidates(outcome, profile, set)) {
    const changed = withFact(profile, fact, value);
    const after = evaluateBenefit(changed, set, outcome.policy, outcome.benefit);
    if (after?.status === "match") return { fact, value, adds: after.amount.max };
  }
  return undefined;
}

/** The changes worth trying, smallest first: the threshold itself, the next level up, a yes. */
function candidates(outcome: BenefitOutcome, profile: Profile, set: PolicySet): [string, unknown][] {
  const reason = outcome.reason;
  if (!reason) return [];
  switch (reason.code) {
    case "belowThreshold":
      return [[reason.fact, reason.threshold]];
    case "unmet":
      return [[reason.fact, true]];
    case "alreadyFunded":
    case "noTier": {
      const rule = ruleOf(outcome, set);
      if (rule?.kind !== "tiers") return [];
      const higher = rule.tiers
        .filter((t) => t.amount > 0 && typeof t.key === "number" && t.key > Number(reason.tier.key))
        .sort((a, b) => Number(a.key) - Number(b.key));
      return higher.map((t) => [rule.by, t.key]);
    }
    case "unknown":
      return reason.facts.flatMap((fact) => yesFor(set.facts.get(fact), fact, profile));
    default:
      return [];
  }
}

/** An unknown yes/no fact is tried as yes; other unknowns need more than one answer. */
function yesFor(fact: Fact | undefined, path: string, _profile: Profile): [string, unknown][] {
  return fact?.type === "boolean" ? [[path, true]] : [];
}

function ruleOf(outcome: BenefitOutcome, set: PolicySet): AmountRule | undefined {
  return set.documents
    .find((d) => d.id === outcome.policy)
    ?.articles.find((a) => a.number === outcome.article)
    ?.benefits.find((b) => b.id === outcome.benefit)?.amount;
}

/** A copy of the profile with one fact set, copying only the objects on the fact's path. */
function withFact(profile: Profile, path: string, value: unknown): Profile {
  const parts = splitPath(path);
  const root: Record<string, unknown> = { ...profile };
  let node = root;
  for (const part of parts.slice(0, -1)) {
    const next = { ...((node[part] as Record<string, unknown> | undefined) ?? {}) };
    node[part] = next;
    node = next;
  }
  node[parts[parts.length - 1] as string] = value;
  return root as Profile;
}

/**
 * What-if advice: for a near miss or a possible benefit, the smallest change of one fact that
 * would make it a match, and what it would add — found by evaluating the benefit again with the
 * fact changed, so the figure is the evaluator's own ("DCMM level 4 would add 50,000").
 * evaluate.ts does the re-evaluation (option `whatIf`) in the scope it already holds: a batch
 * asks this of most profiles, and copying each profile to evaluate it afresh was most of a
 * batch's cost.
 */
import type { Scope } from "./conditions.ts";
import type { BenefitOutcome } from "./outcome.ts";
import type { AmountRule, Fact } from "./schema.ts";

/** The changes worth trying, smallest first: the threshold itself, the next level up, a yes. */
export function whatIfCandidates(
  outcome: BenefitOutcome,
  rule: AmountRule,
  factOf: (path: string) => Fact | undefined,
): [string, unknown][] {
  const reason = outcome.reason;
  if (!reason) return [];
  switch (reason.code) {
    case "belowThreshold":
      return [[reason.fact, reason.threshold]];
    case "unmet":
      return [[reason.fact, true]];
    case "alreadyFunded":
    case "noTier": {
      if (rule.kind !== "tiers") return [];
      const higher = rule.tiers
        .filter((t) => t.amount > 0 && typeof t.key === "number" && t.key > Number(reason.tier.key))
        .sort((a, b) => Number(a.key) - Number(b.key));
      return higher.map((t) => [rule.by, t.key]);
    }
    case "unknown":
      // An unknown yes/no fact is tried as yes; other unknowns need more than one answer.
      return reason.facts.filter((fact) => factOf(fact)?.type === "boolean").map((fact) => [fact, true]);
    default:
      return [];
  }
}

/** The scope as if the profile stated `fact` as `value` (fact paths are leaves: no path is a
 * prefix of another, so no other fact's value changes). */
export function withChange(scope: Scope, fact: string, value: unknown): Scope {
  const changed: Scope = {
    get: (path) => (path === fact ? value : scope.get(path)),
    isGiven: (path) => path === fact || scope.isGiven(path),
    missingMeansNo: scope.missingMeansNo,
  };
  // Only what the scope has (a spread copied it the same way, at more cost per candidate).
  if (scope.asOf) changed.asOf = scope.asOf;
  return changed;
}

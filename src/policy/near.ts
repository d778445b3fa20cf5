/**
 * Near misses on the bound kinds (`atMost`, `above`, `below`, `ratio`, `age`): the reason code with
 * the values that say what is short and by how much, and the one change of a fact that would
 * qualify, where a fact can change (a ratio short by 1.25 points: the R&D spend that reaches it).
 * A founding date cannot change, so a duration already past says when it ran out and nothing more.
 * The words are in src/render (catalogue).
 */
import { ageDeadline, partNeeded, ratioPercent } from "./bounds.ts";
import type { Scope } from "./conditions.ts";
import { normalizeDate } from "./dates.ts";
import type { Condition, Fact } from "./schema.ts";
import type { Reason } from "./trace.ts";

export interface BoundMiss {
  reason: Reason;
  /** The fact value that would meet the bound, to be tried on the whole benefit. */
  change?: { fact: string; value: number };
}

/** Fact declarations: whether a figure moves in whole steps past a strict bound. */
export interface NearContext {
  fact(path: string): Fact | undefined;
}

type BoundKind = Extract<Condition, { kind: "atMost" | "above" | "below" | "ratio" | "age" }>;

export const isBoundKind = (c: Condition): c is BoundKind =>
  c.kind === "atMost" || c.kind === "above" || c.kind === "below" || c.kind === "ratio" || c.kind === "age";

/** Whole-number facts move by one past a strict bound; a percentage or decimal has no "next" value. */
const whole = (ctx: NearContext, path: string) => {
  const type = ctx.fact(path)?.type;
  return type === "amount" || type === "count" || type === "integer";
};

export function boundMiss(condition: BoundKind, scope: Scope, ctx: NearContext): BoundMiss | undefined {
  switch (condition.kind) {
    case "atMost":
    case "above":
    case "below": {
      const value = scope.get(condition.fact);
      if (typeof value !== "number") return undefined;
      const reason: Reason = {
        code: "boundMissed",
        fact: condition.fact,
        bound: condition.kind,
        value,
        limit: condition.value,
      };
      if (condition.kind === "atMost")
        return { reason, change: { fact: condition.fact, value: condition.value } };
      const next = condition.value + (condition.kind === "above" ? 1 : -1);
      return whole(ctx, condition.fact) && next >= 0
        ? { reason, change: { fact: condition.fact, value: next } }
        : { reason };
    }
    case "ratio":
      return ratioMiss(condition, scope);
    case "age":
      return ageMiss(condition, scope);
  }
}

function ratioMiss(condition: Extract<BoundKind, { kind: "ratio" }>, scope: Scope): BoundMiss | undefined {
  const [part, whole] = [scope.get(condition.part), scope.get(condition.whole)];
  if (typeof part !== "number" || typeof whole !== "number") return undefined;
  if (Math.round(whole) <= 0)
    return { reason: { code: "zeroWhole", part: condition.part, whole: condition.whole } };
  const share = ratioPercent(part, whole);
  const needed = partNeeded(condition, whole);
  const reason: Reason = {
    code: "ratioMissed",
    part: { fact: condition.part, value: part },
    whole: { fact: condition.whole, value: whole },
    bound: condition.bound,
    percent: condition.percent,
    share,
    gap: Math.round(Math.abs(condition.percent - share) * 100) / 100,
    ...(needed === undefined ? {} : { needed }),
  };
  return needed === undefined ? { reason } : { reason, change: { fact: condition.part, value: needed } };
}

function ageMiss(condition: Extract<BoundKind, { kind: "age" }>, scope: Scope): BoundMiss | undefined {
  const date = normalizeDate(scope.get(condition.fact));
  const asOf = scope.asOf?.();
  if (!date || !asOf) return undefined;
  return {
    reason: {
      code: "durationMissed",
      fact: condition.fact,
      date,
      asOf,
      deadline: ageDeadline(condition, date),
      duration: condition.duration,
      bound: condition.bound,
    },
  };
}

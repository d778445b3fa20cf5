/**
 * Three-valued evaluation of conditions: true, false, or unknown because a fact the
 * answer depends on is missing. Unknown is not "no": the dialog asks about it next.
 */
import { compare, twoFactTruth } from "./bounds.ts";
import type { Condition } from "./schema.ts";

export type Truth = boolean | undefined;

/** Where conditions read their facts: the profile, or one item of a records fact. */
export interface Scope {
  /** The fact's value, or its declared default, or undefined when unknown. */
  get(path: string): unknown;
  /** Whether the profile states the fact itself (defaults do not count). */
  isGiven(path: string): boolean;
  /** Inside an item, an absent field means "no" (a platform not marked upgraded was not upgraded). */
  readonly missingMeansNo: boolean;
  /** The evaluation date (YYYY-MM-DD) for durations; only asked for by date conditions. */
  asOf?(): string;
}

export interface ConditionTrace {
  truth: Truth;
  /** Facts whose absence makes the answer unknown (only when `truth` is undefined). */
  unknown: string[];
}

// Shared: a decided trace is only read (its empty list is never added to), and conditions are
// decided about a hundred times a profile, so a batch need not allocate one each time.
const TRUE: ConditionTrace = { truth: true, unknown: [] };
const FALSE: ConditionTrace = { truth: false, unknown: [] };
const known = (truth: boolean): ConditionTrace => (truth ? TRUE : FALSE);

export function evaluateCondition(condition: Condition, scope: Scope): ConditionTrace {
  switch (condition.kind) {
    case "given":
      return known(scope.isGiven(condition.fact));
    case "all":
      return combine(condition.of, scope, false);
    case "any":
      return combine(condition.of, scope, true);
    case "not": {
      const inner = evaluateCondition(condition.of, scope);
      return inner.truth === undefined ? inner : known(!inner.truth);
    }
    case "ratio":
    case "age":
      return twoFactTruth(condition, scope);
    default:
      return leaf(condition, scope);
  }
}

type Leaf = Exclude<Condition, { kind: "all" | "any" | "not" | "given" | "ratio" | "age" }>;

function leaf(condition: Leaf, scope: Scope): ConditionTrace {
  const value = scope.get(condition.fact);
  if (value === undefined) {
    return scope.missingMeansNo ? known(false) : { truth: undefined, unknown: [condition.fact] };
  }
  return known(test(condition, value));
}

function test(condition: Leaf, value: unknown): boolean {
  switch (condition.kind) {
    case "flag":
      return value === true;
    case "oneOf":
      return condition.values.includes(value as string | number);
    case "atLeast":
      return typeof value === "number" && value >= condition.value;
    case "atMost":
    case "above":
    case "below":
      return typeof value === "number" && compare(condition.kind, value, condition.value);
    case "positive":
      return typeof value === "number" && value > 0;
    case "includesAny":
      return Array.isArray(value) && value.some((v) => condition.values.includes(v));
    case "hasItem":
      return (
        Array.isArray(value) &&
        value.some((item) => evaluateCondition(condition.where, itemScope(item)).truth === true)
      );
  }
}

/** Combines children: `stopAt` is the value that decides at once (false for all, true for any),
 * so the children after it are not evaluated (conditions are pure: the answer is the same). */
function combine(children: Condition[], scope: Scope, stopAt: boolean): ConditionTrace {
  const unknown: string[] = [];
  let undecided = false;
  for (const child of children) {
    const trace = evaluateCondition(child, scope);
    if (trace.truth === stopAt) return known(stopAt);
    if (trace.truth !== undefined) continue;
    undecided = true;
    unknown.push(...trace.unknown);
  }
  return undecided ? { truth: undefined, unknown: withoutRepeats(unknown) } : known(!stopAt);
}

/** The list without repeats, first occurrence kept, in place: a handful of paths, where a scan
 * is cheaper than a Set (this runs for every undecided `all`/`any` of a batch). */
function withoutRepeats(list: string[]): string[] {
  let kept = 0;
  for (let i = 0; i < list.length; i++) {
    const item = list[i] as string;
    if (kept > 0 && list.lastIndexOf(item, kept - 1) !== -1) continue;
    list[kept++] = item;
  }
  list.length = kept;
  return list;
}

export function itemScope(item: unknown): Scope {
  const record = (item ?? {}) as Record<string, unknown>;
  return {
    get: (field) => record[field],
    isGiven: (field) => record[field] !== undefined,
    missingMeansNo: true,
  };
}

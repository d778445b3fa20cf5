/**
 * Dated values, as OpenFisca keeps parameters: a rule applies from its start date until the next
 * one starts, and each names the words that set it ("2027年度起，本条各档奖励标准下调20%").
 */
import type { AmountRule } from "./schema.ts";
import type { AmountTrace } from "./trace.ts";

type DatedRule = Extract<AmountRule, { kind: "dated" }>;
export type DatedValue = DatedRule["values"][number];

/** The value in force on `asOf`; before the first start date, the first one (the clause as
 * written is the best estimate of what it will pay). */
export function valueOn(rule: DatedRule, asOf: string): DatedValue {
  const ordered = [...rule.values].sort((a, b) => a.from.localeCompare(b.from));
  let chosen = ordered[0] as DatedValue;
  for (const value of ordered) if (value.from <= asOf) chosen = value;
  return chosen;
}

/** The inner computation, said with the value it used when the rule has more than one. */
export function datedTrace(
  rule: DatedRule,
  value: DatedValue,
  asOf: string,
  inner: AmountTrace,
): AmountTrace {
  if (rule.values.length < 2) return inner;
  // The first value is the clause as written, already quoted; a later one is quoted where it is used.
  const first = rule.values.every((v) => v.from >= value.from);
  return { kind: "dated", asOf, from: value.from, ...(first ? {} : { reference: value.reference }), inner };
}

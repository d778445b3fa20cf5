/**
 * Dated values, as OpenFisca keeps parameters: a rule applies from its start date until the next
 * one starts, and each names the words that set it ("2027年度起，本条各档奖励标准下调20%").
 */
import { formatDate } from "./dates.ts";
import type { AmountRule } from "./schema.ts";

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

/** Says which dated value was used, when the rule has more than one. */
export function datedNote(rule: DatedRule, value: DatedValue, asOf: string, lang: "zh" | "en"): string {
  if (rule.values.length < 2) return "";
  // The first value is the clause as written, already quoted; a later one is quoted where it is used.
  const first = rule.values.every((v) => v.from >= value.from);
  const reference = first ? "" : lang === "zh" ? `：“${value.reference}”` : `: “${value.reference}”`;
  return lang === "zh"
    ? `（按评估日期 ${formatDate(asOf, "zh")}，适用自 ${formatDate(value.from, "zh")} 起的标准${reference}）`
    : ` (as of ${formatDate(asOf, "en")}, the rate in force from ${formatDate(value.from, "en")}${reference})`;
}

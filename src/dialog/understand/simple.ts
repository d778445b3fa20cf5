/**
 * The reader's answers without a policy set, for code that reads one kind of answer to its own
 * question (a yes/no, an amount, a count). The same readers as `readAnswer`, not a second set.
 */
import { readAmount, readCount } from "./answer.ts";
import { leanYesNo, saysNone } from "./hedges.ts";
import { bareNorm } from "./normalize.ts";

export { type ChoiceOption, parseChoice, parseChoices } from "./choice.ts";
export { parseDate } from "./date.ts";
export { isUnknown, looksLikeQuestion } from "./intent.ts";
export { parseDecimal, parsePercent } from "./percent.ts";

/** An amount in integer yuan ("3000多万", "一个亿", "3kw", "没有" = 0), or null (unknown, unread, negative). */
export function parseAmount(text: string): number | null {
  const r = readAmount(bareNorm(text));
  return r.kind === "value" && typeof r.value === "number" ? r.value : null;
}

/** A whole number of things or years ("三个", "2 years", "never" = 0), or null. */
export function parseCount(text: string): number | null {
  const r = readCount(bareNorm(text));
  return r.kind === "value" && typeof r.value === "number" ? r.value : null;
}

/** true for yes (hedges leaning yes too: "应该有"), false for no ("好像没有"), null otherwise or for "don't know". */
export function parseYesNo(text: string): boolean | null {
  return leanYesNo(bareNorm(text));
}

/** A bare "no" / "none" / "never": to a "how much" or "how many" question it means 0. */
export function isPlainNo(text: string): boolean {
  return saysNone(bareNorm(text));
}

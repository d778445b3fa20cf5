/**
 * Picks among offered choices: by number ("2", "第2个"), by label or synonym, or by a close
 * misspelling ("enterprize"); several at once for multi-choice questions ("1,3", "1 3",
 * "首登记和首交易").
 */
import { JaroWinklerDistance } from "natural/lib/natural/distance/index.js";
import { bareNorm as bare } from "./normalize.ts";
import { parseNumeral } from "./numerals.ts";

export interface ChoiceOption {
  id: string;
  /** The label shown and other words that name the same choice (district aliases, English name). */
  names: string[];
}

/** How similar a typed word must be to a name to count as a misspelling of it (Jaro-Winkler, 0–1). */
const CLOSE_ENOUGH = 0.9;

/** The one choice `text` names, or null. */
export function parseChoice(text: string, options: ChoiceOption[]): string | null {
  const answer = bare(text);
  if (answer === "") return null;
  return byNumber(answer, options) ?? byName(answer, options) ?? byCloseSpelling(answer, options);
}

/** Every choice `text` names (in the order given, without repeats), or null if any part is unreadable. */
export function parseChoices(text: string, options: ChoiceOption[]): string[] | null {
  const answer = bare(text);
  if (answer === "") return null;
  // A label may itself hold a separator ("Key lab / data science lab"), so the whole text goes first.
  const whole = byNumber(answer, options) ?? exactName(answer, options);
  if (whole !== null) return [whole];
  const parts = answer.split(/\s*(?:[,，、;；/+&]|\band\b|以及|和|与|及|还有)\s*/).filter(Boolean);
  if (parts.length === 1) {
    const ids = splitOnSpaces(answer, options);
    if (ids) return ids;
    const one = parseChoice(answer, options);
    return one === null ? null : [one];
  }
  const picked: string[] = [];
  for (const part of parts) {
    const one = parseChoice(part, options);
    const ids = one !== null ? [one] : splitOnSpaces(part, options);
    if (ids === null) return null;
    for (const id of ids) if (!picked.includes(id)) picked.push(id);
  }
  return picked;
}

/** "1 3": several numbers separated by spaces (words with spaces are labels, not lists). */
function splitOnSpaces(part: string, options: ChoiceOption[]): string[] | null {
  const words = part.split(" ").filter(Boolean);
  if (words.length < 2) return null;
  const ids = words.map((w) => byNumber(w, options));
  return ids.every((id) => id !== null) ? (ids as string[]) : null;
}

function byNumber(answer: string, options: ChoiceOption[]): string | null {
  const m = /^(?:第|no\.?\s*|#|option\s*)?([0-9零一二两三四五六七八九十]+)\s*(?:个|项|条|号|\.|、)?$/.exec(
    answer,
  );
  if (!m?.[1]) return null;
  const n = parseNumeral(m[1]);
  return n !== null && Number.isInteger(n) ? (options[n - 1]?.id ?? null) : null;
}

/** Strips what a label adds in brackets ("社会组织（联盟、协会等）" is named by "社会组织"). */
const core = (name: string) =>
  bare(name)
    .replace(/[（(].*?[）)]/g, "")
    .trim();

function exactName(answer: string, options: ChoiceOption[]): string | null {
  return options.find((o) => o.names.some((n) => bare(n) === answer || core(n) === answer))?.id ?? null;
}

function byName(answer: string, options: ChoiceOption[]): string | null {
  const exact = exactName(answer, options);
  if (exact) return exact;
  // A typed part of a label ("通州" for "通州区") or a label inside a longer answer ("我们是企业"),
  // but only when exactly one choice fits, so nothing is guessed.
  const fits = options.filter((o) =>
    o.names.some((n) => {
      const c = core(n);
      return (
        c.length > 0 && ((answer.length >= 2 && c.includes(answer)) || (c.length >= 2 && answer.includes(c)))
      );
    }),
  );
  return fits.length === 1 ? (fits[0]?.id ?? null) : null;
}

function byCloseSpelling(answer: string, options: ChoiceOption[]): string | null {
  if (answer.length < 4) return null;
  let best: { id: string; score: number } | null = null;
  let runnerUp = 0;
  for (const option of options) {
    const score = Math.max(
      ...option.names.map((n) => JaroWinklerDistance(answer, core(n), { ignoreCase: true })),
    );
    if (!best || score > best.score) {
      runnerUp = best?.score ?? 0;
      best = { id: option.id, score };
    } else if (score > runnerUp) runnerUp = score;
  }
  return best && best.score >= CLOSE_ENOUGH && best.score - runnerUp > 0.02 ? best.id : null;
}

/**
 * Reading free text into facts (issue 13): the answer to one question (`readAnswer`), a
 * description in one message (`understandText`), and the language of a message. Pure functions
 * over the policy data; the one reader the dialog, `advisor understand` and `triage --text` use.
 *
 * Each takes the policy set last and optionally; without it the project's own `data/` is loaded
 * once and kept.
 */
import { loadPolicySet, type PolicySet } from "../../policy/load.ts";
import { type AnswerReading, knowsFact, readAnswerIn, type UnreadReason } from "./answer.ts";
import { type Reading, type Understanding, understandIn } from "./describe.ts";

export { DISTRICT_PATH } from "./answer.ts";
export { detectLang, type Lang, requestedLang } from "./lang.ts";
export type { AnswerReading, Understanding, UnreadReason };

let defaultSet: PolicySet | undefined;
function setOrDefault(set?: PolicySet): PolicySet {
  if (set) return set;
  defaultSet ??= loadPolicySet();
  return defaultSet;
}

/** The longest message read; beyond it the rest is not looked at (a paste, not a description). */
export const MAX_TEXT = 4000;
const clip = (text: string) => (typeof text === "string" ? text.slice(0, MAX_TEXT) : "");

/**
 * The answer `text` gives to the question for `fact` (a dotted CONTRACT.md section-2 path, or
 * "district"). Never throws. A value is in section 2's type; `null` means the answer rules out
 * every value (a plain "no" to "which DCMM level?"): store nothing, the question is answered.
 */
export function readAnswer(fact: string, text: string, set?: PolicySet): AnswerReading {
  try {
    return readAnswerIn(setOrDefault(set), fact, clip(text));
  } catch {
    return { kind: "unread", reason: "not_understood" };
  }
}

/** Every fact a one-message description states, and the facts it says are not known. Never throws. */
export function understandText(text: string, set?: PolicySet, reading?: Reading): Understanding {
  try {
    return understandIn(setOrDefault(set), clip(text), reading);
  } catch {
    return { lang: "zh", profile: {}, unknown: [] };
  }
}

/** Whether `fact` is a path `readAnswer` reads (a declared fact or "district"). */
export function isKnownFact(fact: string, set?: PolicySet): boolean {
  return knowsFact(setOrDefault(set), fact);
}

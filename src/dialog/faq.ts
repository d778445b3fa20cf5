/**
 * Answers a free-text question in the middle of the dialog with the clauses that answer it,
 * or says the measures do not cover it (what they cover, whom to ask). When the user's
 * district is known, the FAQ ranks it first and marks other districts' clauses as not
 * applying to them (src/faq); src/render/faq.ts words that for the chat, as parts each
 * surface formats its own way, with the same said plainly in `text`.
 */
import type { FaqIndex, FaqResult, FaqSearch } from "../faq/index.ts";
import type { PolicySet } from "../policy/load.ts";
import { faqText, faqView, notCoveredView } from "../render/faq.ts";
import type { Units } from "../render/units.ts";
import { TEXT } from "./text.ts";
import type { FaqView, Lang, Reply } from "./types.ts";

export type { FaqIndex };

/** Clauses shown for one question: enough to answer, few enough to read in a chat. */
const TOP = 2;
/** How close to the best answer's score a second answer must be to be shown too. */
const RUNNER_UP_SHARE = 0.6;

export function faqReply(
  question: string,
  faq: FaqIndex | undefined,
  set: PolicySet,
  lang: Lang,
  district?: string,
  units?: Units,
): Reply {
  const t = TEXT[lang];
  if (!faq) return { kind: "text", text: t.faqUnavailable };
  const known = district && isDistrict(set, district) ? district : undefined;
  const options = { top: TOP, lang, ...(known ? { district: known } : {}) };
  const result: FaqResult = isSearch(faq)
    ? faq.answer(question, options)
    : { answers: faq.ask(question, options), named: [], missingIn: [], procedural: false };
  const best = result.answers[0]?.score ?? 0;
  // A runner-up far behind the best answer is noise next to it.
  const answers = result.answers.filter((a) => a.score >= best * RUNNER_UP_SHARE);
  if (answers.length === 0) {
    if (!isSearch(faq)) return { kind: "text", text: t.faqNone };
    return shown(notCoveredView(set, faq.vocabulary, lang, result.named));
  }
  const input = {
    question,
    result: { ...result, answers },
    set,
    lang,
    intro: t.faqIntro,
    ...(units ? { units } : {}),
  };
  return shown(faqView(known ? { ...input, district: known } : input));
}

const shown = (faq: FaqView): Reply => ({ kind: "text", text: faqText(faq), faq });

/** The district the user gave, if any, from the dialog's profile. */
export const districtOf = (profile: Record<string, unknown>): string | undefined =>
  typeof profile.district === "string" ? profile.district : undefined;

const isSearch = (faq: FaqIndex): faq is FaqSearch => "answer" in faq && "vocabulary" in faq;
const isDistrict = (set: PolicySet, id: string) => set.documents.some((d) => d.id === id);

/**
 * Answers a free-text question in the middle of the dialog with the clauses that answer it,
 * or says the measures do not cover it (what they cover, whom to ask). When the user's
 * district is known, the FAQ ranks it first and marks other districts' clauses as not
 * applying to them (src/faq); this file only words that for the chat.
 */
import type { FaqAnswer, FaqIndex, FaqResult, FaqSearch } from "../faq/index.ts";
import { applyLines, clauseLabel, notCoveredLines } from "../faq/report.ts";
import type { PolicySet } from "../policy/load.ts";
import { TEXT } from "./text.ts";
import type { Lang, Reply } from "./types.ts";

export type { FaqIndex };

/** Clauses shown for one question: enough to answer, few enough to read in a chat. */
const TOP = 2;
/** How close to the best answer's score a second answer must be to be shown too. */
const RUNNER_UP_SHARE = 0.6;
/** Long article texts are shortened in the chat; the quote stays a verbatim prefix. */
const MAX_QUOTE = 600;

export function faqReply(
  question: string,
  faq: FaqIndex | undefined,
  set: PolicySet,
  lang: Lang,
  district?: string,
): Reply {
  const t = TEXT[lang];
  if (!faq) return { kind: "text", text: t.faqUnavailable };
  const options = { top: TOP, lang, ...(district && isDistrict(set, district) ? { district } : {}) };
  const result: FaqResult = isSearch(faq)
    ? faq.answer(question, options)
    : { answers: faq.ask(question, options), named: [], missingIn: [], procedural: false };
  const best = result.answers[0]?.score ?? 0;
  // A runner-up far behind the best answer is noise next to it.
  const answers = result.answers.filter((a) => a.score >= best * RUNNER_UP_SHARE);
  if (answers.length === 0) {
    const text = isSearch(faq)
      ? notCoveredLines(set, faq.vocabulary, lang, result.named).join("\n")
      : t.faqNone;
    return { kind: "text", text };
  }
  const head: string[] = [];
  if (result.missingIn.length) head.push(missingNote(set, result.missingIn, answers, lang));
  const blocks = answers.map((a) => block(a, set, lang, options.district));
  const tail = result.procedural ? [applyLines(set, answers, lang).join("\n")] : [];
  return { kind: "text", text: [t.faqIntro, ...head, ...blocks, ...tail].join("\n\n") };
}

function block(a: FaqAnswer, set: PolicySet, lang: Lang, district: string | undefined): string {
  const t = TEXT[lang];
  const document = set.documents.find((d) => d.id === a.policy);
  const article = document?.articles.find((x) => x.number === a.article);
  const summaries = (article?.benefits ?? []).map((b) => `• ${b.title[lang]}${t.colon}${b.summary[lang]}`);
  const quote = a.quote ?? a.text;
  const short = (text: string) => (text.length > MAX_QUOTE ? `${text.slice(0, MAX_QUOTE)}…` : text);
  const label = clauseLabel(set, a.policy, a.article, lang);
  const lines = [label.includes(a.title) ? `【${label}】` : `【${label}】${a.title}`];
  if (a.applies === false) lines.push(notYours(set, a.policy, district, lang));
  lines.push(...summaries);
  if (lang === "en" && a.text !== quote) lines.push(`English (translation, not official): ${short(a.text)}`);
  lines.push(`${lang === "en" ? "Source (Chinese)" : t.source}${t.colon}“${short(quote)}”`);
  if (document?.status === "draft") lines.push(document.caveat[lang]);
  return lines.join("\n");
}

function notYours(set: PolicySet, policy: string, district: string | undefined, lang: Lang): string {
  const theirs = set.documents.find((d) => d.id === policy)?.district[lang] ?? policy;
  const yours = set.documents.find((d) => d.id === district)?.district[lang] ?? district;
  return lang === "zh"
    ? `（这是${theirs}的条款，不适用于在${yours}注册经营的单位）`
    : `(This is a ${theirs} clause; it does not apply to an entity registered in ${yours}.)`;
}

function missingNote(set: PolicySet, missing: string[], answers: FaqAnswer[], lang: Lang): string {
  const name = (id: string) => set.documents.find((d) => d.id === id)?.district[lang] ?? id;
  const others = [...new Set(answers.map((a) => a.policy))].map(name);
  return lang === "zh"
    ? `${missing.map(name).join("、")}的措施中没有相关条款；以下是${others.join("、")}的：`
    : `The ${missing.map(name).join(" and ")} measures have no such clause; this is what ${others.join(" and ")} has:`;
}

/** The district the user gave, if any, from the dialog's profile. */
export const districtOf = (profile: Record<string, unknown>): string | undefined =>
  typeof profile.district === "string" ? profile.district : undefined;

const isSearch = (faq: FaqIndex): faq is FaqSearch => "answer" in faq && "vocabulary" in faq;
const isDistrict = (set: PolicySet, id: string) => set.documents.some((d) => d.id === id);

/** Answers a free-text question in the middle of the dialog with the best matching clauses. */
import type { FaqIndex } from "../faq/index.ts";
import type { PolicySet } from "../policy/load.ts";
import { articleLabel } from "../render/report.ts";
import { TEXT } from "./text.ts";
import type { Lang, Reply } from "./types.ts";

export type { FaqIndex };

/** Clauses shown for one question: enough to answer, few enough to read in a chat. */
const TOP = 2;
/** Below this relevance a clause is more likely noise than an answer. */
const MIN_SCORE = 0.05;
/** How close to the best answer's score a second answer must be to be shown too. */
const RUNNER_UP_SHARE = 0.6;
/** Long article texts are shortened in the chat; the quote stays a verbatim prefix. */
const MAX_QUOTE = 600;

export function faqReply(question: string, faq: FaqIndex | undefined, set: PolicySet, lang: Lang): Reply {
  const t = TEXT[lang];
  if (!faq) return { kind: "text", text: t.faqUnavailable };
  const found = faq.ask(question, { top: TOP, lang });
  const best = found[0]?.score ?? 0;
  // A runner-up far behind the best answer is noise next to it.
  const answers = found.filter((a) => a.score >= MIN_SCORE && a.score >= best * RUNNER_UP_SHARE);
  if (answers.length === 0) return { kind: "text", text: t.faqNone };
  const blocks = answers.map((a) => {
    const document = set.documents.find((d) => d.id === a.policy);
    const article = document?.articles.find((x) => x.number === a.article);
    const summaries = (article?.benefits ?? []).map((b) => `• ${b.title[lang]}${t.colon}${b.summary[lang]}`);
    const quote = a.text.length > MAX_QUOTE ? `${a.text.slice(0, MAX_QUOTE)}…` : a.text;
    return [
      heading(articleLabel(set, a.policy, a.article, lang), a.title),
      ...summaries,
      `${t.source}${t.colon}“${quote}”`,
      ...(document?.status === "draft" ? [document.caveat[lang]] : []),
    ].join("\n");
  });
  return { kind: "text", text: `${t.faqIntro}\n\n${blocks.join("\n\n")}` };
}

const heading = (label: string, title: string) =>
  label.includes(title) ? `【${label}】` : `【${label}】${title}`;

/**
 * What a question says that puts it outside clauses it would otherwise match (data/faq.json
 * `notCovered`): an ordinary working-capital loan is no data-asset pledge loan, software
 * copyright registration no data registration. Data, so staff can add cases without code.
 */
import { normalize } from "./analyzer.ts";
import type { FaqVocabulary } from "./vocabulary.ts";

type NotCovered = NonNullable<FaqVocabulary["notCovered"]>[number];

const HAN = /\p{Script=Han}/u;
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** The clauses (policy:article) a question's own words rule out. */
export function createOutsideReader(entries: NotCovered[]): (question: string) => Set<string> {
  const compiled = entries.map((entry) => ({
    articles: entry.articles,
    cues: entry.cues.map((cue) => {
      const word = normalize(cue).trim().toLowerCase();
      return HAN.test(word) ? word : new RegExp(`(?<![a-z])${escape(word)}(?![a-z])`);
    }),
  }));
  return (question) => {
    const text = normalize(question).toLowerCase();
    const out = new Set<string>();
    for (const { articles, cues } of compiled)
      if (cues.some((cue) => (typeof cue === "string" ? text.includes(cue) : cue.test(text))))
        for (const ref of articles) out.add(ref);
    return out;
  };
}

/**
 * Free-text questions → the policy clauses that answer them (CONTRACT.md section 4).
 *
 * The index is built once from the loaded policy set; `ask` is pure and does no I/O.
 * Each article is one search document made of its titles, heading, keywords, benefit
 * titles and summaries in both languages and its verbatim text, so an English question
 * finds a Chinese clause through the English titles and the shared synonym concepts.
 */
import type { PolicySet } from "../policy/load.ts";
import type { Article, Benefit, PolicyDocument } from "../policy/schema.ts";
import { type Analyzer, type AnalyzerOptions, CONCEPT, createAnalyzer, languageOf } from "./analyzer.ts";
import { type Bm25Params, createBm25, DEFAULT_BM25 } from "./bm25.ts";
import { districtNames, findDistricts } from "./district.ts";
import { loadSynonyms, type SynonymGroup } from "./synonyms.ts";

export type Lang = "zh" | "en";

export interface FaqAnswer {
  policy: string;
  article: number;
  /** Relevance in 0..1. */
  score: number;
  /** The article's short title in the question's language. */
  title: string;
  /** The verbatim article text, or the quote of the benefit the question is about. */
  text: string;
}

export interface AskOptions {
  /** How many answers at most (default 3). */
  top?: number;
  /** The language of the titles; by default the question's own. */
  lang?: Lang;
}

export interface FaqIndex {
  ask(question: string, options?: AskOptions): FaqAnswer[];
}

/** How much a word counts in each part of an article, relative to the body text. Titles
 * and keywords are written to name the topic; the body also names conditions and
 * procedure, so a word there says less about what the clause is for. */
export interface FieldWeights {
  title: number;
  keywords: number;
  benefitTitle: number;
  benefitSummary: number;
  text: number;
}

export const DEFAULT_WEIGHTS: FieldWeights = {
  title: 3,
  keywords: 2,
  benefitTitle: 2,
  benefitSummary: 1,
  text: 1,
};

export interface FaqTuning {
  analyzer?: AnalyzerOptions;
  /** How much more a synonym concept in the question counts than a plain word (default 2). */
  conceptWeight?: number;
  /** Answers scoring below this share of the best answer's score are left out. */
  minRelativeScore?: number;
  weights?: FieldWeights;
  bm25?: Bm25Params;
}

export const DEFAULT_TOP = 3;
export const DEFAULT_MIN_RELATIVE_SCORE = 0.15;

interface Entry {
  document: PolicyDocument;
  article: Article;
  /** Each benefit's terms (titles, summaries, quote) and its quote's own, to pick the quote
   * that answers the question. */
  benefits: { quote: string; terms: Set<string>; quoteTerms: Set<string> }[];
}

export function createFaqIndex(
  set: Pick<PolicySet, "documents">,
  synonyms: SynonymGroup[] = loadSynonyms(),
  tuning: FaqTuning = {},
): FaqIndex {
  const analyze = createAnalyzer(synonyms, tuning.analyzer);
  const weights = tuning.weights ?? DEFAULT_WEIGHTS;
  // A concept stands for a whole curated phrase ("拿数据去银行贷款"), stronger evidence of
  // the topic than any single word of the question.
  const conceptWeight = tuning.conceptWeight ?? 2;
  const minRelative = tuning.minRelativeScore ?? DEFAULT_MIN_RELATIVE_SCORE;
  const entries: Entry[] = [];
  const bags: Map<string, number>[] = [];
  for (const document of set.documents) {
    for (const article of document.articles) {
      entries.push({
        document,
        article,
        benefits: article.benefits.map((b) => ({
          quote: b.quote,
          terms: new Set(analyze(benefitText(b))),
          quoteTerms: new Set(analyze(b.quote)),
        })),
      });
      bags.push(articleBag(article, analyze, weights));
    }
  }
  const bm25 = createBm25(bags, tuning.bm25 ?? DEFAULT_BM25);
  const districts = set.documents.map(districtNames);

  return {
    ask(question, options = {}) {
      const top = options.top ?? DEFAULT_TOP;
      const lang = options.lang ?? languageOf(question);
      const { named, rest } = findDistricts(question, districts);
      const terms = analyze(rest);
      const scores = bm25.score(terms, (term) => (term.startsWith(CONCEPT) ? conceptWeight : 1));
      let found = entries
        .map((entry, i) => ({ entry, score: scores[i] ?? 0, first: named.has(entry.document.id) }))
        .filter((hit) => hit.score > 0);
      // "通州有什么政策": a district and nothing else to go on. Its clauses, in order, are the
      // answer (scored 0: nothing in the question singled one out).
      if (found.length === 0 && named.size > 0) {
        found = entries
          .filter((entry) => named.has(entry.document.id) && entry.article.benefits.length > 0)
          .map((entry) => ({ entry, score: 0, first: true }));
      }
      // Clauses that share only a stray word with the question are noise, not answers, even
      // in the district the question names ("石景山有数据券吗": only Tongzhou has data vouchers).
      const floor = Math.max(0, ...found.map((hit) => hit.score)) * minRelative;
      const hits = found
        .filter((hit) => hit.score >= floor)
        // Stable: equal scores keep document order.
        .sort((a, b) => Number(b.first) - Number(a.first) || b.score - a.score)
        .slice(0, Math.max(0, top));
      // A clause of another district ranks after the named district's; its score must not
      // claim otherwise, so answers stay best first by score too.
      let ceiling = 1;
      return hits.map(({ entry, score }) => {
        ceiling = Math.min(ceiling, score);
        return {
          policy: entry.document.id,
          article: entry.article.number,
          score: round(ceiling),
          title: entry.article.title[lang],
          text: answerText(entry, terms, bm25.idf),
        };
      });
    },
  };
}

function benefitText(benefit: Benefit): string {
  return [benefit.title.zh, benefit.title.en, benefit.summary.zh, benefit.summary.en, benefit.quote].join(
    "\n",
  );
}

function articleBag(article: Article, analyze: Analyzer, weights: FieldWeights): Map<string, number> {
  const bag = new Map<string, number>();
  const add = (text: string, weight: number) => {
    for (const term of analyze(text)) bag.set(term, (bag.get(term) ?? 0) + weight);
  };
  add(`${article.title.zh}\n${article.title.en}\n${article.heading}`, weights.title);
  add((article.keywords ?? []).join("\n"), weights.keywords);
  for (const benefit of article.benefits) {
    add(`${benefit.title.zh}\n${benefit.title.en}`, weights.benefitTitle);
    add(`${benefit.summary.zh}\n${benefit.summary.en}`, weights.benefitSummary);
  }
  add(article.text, weights.text);
  return bag;
}

/** The quote of the one benefit the question is most about, when the quote itself speaks
 * to the question; otherwise the whole article, so the words asked about are shown. */
function answerText(entry: Entry, terms: string[], idf: (term: string) => number): string {
  const unique = [...new Set(terms)];
  const overlap = (set: Set<string>) => unique.reduce((sum, t) => sum + (set.has(t) ? idf(t) : 0), 0);
  const scores = entry.benefits.map((b) => overlap(b.terms));
  const best = Math.max(0, ...scores);
  const index = scores.indexOf(best);
  const chosen = entry.benefits[index];
  const uniqueBest = scores.filter((s) => s === best).length === 1;
  if (chosen && best > 0 && uniqueBest && overlap(chosen.quoteTerms) > 0) return chosen.quote;
  return entry.article.text;
}

const round = (score: number) => Math.round(score * 1000) / 1000;

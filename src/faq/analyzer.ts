/**
 * Turns a question or an article field into search terms, the same way for both so
 * they can meet:
 * - Chinese: ICU word segmentation (Intl.Segmenter) plus overlapping character
 *   bigrams. The segmenter's dictionary splits many policy words (质押 → 质/押,
 *   贴息 → 贴/息, 算力 → 算/力); bigrams recover them whatever the dictionary knows.
 * - English: natural's Porter stemmer, so "subsidies" meets "subsidy", and natural's
 *   stop-word lists (English and Chinese). The words themselves come from the same
 *   segmenter as the Chinese, not natural's WordTokenizer, which splits on [^A-Za-z0-9]
 *   and so cannot read mixed text like "DCMM三级" or "Tongzhou的算力".
 * - Concepts: every synonym group a text mentions adds one concept term, which is how
 *   an English question reaches a Chinese clause and a colloquial one a formal clause.
 */
import PorterStemmer from "natural/lib/natural/stemmers/porter_stemmer.js";
import englishStopwords from "natural/lib/natural/util/stopwords.js";
import chineseStopwords from "natural/lib/natural/util/stopwords_zh.js";
import type { SynonymGroup } from "./synonyms.ts";

export type Analyzer = (text: string) => string[];

export interface AnalyzerOptions {
  /** Index the segmenter's Chinese words (default true). */
  words?: boolean;
  /** Index overlapping Chinese character bigrams (default true). */
  bigrams?: boolean;
}

/** Term prefixes keep the three kinds apart: a bigram "数据" is not the word "数据". */
export const BIGRAM = "²";
export const CONCEPT = "=";

export const HAN = /\p{Script=Han}/u;

/** Words of a question that carry no topic: they would only match clauses at random.
 * "公司/企业" name the asker, not the subject; nearly every clause is for enterprises. */
const QUESTION_WORDS = [
  "公司",
  "企业",
  "单位",
  "什么",
  "怎么",
  "怎样",
  "多少",
  "哪些",
  "哪个",
  "哪条",
  "可以",
  "能否",
  "是否",
  "有没有",
  "我们",
  "请问",
  "一下",
  "政策",
];
export const ZH_STOP = new Set([...chineseStopwords.words, ...QUESTION_WORDS]);
export const EN_STOP = new Set([...englishStopwords.words, "company", "compani", "enterpris", "firm"]);

export const segmenter = new Intl.Segmenter("zh", { granularity: "word" });

/** One segment of a text, as Intl.Segmenter gives it. */
export interface Piece {
  segment: string;
  index: number;
  isWordLike: boolean;
}

/** The last few texts segmented: one question is read by the analyzer, the concept matcher
 * and the kind reader, each of which used to segment it again (ICU segmentation was a
 * fifth of an `ask`). Pure, so a small cache cannot change a result. */
const pieceCache = new Map<string, Piece[]>();

/** The segments of a text (already normalized where the caller needs it). */
export function piecesOf(text: string): Piece[] {
  const cached = pieceCache.get(text);
  if (cached) return cached;
  const pieces: Piece[] = [];
  for (const part of segmenter.segment(text))
    pieces.push({ segment: part.segment, index: part.index, isWordLike: part.isWordLike === true });
  if (pieceCache.size >= 32) pieceCache.clear();
  pieceCache.set(text, pieces);
  return pieces;
}

/** NFKC folds full-width letters and digits (ＤＣＭＭ, ３０％) to their plain forms. */
export const normalize = (text: string) => text.normalize("NFKC").toLowerCase();

/** British spellings whose Porter stems differ from the American ones ("recognised" →
 * recognis, "recognized" → recogn). The lists are written in British, users type both;
 * both sides pass through here, so an odd result ("enterprize") still meets itself. */
const BRITISH_WORDS: Record<string, string> = { licence: "license", labour: "labor", defence: "defense" };

function americanize(word: string): string {
  return (
    BRITISH_WORDS[word] ??
    word
      .replace(/^(.{3,})is(e|es|ed|ing|ation|ations|er|ers)$/, "$1iz$2")
      .replace(/^(.{3,})ys(e|es|ed|ing)$/, "$1yz$2")
      .replace(/^(.{3,})tre(s?)$/, "$1ter$2")
      .replace(/^(.{3,})mme(s?)$/, "$1m$2")
  );
}

/** Stems already worked out: the same few hundred words come back in every question. */
const stemCache = new Map<string, string>();

export const stem = (word: string): string => {
  let stemmed = stemCache.get(word);
  if (stemmed === undefined) {
    stemmed = PorterStemmer.stem(americanize(word.replace(/['’]s$/, ""))) as string;
    if (stemCache.size >= 50_000) stemCache.clear();
    stemCache.set(word, stemmed);
  }
  return stemmed;
};

/** The language a question is written in: any Chinese character makes it Chinese. */
export const languageOf = (text: string): "zh" | "en" => (HAN.test(text) ? "zh" : "en");

interface ConceptTerm {
  concept: string;
  /** Chinese or symbol-bearing terms match as a substring of the space-free text. */
  substring?: string;
  /** Plain English terms match as whole stemmed words in order: " pledg loan ". */
  stems?: string;
  words?: string[];
}

function compileTerm(concept: string, term: string): ConceptTerm {
  const text = normalize(term);
  if (/^[a-z ]+$/.test(text))
    return {
      concept,
      stems: ` ${text.split(/\s+/).filter(Boolean).map(stem).join(" ")} `,
      words: text.split(/\s+/).filter(Boolean),
    };
  return { concept, substring: text.replace(/\s+/g, "") };
}

/** A synonym concept found in a text, with the term that matched: the FAQ's evidence check
 * counts the question's words inside that term as covered by any clause with the concept. */
export interface ConceptMatch {
  concept: string;
  /** The matched Chinese (or symbol-bearing) term, space-free and normalized. */
  substring?: string;
  /** The matched English term's stems. */
  stems?: string[];
  /** The matched English term's words, as written. */
  words?: string[];
}

/** The English words of a text in order, stop words included. */
export function englishWords(text: string): string[] {
  const words: string[] = [];
  for (const part of piecesOf(normalize(text)))
    if (part.isWordLike && !HAN.test(part.segment)) words.push(part.segment);
  return words;
}

/** The English stems of a text in order, stop words included (multi-word terms span them). */
export function englishStems(text: string): string[] {
  return englishWords(text).map((word) => (/^\d/.test(word) ? word : stem(word)));
}

/** The concept terms a text may contain, in list order: a Chinese (or symbol) term only when
 * the text has its first character, an English one only when it has its first stem, so a
 * text is checked against a few terms rather than every one. */
function termIndex(terms: ConceptTerm[]): (squashed: string, stems: string[]) => ConceptTerm[] {
  const byChar = new Map<string, number[]>();
  const byStem = new Map<string, number[]>();
  const add = (map: Map<string, number[]>, key: string, i: number) => {
    const list = map.get(key);
    if (list) list.push(i);
    else map.set(key, [i]);
  };
  for (const [i, t] of terms.entries()) {
    if (t.substring !== undefined) add(byChar, t.substring.charAt(0), i);
    else add(byStem, (t.stems as string).trim().split(" ")[0] as string, i);
  }
  return (squashed, stems) => {
    const found = new Set<number>();
    for (const c of new Set(squashed)) for (const i of byChar.get(c) ?? []) found.add(i);
    for (const s of new Set(stems)) for (const i of byStem.get(s) ?? []) found.add(i);
    return [...found].sort((a, b) => a - b).map((i) => terms[i] as ConceptTerm);
  };
}

export function createConceptMatcher(synonyms: SynonymGroup[]): (text: string) => ConceptMatch[] {
  const terms = synonyms.flatMap((group) => group.terms.map((term) => compileTerm(CONCEPT + group.id, term)));
  const candidates = termIndex(terms);
  return (text) => {
    const squashed = normalize(text).replace(/\s+/g, "");
    const stems = englishStems(text);
    const stemLine = ` ${stems.join(" ")} `;
    return candidates(squashed, stems)
      .filter((t) => (t.substring ? squashed.includes(t.substring) : stemLine.includes(t.stems as string)))
      .map((t) =>
        t.substring
          ? { concept: t.concept, substring: t.substring }
          : { concept: t.concept, stems: (t.stems as string).trim().split(" "), words: t.words ?? [] },
      );
  };
}

export function createAnalyzer(synonyms: SynonymGroup[], options: AnalyzerOptions = {}): Analyzer {
  const useWords = options.words ?? true;
  const useBigrams = options.bigrams ?? true;
  const terms = synonyms.flatMap((group) => group.terms.map((term) => compileTerm(CONCEPT + group.id, term)));
  const candidates = termIndex(terms);

  return (text) => {
    const normalized = normalize(text);
    const tokens: string[] = [];
    const englishStems: string[] = [];
    // Chinese text between stop words and punctuation, for bigrams: a bigram across a
    // stop word ("款有" in 贷款有贴息) would be noise.
    const runs: string[] = [];
    let run = "";
    for (const part of piecesOf(normalized)) {
      const word = part.segment;
      if (part.isWordLike && HAN.test(word) && !ZH_STOP.has(word)) {
        if (useWords) tokens.push(word);
        run += word;
        continue;
      }
      if (run) runs.push(run);
      run = "";
      if (!part.isWordLike || HAN.test(word)) continue;
      const stemmed = /^\d/.test(word) ? word : stem(word);
      englishStems.push(stemmed);
      if (!EN_STOP.has(word) && !EN_STOP.has(stemmed)) tokens.push(stemmed);
    }
    if (run) runs.push(run);
    if (useBigrams) {
      for (const chars of runs) {
        for (let i = 0; i + 2 <= chars.length; i++) tokens.push(BIGRAM + chars.slice(i, i + 2));
      }
    }
    const squashed = normalized.replace(/\s+/g, "");
    const stemLine = ` ${englishStems.join(" ")} `;
    const concepts = new Set<string>();
    for (const term of candidates(squashed, englishStems)) {
      if (concepts.has(term.concept)) continue;
      if (term.substring ? squashed.includes(term.substring) : stemLine.includes(term.stems as string))
        concepts.add(term.concept);
    }
    tokens.push(...concepts);
    return tokens;
  };
}

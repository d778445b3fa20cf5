/**
 * Free-text questions → the policy clauses that answer them (CONTRACT.md section 4), or
 * none when no clause does.
 *
 * The index is built once from the loaded policy set; `ask` is pure and does no I/O.
 * Each article is one search document made of its titles, heading, keywords, benefit
 * titles and summaries in both languages, its verbatim text and its English rendering,
 * so an English question finds a Chinese clause. BM25 ranks the clauses; whether a clause
 * is an answer at all is decided by the evidence a reader would accept (evidence.ts):
 * the question's content words must be in it, weighed into a calibrated probability
 * (calibration.ts).
 */
import type { PolicySet } from "../policy/load.ts";
import type { Article, Benefit, PolicyDocument } from "../policy/schema.ts";
import {
  type Analyzer,
  type AnalyzerOptions,
  CONCEPT,
  createAnalyzer,
  createConceptMatcher,
  englishWords,
  languageOf,
  normalize,
  stem,
} from "./analyzer.ts";
import { type Bm25Params, createBm25, DEFAULT_BM25 } from "./bm25.ts";
import { type Calibration, DEFAULT_CALIBRATION, type Evidence, probability } from "./calibration.ts";
import { districtNames, findDistricts } from "./district.ts";
import {
  type ClauseEvidence,
  compileWords,
  coverage,
  type IdfWeighting,
  lightForm,
  readContent,
  unitCoverages,
} from "./evidence.ts";
import { createKindReader } from "./kinds.ts";
import { createOutsideReader } from "./outside.ts";
import { loadSynonyms, type SynonymGroup } from "./synonyms.ts";
import { englishOf } from "./translation.ts";
import { EMPTY_VOCABULARY, type FaqVocabulary, loadFaqVocabulary } from "./vocabulary.ts";

export type Lang = "zh" | "en";

export interface FaqAnswer {
  policy: string;
  article: number;
  /** How likely the clause answers the question, 0..1 (calibration.ts). */
  score: number;
  /** The article's short title in the answer's language. */
  title: string;
  /** The clause in the answer's language: the verbatim Chinese, or its English rendering. */
  text: string;
  /** The verbatim Chinese source of `text` (set by createFaqIndex). */
  quote?: string;
  /** Only when the asker's district is known: whether the clause is that district's. */
  applies?: boolean;
}

export interface AskOptions {
  /** How many answers at most (default 3). */
  top?: number;
  /** The language of titles and text; by default the question's own. */
  lang?: Lang;
  /** The asker's district when known (mid-dialog): ranked first, other clauses marked. */
  district?: string;
}

/** What the FAQ makes of a question, beyond the answers themselves. */
export interface FaqResult {
  answers: FaqAnswer[];
  /** Districts the question names. */
  named: string[];
  /** Named districts none of whose clauses answers; the answers are other districts'. */
  missingIn: string[];
  /** The question asks how to apply. */
  procedural: boolean;
  /** Set when the answers were given for the kind of question, not picked by its words, so
   * their scores measure nothing about it: "procedure", the texts naming who runs the measures
   * for a bare "how do I apply"; "district", a named district's clauses in order. */
  shownFor?: "procedure" | "district";
}

export interface FaqIndex {
  ask(question: string, options?: AskOptions): FaqAnswer[];
}

export interface FaqSearch extends FaqIndex {
  answer(question: string, options?: AskOptions): FaqResult;
  /** The word lists and areas the index was built with (for "not covered" replies). */
  vocabulary: FaqVocabulary;
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
  /** Answers scoring below this share of the best answer's BM25 score are left out. */
  minRelativeScore?: number;
  weights?: FieldWeights;
  bm25?: Bm25Params;
  calibration?: Calibration;
  vocabulary?: FaqVocabulary;
  /** What a word found only in a clause's body counts for (default BODY_CREDIT). */
  bodyCredit?: number;
  /** Content words weighed by rarity (evidence.ts IdfWeighting; default DEFAULT_IDF); false: all alike. */
  idf?: Omit<IdfWeighting, "max"> | false;
}

export const DEFAULT_TOP = 3;
export const DEFAULT_MIN_RELATIVE_SCORE = 0.15;
/** How much less of the question's content than the best clause another clause may cover
 * and still be shown. */
const SHARE_SLACK = 0.3;
const NAMED_SLACK = 0.4;
/** What a word found only in a clause's body (or a benefit's summary, which repeats the
 * body's lists) counts for, against one in its titles and keywords. */
export const BODY_CREDIT = 0.6;
/** Off: over a grid of `unseen` and `least` (scripts/faq-quality.ts --idf=U,L --fit), the
 * tuning halves were separated best, and abstained on most, with every word alike
 * (BENCHMARKS.md, FAQ quality). */
export const DEFAULT_IDF: Omit<IdfWeighting, "max"> | false = false;

interface Weighing {
  candidates: Candidate[];
  /** The question's best evidence over all clauses. */
  evidence: Evidence;
  /** How likely some clause answers the question. */
  probability: number;
  hasContent: boolean;
  asksHow: boolean;
  /** The question's search terms, for picking the quote that answers it. */
  terms: string[];
  /** Each content word's weight as a thing asked about: 1 for a word, less for a lone
   * character or a number, or an English -ing/-ed form. */
  weights: number[];
}

interface Entry {
  document: PolicyDocument;
  article: Article;
  /** Each benefit's terms (titles, summaries, quote) and its quote's own, to pick the quote
   * that answers the question. */
  benefits: { quote: string; terms: Set<string>; quoteTerms: Set<string> }[];
  evidence: ClauseEvidence;
  topic: ClauseEvidence;
}

/** One clause weighed for one question (exported for the calibration script). */
export interface Candidate {
  entry: Entry;
  relevance: number;
  evidence: Evidence;
  /** The share of the question's content the clause covers anywhere (body at full credit). */
  reach: number;
  probability: number;
  /** How far the clause covers each content word (body words at BODY_CREDIT), and each in
   * its topic fields alone. */
  units: number[];
  topicUnits: number[];
}

export function createFaqIndex(
  set: Pick<PolicySet, "documents">,
  synonyms: SynonymGroup[] = loadSynonyms(),
  tuning: FaqTuning = {},
): FaqSearch & {
  candidates(question: string): Candidate[];
  evidenceOf(question: string): { evidence: Evidence; probability: number; hasContent: boolean };
} {
  const analyze = createAnalyzer(synonyms, tuning.analyzer);
  const concepts = createConceptMatcher(synonyms);
  const weights = tuning.weights ?? DEFAULT_WEIGHTS;
  // A concept stands for a whole curated phrase ("拿数据去银行贷款"), stronger evidence of
  // the topic than any single word of the question.
  const conceptWeight = tuning.conceptWeight ?? 2;
  const minRelative = tuning.minRelativeScore ?? DEFAULT_MIN_RELATIVE_SCORE;
  const calibration = tuning.calibration ?? DEFAULT_CALIBRATION;
  const bodyCredit = tuning.bodyCredit ?? BODY_CREDIT;
  const vocabulary = tuning.vocabulary ?? (synonyms.length ? loadFaqVocabulary() : EMPTY_VOCABULARY);
  const generic = compileWords(vocabulary.generic);
  const procedural = compileWords(vocabulary.procedural);
  const readKind = createKindReader(vocabulary.kinds ?? {}, vocabulary.subject ?? []);
  const scopeRefs = new Set(vocabulary.kinds?.scope.clauses ?? []);
  const outside = createOutsideReader(vocabulary.notCovered ?? []);
  const entries: Entry[] = [];
  const bags: Map<string, number>[] = [];
  for (const document of set.documents) {
    for (const article of document.articles) {
      const bag = articleBag(article, analyze, weights);
      entries.push({
        document,
        article,
        benefits: article.benefits.map((b) => ({
          quote: b.quote,
          terms: new Set(analyze(benefitText(b))),
          quoteTerms: new Set(analyze(b.quote)),
        })),
        evidence: clauseEvidence(article, analyze, false),
        topic: clauseEvidence(article, analyze, true),
      });
      bags.push(bag);
    }
  }
  const bm25 = createBm25(bags, tuning.bm25 ?? DEFAULT_BM25);
  const idfTuning = tuning.idf ?? DEFAULT_IDF;
  // A word only one clause has is the rarest a clause word gets (rarity in weigh, df 1).
  const idf: IdfWeighting | undefined = idfTuning
    ? { ...idfTuning, max: Math.log(1 + (entries.length - 0.5) / 1.5) }
    : undefined;
  const districts = set.documents.map(districtNames);

  const weigh = (rest: string): Weighing => {
    const terms = analyze(rest);
    const ruledOut = outside(rest);
    const scores = bm25.score(terms, (term) => (term.startsWith(CONCEPT) ? conceptWeight : 1));
    const content = readContent(rest, generic, procedural);
    const found = concepts(rest);
    // Relevance as evidence counts the content words only: "补贴" alone matches half the clauses.
    const contentScores = bm25.score(analyze(content.text), (t) =>
      t.startsWith(CONCEPT) ? conceptWeight : 1,
    );
    // A word only the body has (often in a list of example fields: 文旅、金融、农业、社保)
    // is weaker evidence than one in the clause's titles, keywords or summaries.
    const perTopic = entries.map((entry) => unitCoverages(content.units, entry.topic, found));
    const perClause = entries.map((entry) => unitCoverages(content.units, entry.evidence, found));
    const perEntry = perClause.map((units, i) =>
      units.map((c, u) => Math.max(perTopic[i]?.[u] ?? 0, bodyCredit * c)),
    );
    // A word most clauses have (数据, 服务) says little about which clause is meant, or
    // whether any is: rarity is the idf of "covers this word at least half".
    const rarity = content.units.map((_, u) => {
      let df = 0;
      for (const c of perEntry) if ((c[u] ?? 0) >= 0.5) df++;
      return df === 0 ? 0 : Math.log(1 + (entries.length - df + 0.5) / (df + 0.5));
    });
    const none: Evidence = { share: 0, topic: 0, missing: 0, specific: 0, relevance: 0 };
    const candidates = entries.map((entry, i): Candidate => {
      const units = perEntry[i] ?? [];
      const topicUnits = perTopic[i] ?? [];
      // A clause the question shares no term with is never weighed further (every use of a
      // candidate's evidence takes relevance > 0 first), nor one its own words rule out
      // ("流动资金贷款" is no data-asset pledge loan).
      if (!(scores[i] ?? 0) || ruledOut.has(`${entry.document.id}:${entry.article.number}`))
        return { entry, relevance: 0, evidence: none, reach: 0, probability: 0, units, topicUnits };
      const { share, missing, specific } = coverage(content.units, units, rarity, idf);
      const topic = coverage(content.units, perTopic[i] ?? [], rarity, idf).share;
      const evidence = { share, topic, missing, specific, relevance: contentScores[i] ?? 0 };
      const reach = coverage(content.units, perClause[i] ?? [], rarity, idf).share;
      return { entry, relevance: scores[i] ?? 0, evidence, reach, probability: 0, units, topicUnits };
    });
    // Whether any clause answers is a property of the question: the evidence of the clause
    // that covers most of it (its topic fields counting again), relevance breaking ties.
    const found0 = candidates.filter((c) => c.relevance > 0);
    const strength = (c: Candidate) => c.evidence.share + c.evidence.topic + 0.01 * c.evidence.relevance;
    const strongest = found0.reduce<Candidate | undefined>(
      (a, c) => (!a || strength(c) > strength(a) ? c : a),
      undefined,
    );
    const evidence: Evidence = strongest
      ? { ...strongest.evidence }
      : { share: 0, topic: 0, missing: 0, specific: 0, relevance: 0 };
    if (found0.length === 0) evidence.missing = content.units.reduce((sum, u) => sum + u.weight, 0);
    const p = found0.length ? probability(evidence, calibration) : 0;
    const best = Math.max(0, ...found0.map((c) => c.relevance));
    for (const c of candidates) c.probability = best > 0 ? p * Math.min(1, c.relevance / best) : 0;
    return {
      candidates,
      evidence,
      probability: p,
      hasContent: content.units.length > 0,
      asksHow: content.procedural,
      terms,
      // An English -ing or -ed word names an action ("winning a contest"), not the thing a
      // clause is about; it stays a plain word, never a topic another clause owns.
      weights: content.units.map((u) =>
        !u.han && /(ing|ed)$/.test(u.text) ? Math.min(u.weight, 0.5) : u.weight,
      ),
    };
  };

  /** A question about the documents themselves (kinds.ts) whose other words are generic, or
   * found in the text that answers it: that text, of each district it names or of every
   * district ("石景山这个文件管几年", "who can benefit from the measures"). */
  const byKind = (rest: string, named: Set<string>, candidates: Candidate[]): Candidate[] | undefined => {
    const reading = readKind(rest, named.size > 0);
    if (!reading.kind) return undefined;
    const isTarget = (c: Candidate) =>
      reading.kind === "closing"
        ? c.entry.article.closing === true
        : scopeRefs.has(`${c.entry.document.id}:${c.entry.article.number}`);
    const targets = candidates.filter(
      (c) => isTarget(c) && (named.size === 0 || named.has(c.entry.document.id)),
    );
    if (targets.length === 0) return undefined;
    const content = readContent(reading.rest, generic, procedural);
    // Every word of the question's own (a single character may be a particle) must be in
    // the text: "will the hukou rules change" is about hukou, not about the measures.
    const found = concepts(reading.rest);
    const covers = (c: Candidate) =>
      unitCoverages(content.units, c.entry.evidence, found).every(
        (x, i) => x >= 0.5 || (content.units[i]?.weight ?? 0) < 1,
      );
    if (!targets.some(covers)) return undefined;
    // The cues are the question's words and the text answers them: scored as a clause that
    // covers all of a question (not the floor, which would read as a guess).
    const sure = probability({ share: 1, topic: 1, missing: 0, specific: 0, relevance: 0 }, calibration);
    return targets.map((c) => ({ ...c, probability: Math.max(c.probability, sure) }));
  };

  const answer = (question: string, options: AskOptions = {}): FaqResult => {
    const top = Math.max(0, options.top ?? DEFAULT_TOP);
    const lang = options.lang ?? languageOf(question);
    const { named, rest } = findDistricts(question, districts);
    const {
      candidates,
      hasContent,
      asksHow,
      probability: inScope,
      evidence,
      terms,
      weights: unitWeight,
    } = weigh(rest);
    const user = options.district;
    // Named districts first, then the asker's own; within each, by relevance (stable: equal
    // scores keep document order).
    const rank = (c: Candidate) =>
      (named.has(c.entry.document.id) ? 2 : 0) + (c.entry.document.id === user ? 1 : 0);
    const byRank = (a: Candidate, b: Candidate) => rank(b) - rank(a) || b.relevance - a.relevance;
    let hits: Candidate[];
    let shownFor: FaqResult["shownFor"];
    const kindHits = byKind(rest, named, candidates);
    if (kindHits) {
      hits = kindHits.sort(byRank);
    } else if (!hasContent && asksHow) {
      // "怎么申请？" with nothing else: the documents name who runs them, not the materials.
      hits = closingOf(candidates, named.size ? named : undefined).sort(byRank);
      shownFor = "procedure";
    } else if (!hasContent && named.size > 0) {
      // "通州有什么政策": a district and nothing else to go on. Its clauses, in order, are the
      // answer (scored 0: nothing in the question singled one out).
      hits = candidates
        .filter((c) => named.has(c.entry.document.id) && c.entry.article.benefits.length > 0)
        .map((c) => ({ ...c, probability: 0 }));
      shownFor = "district";
    } else if (!hasContent) {
      hits = [];
    } else {
      // Clauses that share only a stray word with the question are noise, not answers; so is
      // a clause that covers much less of the question than the best one does (通州's
      // clauses for a DCMM question, which only Shijingshan's item 5 covers).
      const floor = Math.max(0, ...candidates.map((c) => c.relevance)) * minRelative;
      const bestShare = Math.max(0, ...candidates.filter((c) => c.relevance > 0).map((c) => c.reach));
      // The district the question names gets more slack: its clause in its own words is
      // still the one asked about.
      const slack = (c: Candidate) => (named.has(c.entry.document.id) ? NAMED_SLACK : SHARE_SLACK);
      // But not when another district's clause has all the named one has and, in its topic,
      // a word the named one lacks: for "通州…融资担保费" Tongzhou's pledge-loan clause lacks
      // 担保, the topic of Shijingshan's; Tongzhou has no such clause, and says so (missingIn).
      const others = candidates.filter((c) => c.relevance > 0 && !named.has(c.entry.document.id));
      const covered = (x: number | undefined) => (x ?? 0) >= 0.5;
      const outdoes = (o: Candidate, c: Candidate) =>
        c.units.every((x, u) => !covered(x) || covered(o.units[u])) &&
        c.units.some((x, u) => !covered(x) && (unitWeight[u] ?? 0) >= 1 && covered(o.topicUnits[u]));
      const lacksTopic = (c: Candidate) =>
        named.has(c.entry.document.id) && others.some((o) => outdoes(o, c));
      hits =
        inScope < calibration.threshold || evidence.share < calibration.minShare || evidence.topic === 0
          ? []
          : candidates
              .filter(
                (c) =>
                  c.relevance > 0 &&
                  c.relevance >= floor &&
                  c.reach >= bestShare - slack(c) &&
                  !lacksTopic(c),
              )
              .sort(byRank);
      // A question about the closing text ("政策什么时候生效？") is answered by the closing text
      // of each district it names, or of every district when it names none.
      if (hits[0]?.entry.article.closing) {
        const closing = closingOf(candidates, named.size ? named : undefined).sort(byRank);
        const isClosing = new Set(closing.map((c) => c.entry));
        hits = [...closing, ...hits.filter((h) => !isClosing.has(h.entry))];
      }
    }
    const answered = new Set(hits.map((h) => h.entry.document.id));
    const missingIn = [...named].filter((id) => !answered.has(id));
    // A clause of another district ranks after the named district's; its score must not
    // claim otherwise, so answers stay best first by score too.
    let ceiling = 1;
    const answers = hits.slice(0, top).map((hit) => {
      ceiling = Math.min(ceiling, hit.probability);
      return toAnswer(hit.entry, round(ceiling), lang, terms, bm25.idf, user);
    });
    return { answers, named: [...named], missingIn, procedural: asksHow, ...(shownFor ? { shownFor } : {}) };
  };

  const closingOf = (candidates: Candidate[], only?: Set<string>) =>
    candidates
      .filter((c) => c.entry.article.closing && (!only || only.has(c.entry.document.id)))
      .map((c) => ({ ...c, probability: Math.max(c.probability, calibration.threshold) }));

  const evidenceOf = (question: string) => {
    const { named, rest } = findDistricts(question, districts);
    const weighing = weigh(rest);
    // A question its kind answers (byKind) is not decided by the evidence: like a wordless
    // one, it is no row for the calibration.
    const byItsKind = byKind(rest, named, weighing.candidates) !== undefined;
    return {
      evidence: weighing.evidence,
      probability: weighing.probability,
      hasContent: weighing.hasContent && !byItsKind,
    };
  };

  return {
    answer,
    vocabulary,
    ask: (question, options) => answer(question, options).answers,
    candidates: (question) => weigh(findDistricts(question, districts).rest).candidates,
    evidenceOf,
  };
}

function toAnswer(
  entry: Entry,
  score: number,
  lang: Lang,
  terms: string[],
  idf: (term: string) => number,
  user: string | undefined,
): FaqAnswer {
  const quote = answerText(entry, terms, idf);
  const english = lang === "en" ? englishOf(entry.article, quote) : undefined;
  return {
    policy: entry.document.id,
    article: entry.article.number,
    score,
    title: entry.article.title[lang],
    text: english ?? quote,
    quote,
    ...(user === undefined ? {} : { applies: entry.document.id === user }),
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
  add((article.translation?.en ?? []).join("\n"), weights.text);
  return bag;
}

/** Everything a reader would see of the clause, for the evidence check; with `topicOnly`,
 * only the parts that name what the clause is about (titles, keywords, benefit summaries),
 * not the lists of example fields in its body (文旅、金融、农业…). */
function clauseEvidence(article: Article, analyze: Analyzer, topicOnly: boolean): ClauseEvidence {
  const topic = [
    article.title.zh,
    article.title.en,
    article.heading,
    ...(article.keywords ?? []),
    ...article.benefits.flatMap((b) =>
      topicOnly ? [b.title.zh, b.title.en] : [b.title.zh, b.title.en, b.summary.zh, b.summary.en],
    ),
  ];
  // Without keywords or benefits, nothing but the body says what the clause is about.
  const bare = !article.keywords?.length && article.benefits.length === 0;
  const body = topicOnly && !bare ? [] : [article.text, ...(article.translation?.en ?? [])];
  const fields = [...topic, ...body].join("\n");
  return {
    chinese: normalize(fields).replace(/\s+/g, ""),
    words: new Set(englishWords(fields).map(lightForm)),
    // Only stems of inflected words ("interpreted" → interpret): a bare word that is its own
    // stem ("park") may be another word's root by accident ("parking").
    stems: stemsOf(englishWords(fields).map(lightForm)),
    concepts: new Set(analyze(fields).filter((term) => term.startsWith(CONCEPT))),
  };
}

/** Only stems of inflected words ("interpreted" → interpret), each with its words. */
function stemsOf(words: string[]): Map<string, string[]> {
  const stems = new Map<string, string[]>();
  for (const w of new Set(words)) {
    const s = stem(w);
    if (s === w) continue;
    const forms = stems.get(s);
    if (forms) forms.push(w);
    else stems.set(s, [w]);
  }
  return stems;
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

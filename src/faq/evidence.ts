/**
 * Whether a clause answers a question the way a reader would judge it: the question's own
 * content words must be in the clause, directly or through a synonym concept both share.
 * Words that only say the asker wants money or help (补贴, 支持, 企业, subsidy), question
 * words and "how do I apply" words are not content: every clause has them, so sharing them
 * is no evidence ("停车场补贴" shares 补贴 with half the clauses and is about none).
 */
import { type ConceptMatch, EN_STOP, HAN, normalize, piecesOf, stem, ZH_STOP } from "./analyzer.ts";

/** A word list compiled for matching: Chinese phrases as substrings, single Chinese
 * characters only as whole words (区 alone, not inside 集聚区), English as stems. */
export interface WordList {
  phrases: string[];
  chars: Set<string>;
  stems: Set<string>;
  /** The listed English words (light forms), for the bare-word exception of `hasWord`. */
  words: Set<string>;
}

export function compileWords(words: string[]): WordList {
  const list: WordList = { phrases: [], chars: new Set(), stems: new Set(), words: new Set() };
  for (const raw of words) {
    const word = normalize(raw).trim();
    if (!HAN.test(word)) {
      list.stems.add(stem(word));
      list.words.add(lightForm(word));
    } else if (word.length === 1) list.chars.add(word);
    else list.phrases.push(word);
  }
  list.phrases.sort((a, b) => b.length - a.length);
  return list;
}

/** Whether an English word of a question is one of the list's, by its stem ("supported"
 * is "support"); but a bare word that is its own stem is the list's only when listed
 * itself: "funding" (asking for money) is listed, "fund" (a government fund, a thing a
 * clause is about) is another word with the same stem. */
export function hasWord(list: WordList, word: string, stemmed: string, before = ""): boolean {
  if (!list.stems.has(stemmed)) return false;
  const light = lightForm(word);
  // After an auxiliary, "to" or a pronoun the bare word is the verb: "does Tongzhou fund
  // events" (the district name is already taken out) asks for money like "funding".
  return light !== stemmed || list.words.has(light) || VERB_BEFORE.has(before);
}

/** Words after which a bare word is read as a verb. */
const VERB_BEFORE = new Set(
  "do does did will would can could may might should shall to they you we i it who also not".split(" "),
);

export interface ContentUnit {
  /** Chinese characters, or an English word lightly stemmed (lightForm). */
  text: string;
  /** An English word's Porter stem, as synonym concepts match it. */
  stem?: string;
  han: boolean;
  /** How much the unit counts: a single character or a number says less than a word. */
  weight: number;
  /** Units of one phrase (no punctuation, stop word or generic word between them) share
   * an id, in question order. */
  phrase: number;
  /** Units of one hyphenated English compound share an id: "high-tech" is one thing asked
   * about, covered only when all its parts are (a clause with "high-value" has "high"). */
  compound?: number;
  /** A Chinese unit's character pairs, worked out once for all the clauses it is checked in. */
  pairs?: string[];
}

export interface QuestionContent {
  units: ContentUnit[];
  /** The question asks how to apply (申请, 材料, apply). */
  procedural: boolean;
  /** The content words alone, space-separated, for scoring relevance without the generic ones. */
  text: string;
}

/** The content words of a question (district names already taken out). */
export function readContent(question: string, generic: WordList, procedural: WordList): QuestionContent {
  // 三级 as the clauses write it: 3级.
  let text = normalize(question).replace(/[一二三四五](?=级)/g, (n) => ` ${"一二三四五".indexOf(n) + 1}`);
  const asksHow = procedural.phrases.some((p) => text.includes(p));
  for (const list of [procedural, generic])
    for (const phrase of list.phrases) text = text.replaceAll(phrase, "|");
  const units: ContentUnit[] = [];
  let chars = "";
  let phrase = 0;
  const flush = () => {
    if (chars) units.push({ text: chars, han: true, weight: chars.length === 1 ? 0.5 : 1, phrase });
    chars = "";
  };
  const brk = () => {
    flush();
    phrase++;
  };
  let asksHowEn = false;
  // The English word before the current one (stop words included), for hasWord.
  let before = "";
  const compounds = [...text.matchAll(/[a-z0-9]+(?:-[a-z0-9]+)+/g)].map((m) => ({
    start: m.index,
    end: m.index + m[0].length,
  }));
  for (const part of piecesOf(text)) {
    const word = part.segment;
    if (!part.isWordLike) {
      // Spaces join English words into a phrase; anything else, or a space next to
      // Chinese, ends one. A hyphen or apostrophe stays inside its word.
      const han = chars !== "" || units.at(-1)?.han === true;
      if (/^[-'’]$/.test(word) || (/^\s+$/.test(word) && !han)) flush();
      else brk();
      continue;
    }
    if (HAN.test(word)) {
      before = "";
      const bare = trimPair(word.replace(EDGE_CHARS, ""), generic, procedural);
      if (!bare || ZH_STOP.has(bare) || generic.chars.has(bare) || procedural.chars.has(bare)) brk();
      else if (bare.length === 1) chars += bare;
      else {
        flush();
        units.push({ text: bare, han: true, weight: 1, phrase });
      }
      continue;
    }
    flush();
    const stemmed = /^\d/.test(word) ? word : stem(word);
    const previous = before;
    before = word;
    const isProcedural = hasWord(procedural, word, stemmed, previous);
    if (isProcedural) asksHowEn = true;
    // "we're", "we've", "don't": the word before the contraction is what counts.
    const bare = word.replace(/['’](re|ve|m|ll|d)$|n['’]t$/, "");
    if (
      EN_STOP.has(bare) ||
      EN_STOP.has(word) ||
      EN_STOP.has(stemmed) ||
      hasWord(generic, word, stemmed, previous) ||
      isProcedural
    ) {
      phrase++;
      continue;
    }
    const compound = compounds.findIndex((c) => part.index >= c.start && part.index < c.end);
    units.push({
      text: lightForm(word),
      stem: stemmed,
      han: false,
      // A number, or a verb's past form ("passed", "converted"), says less than a noun
      // about what the question is after: the action is the asker's story.
      weight: /^\d/.test(word) || PAST_FORM.test(word) ? 0.5 : 1,
      phrase,
      ...(compound < 0 ? {} : { compound }),
    });
  }
  flush();
  // A compound counts as much as one word, however many parts it has.
  for (const unit of units) {
    if (unit.compound === undefined) continue;
    const parts = units.filter((u) => u.compound === unit.compound).length;
    if (parts > 1) unit.weight /= parts;
    else delete unit.compound;
  }
  return { units, procedural: asksHow || asksHowEn, text: units.map((u) => u.text).join(" ") };
}

/** The segmenter glues fillers together ("想在", "有啥"): a two-character word made of
 * generic words and particles only is no word at all. */
function trimPair(word: string, generic: WordList, procedural: WordList): string {
  const filler = (c: string) =>
    generic.chars.has(c) || procedural.chars.has(c) || /[了的从把被在对向到后过着]/.test(c);
  return word.length === 2 && [...word].every(filler) ? "" : word;
}

/** An English past form: "passed", "converted", "recognised" (not "need", "seed", "bed"). */
const PAST_FORM = /^[a-z]{3,}[^e]ed$/;

/** A word that meets the clause only through its Porter stem is probably the same word
 * ("implementing", "implementation") but may not be ("parking", "park"). */
const STEM_CREDIT = 0.6;

/** Particles a colloquial question wraps around its words ("投了", "从三级", "印发后"), and
 * the light verbs it leads with ("搞产学研", "做数据集", "办活动"). */
const EDGE_CHARS = /^[了的从把被在对向到搞做办弄]+|[了的后过着]+$/g;

/** Plural and possessive endings only. Porter's stems are right for ranking but too coarse
 * for evidence: "parking" and "park" share one, and a car park is not an industrial park. */
export function lightForm(word: string): string {
  const w = word.toLowerCase().replace(/['’]s$/, "");
  if (w.length > 4 && w.endsWith("ies")) return `${w.slice(0, -3)}y`;
  if (/(ch|sh|x|z|ss)es$/.test(w)) return w.slice(0, -2);
  if (w.length > 3 && w.endsWith("s") && !/(ss|us|is)$/.test(w)) return w.slice(0, -1);
  return w;
}

/** What a clause offers as evidence: its Chinese text space-free, its English words (light
 * forms) and the synonym concepts it mentions. */
export interface ClauseEvidence {
  chinese: string;
  words: Set<string>;
  /** Porter stems, each with the clause's words (light forms) that have it: "interpreting"
   * meets "interpreted", for part credit only. */
  stems: Map<string, string[]>;
  concepts: Set<string>;
}

/** What the bare word an agent noun is made from may end in past the agent's base:
 * "office", "compute", "develop" beside "officer", "computer", "developer". */
const BASE_ENDING = /^e?$/;

/** Whether one word is the agent or instrument noun made from the other bare word
 * ("officer" and "office", "computer" and "compute"): Porter gives them one stem, but a
 * chief data officer says nothing about office furniture. The verb's own forms stay the
 * agent's ("operating" an incubator, its "operator"). A word that merely ends in -er
 * ("transfer", "register", "power") is no agent noun of its own forms: what follows its
 * base in the other word ("transferring": "erring") is not a bare word's ending. */
export function agentPair(a: string, b: string): boolean {
  const [agent, other] = /(er|or)$/.test(a) ? [a, b] : [b, a];
  if (!/(er|or)$/.test(agent) || /(er|or)$/.test(other)) return false;
  const base = agent.slice(0, -2);
  return other.startsWith(base) && BASE_ENDING.test(other.slice(base.length));
}

export interface Coverage {
  /** The weighted share of the question's content the clause covers, 0..1 (1 with no content). */
  share: number;
  /** The weight of content covered. */
  covered: number;
  /** The rarest covered word's rarity (see coverage). */
  specific: number;
  /** The weight of content the clause leaves uncovered. */
  missing: number;
}

/** How far a clause covers each content unit, 0..1. */
export function unitCoverages(
  units: ContentUnit[],
  clause: ClauseEvidence,
  concepts: ConceptMatch[],
): number[] {
  const shared = concepts.filter((c) => clause.concepts.has(c.concept));
  const covered = units.map((unit) => unitCoverage(unit, clause, shared));
  return covered.map((c, i) => {
    const compound = units[i]?.compound;
    if (compound === undefined) return c;
    return Math.min(...units.flatMap((u, j) => (u.compound === compound ? [covered[j] ?? 0] : [])));
  });
}

/** Sums one clause's unit coverages; `rarity[i]` says how few clauses cover unit i at all
 * (0 for a word every clause has, like 数据), so `specific` is the most telling covered word. */
export function coverage(
  units: ContentUnit[],
  coverages: number[],
  rarity: number[],
  idf?: IdfWeighting,
): Coverage {
  const weights = modifierWeights(units, coverages).map((w, i) => w * idfFactor(rarity[i] ?? 0, idf));
  let total = 0;
  let covered = 0;
  let specific = 0;
  for (const [i, weight] of weights.entries()) {
    const c = coverages[i] ?? 0;
    total += weight;
    covered += weight * c;
    specific = Math.max(specific, weight * c * (rarity[i] ?? 0));
  }
  return { share: total === 0 ? 1 : covered / total, covered, missing: total - covered, specific };
}

/** How content words weigh by their rarity among the clauses: a word few clauses have
 * ("出境", "DCMM") says more about what is asked than one most have ("数据", "服务"). A
 * word no clause has at all (rarity 0) is either the question's own topic ("停车场") or
 * filler the generic list lacks ("first time", "compliantly"); it weighs `unseen`. */
export interface IdfWeighting {
  /** The rarity of a word only one clause has (the most a word in some clause reaches). */
  max: number;
  /** What a word no clause has weighs, against 1 for the rarest word some clause has. */
  unseen: number;
  /** What the commonest word weighs (a word every clause has still names something). */
  least: number;
}

function idfFactor(rarity: number, idf: IdfWeighting | undefined): number {
  if (!idf) return 1;
  if (rarity <= 0) return idf.unseen;
  return idf.least + (1 - idf.least) * Math.min(1, rarity / idf.max);
}

/** Chinese and English put a noun's modifiers before it. Where words the clause lacks stand
 * right before words it has, in one phrase ("知识产权|质押贷款贴息", "patent|pledge loan",
 * "养老|服务"), they name another kind of the thing the clause offers: the clause's
 * words there count as one word, and so do the missing ones, however the segmenter split
 * them. Missing words after the ones the clause has ("数据中心 | 外省客户") are left as they are. */
function modifierWeights(units: ContentUnit[], coverages: number[]): number[] {
  const weights = units.map((u) => u.weight);
  // Most clauses have no missing word right before one they have: nothing to do (`ask` runs
  // this three times for every clause).
  let any = false;
  for (let i = 0; i + 1 < units.length && !any; i++)
    any =
      units[i]?.phrase === units[i + 1]?.phrase &&
      (coverages[i] ?? 0) < 0.5 &&
      (coverages[i + 1] ?? 0) >= 0.5;
  if (!any) return weights;
  const runs: { phrase: number; covered: boolean; members: number[] }[] = [];
  for (const [i, unit] of units.entries()) {
    const covered = (coverages[i] ?? 0) >= 0.5;
    const last = runs.at(-1);
    if (last && last.phrase === unit.phrase && last.covered === covered) last.members.push(i);
    else runs.push({ phrase: unit.phrase, covered, members: [i] });
  }
  const collapse = (members: number[]) => {
    const sum = members.reduce((s, i) => s + (units[i]?.weight ?? 0), 0);
    const most = Math.max(...members.map((i) => units[i]?.weight ?? 0));
    for (const i of members) weights[i] = ((units[i]?.weight ?? 0) * most) / sum;
  };
  for (let r = 0; r + 1 < runs.length; r++) {
    const [before, after] = [runs[r], runs[r + 1]];
    if (!before || !after || before.covered || !after.covered || before.phrase !== after.phrase) continue;
    // A lone character before a noun is a verb or preposition ("用数据资产入股"), not a kind.
    if (before.members.every((i) => (units[i]?.weight ?? 0) < 1)) continue;
    // Nor is an English word in -ing or -ed right before it ("exporting data", "booked data").
    const last = units[before.members.at(-1) ?? -1];
    if (last && !last.han && /(ing|ed)$/.test(last.text)) continue;
    collapse(before.members);
    collapse(after.members);
  }
  return weights;
}

function unitCoverage(unit: ContentUnit, clause: ClauseEvidence, shared: ConceptMatch[]): number {
  let best = 0;
  if (unit.han) {
    unit.pairs ??= bigrams(unit.text);
    const pairs = unit.pairs;
    let found = 0;
    for (const pair of pairs) if (clause.chinese.includes(pair)) found++;
    best = found / pairs.length;
    for (const c of shared) {
      if (!c.substring) continue;
      if (c.substring.includes(unit.text)) return 1;
      if (unit.text.includes(c.substring)) best = Math.max(best, c.substring.length / unit.text.length);
    }
    return best;
  }
  if (clause.words.has(unit.text)) return 1;
  if (shared.some((c) => sameWord(unit, c))) return 1;
  // A word inside a shared concept's hyphenated term ("city-level", "cross-border").
  if (shared.some((c) => c.substring?.split(/[^a-z0-9]+/).includes(unit.text))) return 1;
  const forms = unit.stem === undefined ? undefined : clause.stems.get(unit.stem);
  if (!forms || unit.stem === undefined) return 0;
  // Two inflected or derived forms of one stem ("authorisation", "authorised") are one word;
  // only a bare word ("park" beside "parking") may be another word's root by accident.
  const stemmed = unit.stem;
  const inflected = unit.text !== stemmed && unit.text.length > stemmed.length;
  let credit = 0;
  for (const w of forms) {
    if (agentPair(unit.text, w)) continue;
    credit = Math.max(credit, inflected && !agentPair(w, unit.text) ? 1 : STEM_CREDIT);
  }
  return credit;
}

/** A concept's English word meets the question's word through its stem, unless the concept
 * word is its own stem and the question's is longer: "park" is not "parking". A phrase
 * matched whole is safe from that ("setting up" is "set up"). */
function sameWord(unit: ContentUnit, match: ConceptMatch): boolean {
  const at = unit.stem === undefined ? -1 : (match.stems?.indexOf(unit.stem) ?? -1);
  if (at < 0) return false;
  const word = lightForm(match.words?.[at] ?? "");
  if (word === unit.text) return true;
  // "compute" (a concept's word) is not "computers".
  if (agentPair(unit.text, word)) return false;
  return stem(word) !== word || (match.stems?.length ?? 0) > 1;
}

/** Overlapping character pairs; a single character stands for itself. */
function bigrams(text: string): string[] {
  if (text.length < 2) return [text];
  const pairs: string[] = [];
  for (let i = 0; i + 2 <= text.length; i++) pairs.push(text.slice(i, i + 2));
  return pairs;
}

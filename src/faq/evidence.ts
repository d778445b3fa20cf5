/**
 * Whether a clause answers a question the way a reader would judge it: the question's own
 * content words must be in the clause, directly or through a synonym concept both share.
 * Words that only say the asker wants money or help (补贴, 支持, 企业, subsidy), question
 * words and "how do I apply" words are not content: every clause has them, so sharing them
 * is no evidence ("停车场补贴" shares 补贴 with half the clauses and is about none).
 */
import { type ConceptMatch, EN_STOP, HAN, normalize, segmenter, stem, ZH_STOP } from "./analyzer.ts";

/** A word list compiled for matching: Chinese phrases as substrings, single Chinese
 * characters only as whole words (区 alone, not inside 集聚区), English as stems. */
export interface WordList {
  phrases: string[];
  chars: Set<string>;
  stems: Set<string>;
}

export function compileWords(words: string[]): WordList {
  const list: WordList = { phrases: [], chars: new Set(), stems: new Set() };
  for (const raw of words) {
    const word = normalize(raw).trim();
    if (!HAN.test(word)) list.stems.add(stem(word));
    else if (word.length === 1) list.chars.add(word);
    else list.phrases.push(word);
  }
  list.phrases.sort((a, b) => b.length - a.length);
  return list;
}

export interface ContentUnit {
  /** Chinese characters, or an English word lightly stemmed (lightForm). */
  text: string;
  /** An English word's Porter stem, as synonym concepts match it. */
  stem?: string;
  han: boolean;
  /** How much the unit counts: a single character or a number says less than a word. */
  weight: number;
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
    for (const phrase of list.phrases) text = text.replaceAll(phrase, " ");
  const units: ContentUnit[] = [];
  let chars = "";
  const flush = () => {
    if (chars) units.push({ text: chars, han: true, weight: chars.length === 1 ? 0.5 : 1 });
    chars = "";
  };
  let asksHowEn = false;
  for (const part of segmenter.segment(text)) {
    const word = part.segment;
    if (!part.isWordLike) {
      flush();
      continue;
    }
    if (HAN.test(word)) {
      const bare = word.replace(EDGE_CHARS, "");
      if (!bare || ZH_STOP.has(bare) || generic.chars.has(bare) || procedural.chars.has(bare)) flush();
      else if (bare.length === 1) chars += bare;
      else {
        flush();
        units.push({ text: bare, han: true, weight: 1 });
      }
      continue;
    }
    flush();
    const stemmed = /^\d/.test(word) ? word : stem(word);
    if (procedural.stems.has(stemmed)) asksHowEn = true;
    if (
      EN_STOP.has(word) ||
      EN_STOP.has(stemmed) ||
      generic.stems.has(stemmed) ||
      procedural.stems.has(stemmed)
    )
      continue;
    units.push({ text: lightForm(word), stem: stemmed, han: false, weight: /^\d/.test(word) ? 0.5 : 1 });
  }
  flush();
  return { units, procedural: asksHow || asksHowEn, text: units.map((u) => u.text).join(" ") };
}

/** A word that meets the clause only through its Porter stem is probably the same word
 * ("implementing", "implementation") but may not be ("parking", "park"). */
const STEM_CREDIT = 0.6;

/** Particles a colloquial question wraps around its words ("投了", "从三级", "印发后"). */
const EDGE_CHARS = /^[了的从把被在对向到]+|[了的后过着]+$/g;

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
  /** Porter stems: "interpreting" meets "interpreted", for part credit only. */
  stems: Set<string>;
  concepts: Set<string>;
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
  return units.map((unit) => unitCoverage(unit, clause, shared));
}

/** Sums one clause's unit coverages; `rarity[i]` says how few clauses cover unit i at all
 * (0 for a word every clause has, like 数据), so `specific` is the most telling covered word. */
export function coverage(units: ContentUnit[], coverages: number[], rarity: number[]): Coverage {
  let total = 0;
  let covered = 0;
  let specific = 0;
  for (const [i, unit] of units.entries()) {
    const c = coverages[i] ?? 0;
    total += unit.weight;
    covered += unit.weight * c;
    specific = Math.max(specific, unit.weight * c * (rarity[i] ?? 0));
  }
  return { share: total === 0 ? 1 : covered / total, covered, missing: total - covered, specific };
}

function unitCoverage(unit: ContentUnit, clause: ClauseEvidence, shared: ConceptMatch[]): number {
  let best = 0;
  if (unit.han) {
    const pairs = bigrams(unit.text);
    best = pairs.filter((pair) => clause.chinese.includes(pair)).length / pairs.length;
    for (const c of shared) {
      if (!c.substring) continue;
      if (c.substring.includes(unit.text)) return 1;
      if (unit.text.includes(c.substring)) best = Math.max(best, c.substring.length / unit.text.length);
    }
    return best;
  }
  if (clause.words.has(unit.text)) return 1;
  if (shared.some((c) => sameWord(unit, c))) return 1;
  return unit.stem !== undefined && clause.stems.has(unit.stem) ? STEM_CREDIT : 0;
}

/** A concept's English word meets the question's word through its stem, unless the concept
 * word is its own stem and the question's is longer: "park" is not "parking". */
function sameWord(unit: ContentUnit, match: ConceptMatch): boolean {
  const at = unit.stem === undefined ? -1 : (match.stems?.indexOf(unit.stem) ?? -1);
  if (at < 0) return false;
  const word = lightForm(match.words?.[at] ?? "");
  return word === unit.text || stem(word) !== word;
}

/** Overlapping character pairs; a single character stands for itself. */
function bigrams(text: string): string[] {
  if (text.length < 2) return [text];
  const pairs: string[] = [];
  for (let i = 0; i + 2 <= text.length; i++) pairs.push(text.slice(i, i + 2));
  return pairs;
}

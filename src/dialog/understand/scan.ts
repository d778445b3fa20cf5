/**
 * Finds the vocabulary's phrases in a `norm`ed text, leftmost first and the longest phrase at
 * each place ("市级重点实验室" is "市级" + "重点实验室"; "数据研究院" is not "研究院"), never
 * overlapping. English phrases match on word edges, with plurals and simple inflections.
 */
import type { Phrase, Target, Vocabulary } from "./vocab.ts";

export interface Mention {
  start: number;
  end: number;
  text: string;
  targets: Target[];
}

const LATIN = /[a-z0-9]/;
const isLatin = (ch: string | undefined) => ch !== undefined && LATIN.test(ch);
const INFLECTION = /^(?:s|es|ed|d)(?![a-z0-9])/;

/** Phrases by their first character, longest first: each place of a text tries only its own. */
const byFirst = new WeakMap<Vocabulary, Map<string, Phrase[]>>();

function index(vocabulary: Vocabulary): Map<string, Phrase[]> {
  let map = byFirst.get(vocabulary);
  if (!map) {
    map = new Map();
    for (const phrase of vocabulary.phrases) {
      const first = phrase.text[0] as string;
      const list = map.get(first) ?? [];
      list.push(phrase);
      map.set(first, list);
    }
    byFirst.set(vocabulary, map);
  }
  return map;
}

export function scan(s: string, vocabulary: Vocabulary): Mention[] {
  const phrases = index(vocabulary);
  const found: Mention[] = [];
  let at = 0;
  while (at < s.length) {
    const end = matchAt(s, at, phrases.get(s[at] as string));
    if (end === null) {
      at++;
      continue;
    }
    found.push({ start: at, end: end.end, text: s.slice(at, end.end), targets: end.phrase.targets });
    at = end.end;
  }
  return found;
}

function matchAt(
  s: string,
  at: number,
  candidates: Phrase[] | undefined,
): { end: number; phrase: Phrase } | null {
  if (!candidates) return null;
  const wordStart = !isLatin(s[at - 1]);
  for (const phrase of candidates) {
    const { text } = phrase;
    if (!s.startsWith(text, at)) continue;
    if (isLatin(text[0]) && !wordStart) continue;
    let end = at + text.length;
    if (isLatin(text[text.length - 1]) && isLatin(s[end])) {
      const tail = INFLECTION.exec(s.slice(end, end + 4));
      if (!tail || /[0-9]$/.test(text)) continue;
      end += tail[0].length;
    }
    return { end, phrase };
  }
  return null;
}

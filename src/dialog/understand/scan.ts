/**
 * Finds the vocabulary's phrases in a `norm`ed text, leftmost first and the longest phrase at
 * each place ("市级重点实验室" is "市级" + "重点实验室"; "数据研究院" is not "研究院"), never
 * overlapping. English phrases match on word edges, with plurals and simple inflections. A phrase
 * written with a gap ("突破…关键技术") matches its two parts a few characters apart in one clause.
 */
import type { Phrase, Target, Vocabulary } from "./vocab.ts";

export interface Mention {
  start: number;
  end: number;
  text: string;
  targets: Target[];
  /** Something money figures measure that is no fact ("奖金"): see `Phrase.measures`. */
  measures?: true;
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
    const end = matchAt(s, at, phrases.get(s[at] as string), phrases);
    if (end === null) {
      at++;
      continue;
    }
    const mention: Mention = {
      start: at,
      end: end.end,
      text: s.slice(at, end.end),
      targets: end.phrase.targets,
    };
    if (end.phrase.measures) mention.measures = true;
    found.push(mention);
    at = end.end;
  }
  return found;
}

function matchAt(
  s: string,
  at: number,
  candidates: Phrase[] | undefined,
  phrases?: Map<string, Phrase[]>,
): { end: number; phrase: Phrase } | null {
  if (!candidates) return null;
  const wordStart = !isLatin(s[at - 1]);
  for (const phrase of candidates) {
    const { text } = phrase;
    if (!s.startsWith(text, at)) continue;
    if (isLatin(text[0]) && !wordStart) continue;
    let end = at + text.length;
    if (phrase.tail !== undefined) {
      const tailEnd = tailAfter(s, end, phrase.tail);
      if (tailEnd === null || (phrases && namesAFact(s, end, tailEnd - phrase.tail.length, phrases)))
        continue;
      return { end: tailEnd, phrase };
    }
    if (isLatin(text[text.length - 1]) && isLatin(s[end])) {
      const tail = INFLECTION.exec(s.slice(end, end + 4));
      if (!tail || /[0-9]$/.test(text)) continue;
      end += tail[0].length;
    }
    return { end, phrase };
  }
  return null;
}

/** How far a gapped phrase's two parts may stand apart ("突破了[大模型训练数据清洗的]关键技术"). */
const MAX_GAP = 16;
/** What ends the clause a gap must stay in, or negates what follows ("数据资产还没登记" is no "数据资产…登记"). */
const GAP_BREAK =
  /[。；;！!？?\n，,、:：]|\s(?:but|and|while|whereas)\s|但|不过|而且|并且|另外|没|未|不|无|非|\b(?:not|never|no|yet)\b|n't/;

/** Where `tail` ends when it follows `from` within the gap and the same clause (on word edges when Latin). */
function tailAfter(s: string, from: number, tail: string): number | null {
  if (isLatin(s[from]) && isLatin(s[from - 1])) return null;
  const window = s.slice(from, from + MAX_GAP + tail.length);
  for (let i = window.indexOf(tail); i >= 0; i = window.indexOf(tail, i + 1)) {
    if (i > MAX_GAP) return null;
    if (GAP_BREAK.test(window.slice(0, i))) return null;
    const end = from + i + tail.length;
    if (isLatin(tail[0]) && isLatin(s[from + i - 1])) continue;
    if (isLatin(tail[tail.length - 1]) && isLatin(s[end])) {
      const inflection = INFLECTION.exec(s.slice(end, end + 4));
      if (!inflection) continue;
      return end + inflection[0].length;
    }
    return end;
  }
  return null;
}

/** Whether a gap holds a fact's own word ("数据资产[作价入股]…登记" is the contribution, not a
 * registration): a gap is for the verb's object, never for something else the text states. */
function namesAFact(s: string, from: number, to: number, phrases: Map<string, Phrase[]>): boolean {
  for (let i = from; i < to; i++) {
    const found = matchAt(
      s,
      i,
      phrases.get(s[i] as string)?.filter((p) => p.tail === undefined),
    );
    if (!found || found.end > to) continue;
    if (found.phrase.targets.some((t) => t.kind !== "district" && !("area" in t && t.area))) return true;
  }
  return false;
}

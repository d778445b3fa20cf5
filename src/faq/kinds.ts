/**
 * Questions about the documents themselves rather than a benefit: who interprets them or
 * whom to ask, when they take effect, how long they last, whether they change with national
 * or city policy ("closing", answered by each document's closing text), and whom they apply
 * to ("scope", answered by the clauses data/faq.json lists for it). The cue words are data
 * (data/faq.json `kinds`). A strong cue (有效期, interpret) is enough; a weak one (谁, 几年,
 * 调整, who, change) only counts when the question is about the measures, naming a district
 * or a word for the document (措施, rules): "你是谁" and "社保政策调整了吗" are not about them.
 */
import { HAN, normalize, piecesOf, stem } from "./analyzer.ts";

export type QuestionKind = "closing" | "scope";

export interface KindCues {
  cues: string[];
  weak: string[];
}

interface Cue {
  /** Chinese: the phrase; English: the words' stems. */
  han?: string;
  stems?: string[];
}

interface CompiledKind {
  kind: QuestionKind;
  strong: Cue[];
  weak: Cue[];
}

export interface KindReading {
  kind?: QuestionKind;
  /** The question with the matched kind's cues taken out, for reading what else it asks. */
  rest: string;
}

const compileCue = (raw: string): Cue => {
  const text = normalize(raw).trim();
  return HAN.test(text) ? { han: text.replace(/\s+/g, "") } : { stems: text.split(/\s+/).map(stem) };
};

export function createKindReader(
  kinds: Partial<Record<QuestionKind, KindCues>>,
  subject: string[],
): (question: string, namesDistrict: boolean) => KindReading {
  // Scope first: "谁可以申请" is about whom the measures are for, not whom to ask.
  const compiled: CompiledKind[] = (["scope", "closing"] as const).flatMap((kind) => {
    const k = kinds[kind];
    return k ? [{ kind, strong: k.cues.map(compileCue), weak: k.weak.map(compileCue) }] : [];
  });
  const subjects = subject.map(compileCue);
  return (question, namesDistrict) => {
    const text = normalize(question);
    if (compiled.length === 0) return { rest: text };
    const words = wordsOf(text);
    const about = namesDistrict || subjects.some((c) => spans(text, words, c).length > 0);
    for (const { kind, strong, weak } of compiled) {
      const found = [...strong, ...(about ? weak : [])].flatMap((c) => spans(text, words, c));
      if (found.length === 0) continue;
      return { kind, rest: blank(text, found) };
    }
    return { rest: text };
  };
}

interface Word {
  text: string;
  stem: string;
  start: number;
  end: number;
  han: boolean;
}

function wordsOf(text: string): Word[] {
  const words: Word[] = [];
  for (const part of piecesOf(text)) {
    if (!part.isWordLike) continue;
    const han = HAN.test(part.segment);
    words.push({
      text: part.segment,
      stem: han ? part.segment : stem(part.segment),
      start: part.index,
      end: part.index + part.segment.length,
      han,
    });
  }
  return words;
}

/** Where a cue occurs: a Chinese phrase anywhere (a single character only as a whole word:
 * 改 alone, not inside 改革); English words as consecutive whole words by stem. */
function spans(text: string, words: Word[], cue: Cue): [number, number][] {
  const found: [number, number][] = [];
  if (cue.han !== undefined) {
    if (cue.han.length === 1) {
      for (const w of words) if (w.text === cue.han) found.push([w.start, w.end]);
      return found;
    }
    for (let at = text.indexOf(cue.han); at >= 0; at = text.indexOf(cue.han, at + 1))
      found.push([at, at + cue.han.length]);
    return found;
  }
  const stems = cue.stems ?? [];
  for (let i = 0; i + stems.length <= words.length; i++) {
    if (stems.every((s, j) => !words[i + j]?.han && words[i + j]?.stem === s))
      found.push([words[i]?.start ?? 0, words[i + stems.length - 1]?.end ?? 0]);
  }
  return found;
}

function blank(text: string, found: [number, number][]): string {
  let out = "";
  let last = 0;
  for (const [start, end] of [...found].sort((a, b) => a[0] - b[0])) {
    if (start < last) {
      last = Math.max(last, end);
      continue;
    }
    out += `${text.slice(last, start)} | `;
    last = end;
  }
  return out + text.slice(last);
}

/** Finds the vocabulary's phrases in a `norm`ed text: longest first, never overlapping. */
import type { Target, Vocabulary } from "./vocab.ts";

export interface Mention {
  start: number;
  end: number;
  text: string;
  targets: Target[];
}

const LATIN = /[a-z0-9]/;
const isLatin = (ch: string | undefined) => ch !== undefined && LATIN.test(ch);

export function scan(s: string, vocabulary: Vocabulary): Mention[] {
  const taken = new Uint8Array(s.length);
  const found: Mention[] = [];
  for (const phrase of vocabulary.phrases) {
    const { text } = phrase;
    const latinStart = isLatin(text[0]);
    const latinEnd = isLatin(text[text.length - 1]);
    for (let at = s.indexOf(text); at !== -1; at = s.indexOf(text, at + 1)) {
      let end = at + text.length;
      if (latinStart && isLatin(s[at - 1])) continue;
      if (latinEnd && isLatin(s[end])) {
        // Plurals and simple inflections of an English word: "labs", "incubators", "fees".
        const tail = /^(?:s|es|ed|d)(?![a-z0-9])/.exec(s.slice(end));
        if (!tail || /[0-9]$/.test(text)) continue;
        end += tail[0].length;
      }
      let free = true;
      for (let i = at; i < end; i++) if (taken[i]) free = false;
      if (!free) continue;
      taken.fill(1, at, end);
      found.push({ start: at, end, text: s.slice(at, end), targets: phrase.targets });
    }
  }
  return found.sort((a, b) => a.start - b.start);
}

/**
 * One spelling for the many ways people type the same text, so every reader (words, numbers,
 * hedges) works on a single string and positions in it stay comparable: Traditional Chinese
 * characters to Simplified (OpenCC's table, so "我們是石景山的數據公司" reads as the vocabulary in
 * data/ is written), full-width forms to half-width (NFKC), lower case, curly quotes straight,
 * British spellings American, spaces single.
 */
import { Converter } from "opencc-js/t2cn";

/** Traditional (any region) to mainland Simplified; a no-op on text already Simplified. */
const toSimplified = Converter({ from: "t", to: "cn" });
/** Characters outside the CJK blocks are never converted: ASCII-only text skips the table. */
const HAS_HAN = /[\u3400-\u9fff\uf900-\ufaff]/;

const SPELLINGS: [RegExp, string][] = [
  [/recognis/g, "recogniz"],
  [/organis/g, "organiz"],
  [/authoris/g, "authoriz"],
  [/centre/g, "center"],
  [/labell/g, "label"],
  [/programme/g, "program"],
];

export function norm(text: string): string {
  let s = (HAS_HAN.test(text) ? toSimplified(text) : text)
    .normalize("NFKC")
    .toLowerCase()
    .replace(/[’‘`´]/g, "'")
    .replace(/[“”]/g, '"');
  for (const [from, to] of SPELLINGS) s = s.replace(from, to);
  // "3.2 亿元": a space between a figure and its Chinese unit is not a break.
  return s
    .replace(/\s+/g, " ")
    .replace(/(\d) (?=[万亿萬億千百])/g, "$1")
    .replace(/([a-z])-(?=\d)/g, "$1 ")
    .trim();
}

/** `norm` without the punctuation that closes or decorates a short answer ("是的。", "yes!"). */
export function bareNorm(text: string): string {
  return norm(text)
    .replace(/^[\s"'「」『』【】()[\]]+|[\s"'「」『』【】()[\]。.!！~…,，;；:：]+$/g, "")
    .trim();
}

const HAN = /\p{Script=Han}/u;
export const isHan = (ch: string) => HAN.test(ch);

/** Whether position `i` of `s` is not inside a Latin word (for matching English words on their edges). */
export const latinEdge = (s: string, i: number) => i < 0 || i >= s.length || !/[a-z0-9]/.test(s[i] as string);

/** The sentence each position of `s` is in (counted from 0), so "same sentence" costs nothing to ask. */
export function sentenceIds(s: string): Int32Array {
  const ids = new Int32Array(s.length + 1);
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    ids[i] = n;
    // A full stop before a space ends an English sentence; one inside "1.5" does not.
    if (SENTENCE_ENDS.has(s[i] as string) || (s[i] === "." && s[i + 1] === " ")) n++;
  }
  ids[s.length] = n;
  return ids;
}

/** Where a sentence ends; a comma does not end what is said about a thing. */
export const SENTENCE_END = /[。；;！!？?\n]/;
const SENTENCE_ENDS = new Set(["。", "；", ";", "！", "!", "？", "?", "\n"]);

/** Yes / no answers in Chinese and English ("是的", "没有", "yep", "nope"). */

import { isUnknown } from "./intent.ts";
import { bare } from "./normalize.ts";

const NO_WORDS = new Set([
  "no",
  "n",
  "nope",
  "nah",
  "not",
  "false",
  "none",
  "never",
  "negative",
  "not yet",
  "no way",
  "not really",
]);
const YES_WORDS = new Set([
  "yes",
  "y",
  "yep",
  "yeah",
  "yea",
  "yup",
  "sure",
  "true",
  "ok",
  "okay",
  "correct",
  "right",
  "of course",
  "certainly",
  "affirmative",
  "indeed",
  "absolutely",
  "definitely",
]);
// Chinese answers often go on after the word ("没有，还在建"), so the opening decides.
const NO_OPENINGS = [
  "不是",
  "不对",
  "不",
  "没有",
  "没",
  "无",
  "否",
  "未",
  "尚未",
  "还没",
  "暂无",
  "暂时没",
  "并没",
];
// Openings that look like "no" but agree ("没错" = that's right).
const YES_DESPITE_NO = ["没错", "没问题", "不错", "无误"];
const YES_OPENINGS = [
  "是",
  "有",
  "对",
  "嗯",
  "好",
  "已",
  "当然",
  "确定",
  "肯定",
  "对的",
  "可以",
  "入选",
  "通过",
  "获得",
];

/** true for yes, false for no, null when the text is neither (or says "don't know"). */
export function parseYesNo(text: string): boolean | null {
  const answer = bare(text);
  if (answer === "" || isUnknown(answer)) return null;
  const firstWords = answer
    .replace(/[,，.。!！;；]/g, " ")
    .split(" ")
    .filter(Boolean);
  const [first] = firstWords;
  const firstTwo = firstWords.slice(0, 2).join(" ");
  if (NO_WORDS.has(answer) || NO_WORDS.has(firstTwo) || (first && NO_WORDS.has(first))) return false;
  if (YES_WORDS.has(answer) || YES_WORDS.has(firstTwo) || (first && YES_WORDS.has(first))) return true;
  if (YES_DESPITE_NO.some((w) => answer.startsWith(w))) return true;
  if (NO_OPENINGS.some((w) => answer.startsWith(w))) return false;
  if (YES_OPENINGS.some((w) => answer.startsWith(w))) return true;
  return null;
}

const PLAIN_NO_ZH = new Set([
  "没有",
  "没",
  "无",
  "否",
  "不",
  "还没有",
  "还没",
  "暂无",
  "尚无",
  "没有的",
  "没有呢",
  "都没有",
  "一个也没有",
]);

/** A bare "no" / "none" with nothing after it: to a "how much" or "how many" question it means 0.
 * Stricter than `parseYesNo`, whose Chinese openings would read "不少" (quite a lot) as no. */
export function isPlainNo(text: string): boolean {
  const answer = bare(text);
  return PLAIN_NO_ZH.has(answer) || NO_WORDS.has(answer);
}

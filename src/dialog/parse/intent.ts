/** What kind of message a text is, apart from an answer: "don't know", or a question to the FAQ. */
import { bare, fold } from "./normalize.ts";

const UNKNOWN = [
  "不知道",
  "不清楚",
  "不确定",
  "不太清楚",
  "不了解",
  "不好说",
  "说不清",
  "说不准",
  "跳过",
  "略过",
  "待定",
  "未知",
  "skip",
  "pass",
  "unknown",
  "idk",
  "dunno",
  "not sure",
  "unsure",
  "no idea",
  "don't know",
  "dont know",
  "do not know",
  "i don't know",
  "i dont know",
  "not known",
  "n/a",
];

/** Said inside a short reply ("不是很清楚", "我也不知道"), these still mean "don't know". */
const UNKNOWN_INSIDE = /(不.{0,2}(知道|清楚|确定|了解)|说不(清|准)|not sure|don't know|dont know|no idea)/;
/** Longer than this, a message that mentions not knowing is about something else. */
const SHORT_REPLY = 16;

export function isUnknown(text: string): boolean {
  const answer = bare(text).replace(/[’`]/g, "'");
  if (answer.length <= SHORT_REPLY && UNKNOWN_INSIDE.test(answer)) return true;
  return UNKNOWN.some(
    (w) => answer === w || (w.length >= 2 && answer.startsWith(w) && answer.length <= w.length + 4),
  );
}

const QUESTION_WORDS_ZH =
  /(请问|什么|怎么|怎样|如何|哪些|哪个|哪里|哪儿|为什么|为啥|多少钱|能否|能不能|可不可以|是否可以|有没有|有哪些|是不是|咨询)/;
// Not "呢": "还没有呢" answers; a question ending in 呢 has a question word anyway.
const QUESTION_ENDINGS_ZH = /(吗|么|多少|几何)$/;
const QUESTION_OPENINGS_EN =
  /^(what|how|which|who|where|when|why|can|could|does|do|is|are|will|would|should|tell me|explain)\b/;

/** A message that asks something rather than answers: a question mark, or question words. */
export function looksLikeQuestion(text: string): boolean {
  const folded = fold(text);
  if (/[?？]/.test(folded)) return true;
  const answer = bare(folded);
  if (QUESTION_WORDS_ZH.test(answer) || QUESTION_ENDINGS_ZH.test(answer)) return true;
  return QUESTION_OPENINGS_EN.test(answer) && answer.split(" ").length >= 3;
}

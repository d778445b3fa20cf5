/** What kind of message a text is, apart from an answer: "don't know", or a question to the FAQ. */
import { saysUnknown } from "./hedges.ts";
import { bareNorm, norm } from "./normalize.ts";

/** Longer than this, a message that mentions not knowing is about something else (a description). */
const SHORT_REPLY = 24;

/** A reply that says "I don't know" (any of its forms: "没印象", "说不准", "no idea", "skip"). */
export function isUnknown(text: string): boolean {
  const answer = bareNorm(text);
  return answer.length > 0 && answer.length <= SHORT_REPLY && saysUnknown(answer);
}

const QUESTION_WORDS_ZH =
  /(请问|什么|怎么|怎样|如何|哪些|哪个|哪里|哪儿|为什么|为啥|多少钱|能否|能不能|可不可以|是否可以|有没有|有哪些|是不是|咨询)/;
// Not "呢": "还没有呢" answers; a question ending in 呢 has a question word anyway.
const QUESTION_ENDINGS_ZH = /(吗|么|多少|几何)$/;
const QUESTION_OPENINGS_EN =
  /^(what|how|which|who|where|when|why|can|could|does|do|is|are|will|would|should|tell me|explain)\b/;

/** A message that asks something rather than answers: a question mark, or question words. */
export function looksLikeQuestion(text: string): boolean {
  const folded = norm(text);
  if (/[?？]/.test(folded)) return true;
  const answer = bareNorm(folded);
  if (QUESTION_WORDS_ZH.test(answer) || QUESTION_ENDINGS_ZH.test(answer)) return true;
  return QUESTION_OPENINGS_EN.test(answer) && answer.split(" ").length >= 3;
}

/**
 * A message that corrects the answer just read back, without naming it: "不对，是5000万",
 * "说错了，有的", "sorry, I meant 50 million", "no wait, it was 1.5 million". A correction word
 * comes first; what follows is read as an answer to the last question answered (or to the facts
 * the last description or statement gave, latest first). The first of those it reads as a
 * different answer for is changed and said so, and the conversation goes on from there: the
 * open question again if it is still needed, the result again after a result. A message that
 * names its fact is statements.ts's; anything else is the open question's answer as before.
 */

import { isDeepStrictEqual } from "node:util";
import { unitsOn } from "../render/units.ts";
import { describeValue, interpretText, labelOf } from "./questions.ts";
import { type DialogState, getPath, type HistoryEntry } from "./state.ts";
import { askAgain, keptDetails } from "./statements.ts";
import { type ReducerContext, record, type Step } from "./steps.ts";
import { TEXT } from "./text.ts";

/** Words that say the last answer was wrong (one or more, in front). "不是" is left out: it is
 * also a plain "no" to the open question ("不是，还在建"). */
const CORRECTION =
  /^(?:(?:刚才|刚刚|上一题|上一个|前面|之前)?(?:那个|那题|那道题|的)?我?(?:说|写|填|打|输|选|答|搞|弄)?错了|不对|更正一下|更正|纠正一下|纠正|改一下|改成|改为|应改为|wrong|that'?s wrong|that is wrong|that'?s not right|not right|i made a mistake|made a mistake|typo|i mistyped|mistyped|i misspoke|scratch that|oops|my mistake|my bad|correction|no wait|i meant|i mean|that should be|should be|make that|actually|等等|等一下|等下|hang on|hold on|wait)(?=$|[^a-z])[\s,，.。:：!！、;；-]*/i;
/** Politeness that may come with a correction but is not one ("sorry, no idea" answers the open
 * question). */
const POLITE = /^(?:抱歉|不好意思|对不起|哦|噢|嗯|啊|sorry|oh|um|hmm)(?=$|[^a-z])[\s,，.。:：!！、;；-]*/i;
/** "Actually", "wait", "等等" may also begin a plain answer to a yes/no question ("actually yes", "actually we
 * haven't"): there it is a correction only when what follows does not answer the open question. */
const WEAK = /^(?:actually|等等|等一下|等下|hang on|hold on|wait)$/i;
/** A figure in the message: then it does not answer a yes/no question ("等等，应该是两个亿"). */
const FIGURE = /[0-9零一二两三四五六七八九十百千万亿]/;

/** The message without its correction words and whether a weak one was all of them, or undefined
 * when it does not start with one. */
export function correctionBody(text: string): { body: string; weak: boolean } | undefined {
  let rest = text.trim();
  const words: string[] = [];
  for (;;) {
    const match = CORRECTION.exec(rest) ?? POLITE.exec(rest);
    if (!match || match[0].length === 0) break;
    if (CORRECTION.test(rest)) words.push(match[0].replace(/[\s,，.。:：!！、;；-]+$/, ""));
    rest = rest.slice(match[0].length);
  }
  if (words.length === 0) return undefined;
  return { body: rest, weak: words.every((w) => WEAK.test(w)) };
}

export function takeCorrection(state: DialogState, text: string, ctx: ReducerContext): Step | undefined {
  const found = correctionBody(text);
  if (!found?.body) return undefined;
  const { body } = found;
  const open = state.pending?.kind === "fact" ? state.pending.path : undefined;
  const yesNo = open !== undefined && ctx.set.facts.get(open)?.type === "boolean";
  const answersOpen =
    yesNo &&
    !FIGURE.test(body) &&
    interpretText(ctx.set, open, body, state.lang, state).kind !== "unreadable";
  if (found.weak && answersOpen) return undefined;
  for (const entry of lastAnswers(state)) {
    const meaning = interpretText(ctx.set, entry.path, body, state.lang, state);
    if (meaning.kind === "unreadable") continue;
    const now = getPath(state.profile, entry.path);
    const value =
      meaning.kind === "value"
        ? keptDetails(ctx, entry.path, now, meaning.value)
        : meaning.kind === "none"
          ? null
          : undefined;
    const same =
      value === undefined
        ? state.skipped.includes(entry.path)
        : value === null
          ? state.none.includes(entry.path)
          : isDeepStrictEqual(now, value);
    if (same) continue;
    const recorded = record({ ...state, pending: null }, entry.path, value, ctx);
    if (typeof recorded === "string") continue;
    // The corrected answer keeps its place in the count: not a new question answered.
    const history = recorded.history.map((h, i) =>
      i === recorded.history.length - 1 ? { ...h, ...(entry.stated ? { stated: true } : {}) } : h,
    );
    const { counted: _, ...rest } = { ...recorded, history };
    const t = TEXT[state.lang];
    const shown =
      value === undefined
        ? t.skippedValue
        : value === null
          ? t.none
          : describeValue(ctx.set, entry.path, value, state.lang, unitsOn(ctx.channel));
    return askAgain(rest, ctx, {
      kind: "text",
      text: t.corrected(labelOf(ctx.set, entry.path, state.lang), shown),
      joins: true,
    });
  }
  return undefined;
}

/** The answers a correction may mean, latest first: back to the last question asked, and the
 * facts stated since (a description's or a statement's). Each fact once. */
function lastAnswers(state: DialogState): HistoryEntry[] {
  const out: HistoryEntry[] = [];
  const seen = new Set<string>();
  for (let i = state.history.length - 1; i >= 0; i--) {
    const entry = state.history[i] as HistoryEntry;
    if (!seen.has(entry.path)) out.push(entry);
    seen.add(entry.path);
    if (!entry.stated) break;
  }
  return out;
}

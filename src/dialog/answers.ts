/**
 * What an answer does to the conversation: a typed message or a button read as the open
 * question's answer, ticks collected on a multi-choice question, the comparison offered to a
 * user outside the districts, the answer picked to change. The reading itself is
 * understand/'s (through questions.ts); the next question and the result are steps.ts's.
 */

import { unitsOn } from "../render/units.ts";
import { COMMAND_BUTTON } from "./command-buttons.ts";
import { earlyResult, restart } from "./commands.ts";
import { isJsonObject, takeDescription } from "./description.ts";
import { districtOf, faqReply } from "./faq.ts";
import { looksLikeQuestion, parseChoice, parseYesNo } from "./parse/index.ts";
import { plan } from "./planner.ts";
import {
  type AnswerOption,
  answerOptions,
  combine,
  DISTRICT,
  describeValue,
  type Interpretation,
  interpretText,
  pick,
} from "./questions.ts";
import type { DialogState, Pending } from "./state.ts";
import {
  answer,
  ask,
  askNext,
  compareOptions,
  editFieldOptions,
  finish,
  type ReducerContext,
  reask,
  repost,
  type Step,
  step,
} from "./steps.ts";
import { TEXT } from "./text.ts";
import type { Lang, Reply } from "./types.ts";
import { detectLang } from "./understand/index.ts";

type FactPending = Extract<Pending, { kind: "fact" }>;

export const textReply = (text: string): Reply => ({ kind: "text", text });
/** The lead-in of a restated question ("接着刚才的问题："): left out with it. */
const restating = (text: string): Reply => ({ kind: "text", text, restates: true });

/** A hint, then the open question again. */
export function unreadable(state: DialogState, hint: string, ctx: ReducerContext): Step {
  return step(state, [textReply(hint), ...reask(state, ctx)]);
}

/** The first message of a conversation that has none: a description, a question, a district. */
export function firstMessage(text: string, ctx: ReducerContext, lang: Lang): Step {
  const described = takeDescription(restart(lang, ctx).state, text, ctx);
  if (described) return described;
  if (looksLikeQuestion(text)) return firstQuestion(text, ctx, lang);
  const started = restart(lang, ctx);
  // "通州" as the very first message already answers the first question.
  const district = interpretText(ctx.set, DISTRICT, text, lang);
  if (district?.kind !== "value") return started;
  const answered = answer(started.state, DISTRICT, district.value, ctx);
  if (typeof answered === "string") return started;
  return {
    ...answered,
    replies: [...started.replies.filter((r) => r.kind === "text"), ...answered.replies],
  };
}

/** A question as the first message. In a chat app (a channel mention above all) it is answered
 * with a button to start a check, not a questionnaire nobody asked for; the console, where
 * the user came to be asked, goes on to the first question. The welcome state is kept either
 * way, so a district or a description typed next is taken as at the start. */
function firstQuestion(text: string, ctx: ReducerContext, lang: Lang): Step {
  const answer = faqReply(text, ctx.faq, ctx.set, lang, undefined, unitsOn(ctx.channel));
  if (ctx.channel === "console" || ctx.channel === undefined) return restart(lang, ctx, [answer]);
  const t = TEXT[lang];
  const offer: Reply = {
    kind: "question",
    text: t.offerCheck,
    choices: [{ id: COMMAND_BUTTON.restart, label: t.startCheck }],
    multi: false,
  };
  return { ...restart(lang, ctx), replies: [answer, offer] };
}

/** The language a first message asks for or is written in. */
export const firstLang = (text: string, ctx: ReducerContext): Lang =>
  (isJsonObject(text) ? undefined : detectLang(text)) ?? ctx.lang ?? "zh";

/** Free text that asks something: the FAQ's answer, then the open question again. */
export function faqAside(state: DialogState, text: string, ctx: ReducerContext): Step {
  const reply = faqReply(text, ctx.faq, ctx.set, state.lang, districtOf(state.profile), unitsOn(ctx.channel));
  if (!state.pending) return step(state, [reply]);
  return step(state, [reply, restating(TEXT[state.lang].backToQuestion), ...reask(state, ctx)]);
}

const PUZZLED = /^[\s?？¿]+$/;
/** A thank-you on its own ("谢谢！", "thanks a lot"): politeness, not an answer. */
const THANKS =
  /^(?:谢谢|多谢|感谢|谢了|谢啦|thanks|thank you|thx)(?:您|你|啦|了|哈|呀|a lot|so much|very much|[\s!！。.~～])*$/i;

/** An acknowledgement on its own ("好的", "嗯", "ok", "got it"): the user is listening, not
 * answering. Only where it does not already answer (to a yes/no question "嗯" is yes). */
const ACKNOWLEDGED =
  /^(?:好的?|好吧|嗯+|哦+|噢|收到|明白了?|了解了?|知道了|行|可以|ok|okay|k|got it|i see|alright|fine)(?:的|啦|了|哈|呀|吧|[\s!！。.,，~～])*$/i;

/** A typed answer to the fact question now open. */
export function typedAnswer(state: DialogState, text: string, ctx: ReducerContext): Step {
  const pending = state.pending as FactPending;
  // "？？？" to a question is puzzlement, not "don't know": the question again.
  if (PUZZLED.test(text)) return unreadable(state, TEXT[state.lang].puzzled, ctx);
  if (THANKS.test(text.trim())) return unreadable(state, TEXT[state.lang].thanked, ctx);
  const meaning = interpretText(ctx.set, pending.path, text, state.lang, state);
  if (meaning.kind === "unreadable" && ACKNOWLEDGED.test(text.trim()))
    return unreadable(state, TEXT[state.lang].acknowledged, ctx);
  return settle(state, pending.path, meaning, ctx, true);
}

/** A button on a single-choice fact question: the answer. */
export function pressAnswer(state: DialogState, key: string, ctx: ReducerContext): Step {
  const pending = state.pending as FactPending;
  const { options } = answerOptions(ctx.set, pending.path, state.lang, state);
  const option = options.find((o) => o.key === key);
  if (!option) return unreadable(state, TEXT[state.lang].staleButton, ctx);
  return settle(state, pending.path, pick(option), ctx);
}

/** A button on a multi-choice question: an option toggles (the question comes back with its
 * ticks); "none" or "don't know" answers. */
export function tick(state: DialogState, key: string, ctx: ReducerContext): Step {
  const pending = state.pending as FactPending;
  const { options } = answerOptions(ctx.set, pending.path, state.lang, state);
  const option = options.find((o) => o.key === key);
  if (!option) return unreadable(state, TEXT[state.lang].staleButton, ctx);
  if (option.special) return settle(state, pending.path, combine([option]), ctx);
  const selected = pending.selected.includes(key)
    ? pending.selected.filter((k) => k !== key)
    : [...pending.selected, key];
  const next: DialogState = { ...state, pending: { ...pending, selected } };
  // The question itself, its ticks redrawn: a chat updates the message in place, so a tick
  // adds nothing to the conversation.
  return step(next, repost(next, ctx));
}

/** "Done" on a multi-choice question: the ticked options are the answer. */
export function commitSelection(state: DialogState, ctx: ReducerContext): Step {
  const pending = state.pending;
  if (pending?.kind !== "fact" || pending.selected.length === 0)
    return unreadable(state, TEXT[state.lang].nothingSelected, ctx);
  const { options } = answerOptions(ctx.set, pending.path, state.lang, state);
  const picked: AnswerOption[] = options.filter((o) => pending.selected.includes(o.key));
  return settle(state, pending.path, combine(picked), ctx);
}

/** Applies what a message or button meant: an answer, "don't know", or a hint and the same
 * question. A typed answer is read back, so a misreading is seen and one /back away. */
function settle(
  state: DialogState,
  path: string,
  meaning: Interpretation,
  ctx: ReducerContext,
  typed = false,
): Step {
  const t = TEXT[state.lang];
  if (meaning.kind === "unreadable") return unreadable(state, meaning.hint || t.unreadable.choice, ctx);
  if (meaning.kind === "unknown" && path === DISTRICT) return unreadable(state, t.cannotSkipDistrict, ctx);
  const value = meaning.kind === "value" ? meaning.value : meaning.kind === "none" ? null : undefined;
  const answered = answer(state, path, value, ctx);
  if (typeof answered === "string") return unreadable(state, answered, ctx);
  const next = value === undefined ? resultAfterDontKnows(answered, ctx) : answered;
  if (!typed) return next;
  const shown =
    value === undefined
      ? t.skippedValue
      : value === null
        ? t.none
        : describeValue(ctx.set, path, value, state.lang, unitsOn(ctx.channel));
  const readBack: Reply = { ...textReply(t.readBack(shown)), joins: true };
  return { ...next, replies: [readBack, ...next.replies] };
}

/** Answers "don't know" in a row before the result so far is shown unasked (the questions go on). */
const DONT_KNOW_STREAK = 3;

/** Someone who does not know three answers in a row learns what is known so far, not only after
 * every question (the result the questions left would refine, then the next question). */
function resultAfterDontKnows(next: Step, ctx: ReducerContext): Step {
  const state = next.state;
  if (state.pending?.kind !== "fact" || next.replies.some((r) => r.kind === "result")) return next;
  const asked = state.history.filter((h) => !h.stated);
  const tail = asked.slice(-DONT_KNOW_STREAK - 1);
  const streak = tail.filter((h) => state.skipped.includes(h.path)).length;
  const startsNow =
    tail.length >= DONT_KNOW_STREAK &&
    tail.slice(-DONT_KNOW_STREAK).every((h) => state.skipped.includes(h.path)) &&
    streak === DONT_KNOW_STREAK &&
    !(tail.length > DONT_KNOW_STREAK && state.skipped.includes(tail[0]?.path ?? ""));
  if (!startsNow) return next;
  const shown = earlyResult(state, ctx);
  return { ...shown, replies: [...next.replies.filter((r) => r.kind === "text"), ...shown.replies] };
}

/** Outside the districts: "compare" typed or pressed evaluates as if in each; "no" ends. */
export function typedCompare(state: DialogState, text: string, ctx: ReducerContext): Step {
  const options = compareOptions(state.lang);
  const key = parseChoice(
    text,
    options.map((o) => ({ id: o.key, names: o.names })),
  );
  const yes = key ? key === "y" : parseYesNo(text);
  if (yes === null) return unreadable(state, TEXT[state.lang].unreadable.choice, ctx);
  return decideCompare(state, yes, ctx);
}

export function pressCompare(state: DialogState, key: string, ctx: ReducerContext): Step {
  return key === "y" || key === "n" ? decideCompare(state, key === "y", ctx) : step(state, reask(state, ctx));
}

function decideCompare(state: DialogState, yes: boolean, ctx: ReducerContext): Step {
  const next: DialogState = { ...state, compare: yes, pending: null };
  return yes ? askNext(next, ctx) : finish(next, ctx, [], false);
}

/** `/profile`'s question: which answer to change, typed or pressed. */
export function typedField(state: DialogState, text: string, ctx: ReducerContext): Step {
  const options = fieldOptions(state, ctx);
  // An option's id as chat --json lists it ("c" to carry on) is that option.
  const typedKey = text.trim().toLowerCase();
  const key =
    options.find((o) => o.key === typedKey)?.key ??
    parseChoice(
      text,
      options.map((o) => ({ id: o.key, names: o.names })),
    );
  if (key === null) return unreadable(state, TEXT[state.lang].unreadable.choice, ctx);
  return editField(
    state,
    options.find((o) => o.key === key),
    ctx,
  );
}

export function pressField(state: DialogState, key: string, ctx: ReducerContext): Step {
  return editField(
    state,
    fieldOptions(state, ctx).find((o) => o.key === key),
    ctx,
  );
}

const fieldOptions = (state: DialogState, ctx: ReducerContext) =>
  editFieldOptions(state, ctx.set, state.pending?.kind === "editField" ? state.pending.paths : []);

function editField(state: DialogState, option: AnswerOption | undefined, ctx: ReducerContext): Step {
  if (!option) return unreadable(state, TEXT[state.lang].staleButton, ctx);
  // A changed answer may open or close questions: the next counter starts afresh.
  const { counted: _, ...rest } = state;
  if (typeof option.value === "string") return ask(rest, option.value, ctx);
  // "No change": carry on where the conversation stood.
  const carryOn = { ...state, pending: null };
  return plan(carryOn, ctx.set).remaining.length > 0
    ? askNext(carryOn, ctx)
    : step(carryOn, [textReply(TEXT[state.lang].doneAlready)]);
}

/** The conversation picked up after a restart of the process. */
export function resume(state: DialogState, ctx: ReducerContext): Step {
  const t = TEXT[state.lang];
  if (!state.pending) return step(state, [textReply(t.doneAlready)]);
  return step(state, [restating(t.backToQuestion), ...reask(state, ctx)]);
}

/**
 * The dialog as a pure function: (state, event) → (new state, replies, effects). The state is
 * plain JSON; effects are data the service carries out (storing a triage record).
 */

import { asCommand, earlyResult, restart, runCommand } from "./commands.ts";
import { takeDescription } from "./description.ts";
import { faqReply } from "./faq.ts";
import { isUnknown, looksLikeQuestion, parseChoice, parseYesNo } from "./parse/index.ts";
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
  type Step,
  step,
} from "./steps.ts";
import { TEXT } from "./text.ts";
import type { DialogEvent, Lang, Reply } from "./types.ts";
import { detectLang, requestedLang } from "./understand/index.ts";

export type { Effect, ReducerContext, Step } from "./steps.ts";

/** Typed to close a multi-choice question whose options were picked with buttons. */
const DONE_WORDS = new Set(["完成", "好了", "选好了", "就这些", "done", "ok", "finished", "that's all"]);

export function reduce(state: DialogState | undefined, event: DialogEvent, ctx: ReducerContext): Step {
  if (event.kind === "start") {
    if (state && event.resume) return resume(state, ctx);
    return restart(event.lang ?? state?.lang ?? ctx.lang ?? "zh", ctx);
  }
  if (!state) {
    // First contact with a message rather than /start: greet, answer it if it asks something.
    const text = event.kind === "text" ? event.text : "";
    const command = asCommand(text);
    const lang = (command ? undefined : (requestedLang(text) ?? detectLang(text))) ?? ctx.lang ?? "zh";
    if (command && command.name !== "/start" && command.name !== "/restart") {
      return runCommand(restart(lang, ctx).state, command.name, command.arg, ctx);
    }
    if (!command && requestedLang(text)) return restart(lang, ctx);
    const described = command ? undefined : takeDescription(restart(lang, ctx).state, text, ctx);
    if (described) return described;
    if (looksLikeQuestion(text) && !command)
      return restart(lang, ctx, [faqReply(text, ctx.faq, ctx.set, lang)]);
    const started = restart(lang, ctx);
    // "通州" as the very first message already answers the first question.
    const district = command ? undefined : interpretText(ctx.set, DISTRICT, text, lang);
    if (district?.kind !== "value") return started;
    const answered = answer(started.state, DISTRICT, district.value, ctx);
    if (typeof answered === "string") return started;
    return {
      ...answered,
      replies: [...started.replies.filter((r) => r.kind === "text"), ...answered.replies],
    };
  }
  if (event.kind === "choice") return onChoice(state, event.id, ctx);
  const command = asCommand(event.text);
  if (command) return runCommand(state, command.name, command.arg, ctx);
  const asked = requestedLang(event.text);
  if (asked) return runCommand(state, "/lang", asked, ctx);
  // The reply speaks the language of the message, whatever came before (digits say nothing).
  const lang = languageOf(event.text) ?? state.lang;
  const current = lang === state.lang ? state : { ...state, lang };
  // A description typed at the first question is taken whole.
  if (current.pending?.kind === "fact" && current.pending.path === DISTRICT && current.history.length === 0) {
    const described = takeDescription(current, event.text, ctx);
    if (described) return described;
  }
  return onText(current, event.text, ctx);
}

/** The language a message is written in, when it says: Chinese characters, or an English
 * phrase of two words or more (a lone "ok", "finance" or "DCMM" may be an option's name). */
function languageOf(text: string): Lang | undefined {
  const lang = detectLang(text);
  if (lang !== "en") return lang;
  return (text.match(/[A-Za-z]{2,}/g)?.length ?? 0) >= 2 ? "en" : undefined;
}

function resume(state: DialogState, ctx: ReducerContext): Step {
  const t = TEXT[state.lang];
  if (!state.pending) return step(state, [{ kind: "text", text: t.doneAlready }]);
  return step(state, [{ kind: "text", text: t.backToQuestion }, ...reask(state, ctx)]);
}

function onText(state: DialogState, text: string, ctx: ReducerContext): Step {
  const t = TEXT[state.lang];
  const pending = state.pending;
  if (!pending) {
    const reply = looksLikeQuestion(text)
      ? faqReply(text, ctx.faq, ctx.set, state.lang)
      : textReply(t.doneAlready);
    return step(state, [reply]);
  }
  if (looksLikeQuestion(text) && !isUnknown(text)) {
    return step(state, [
      faqReply(text, ctx.faq, ctx.set, state.lang),
      textReply(t.backToQuestion),
      ...reask(state, ctx),
    ]);
  }
  switch (pending.kind) {
    case "fact": {
      if (DONE_WORDS.has(text.trim().toLowerCase()) && pending.selected.length > 0)
        return commitSelection(state, ctx);
      const meaning = interpretText(ctx.set, pending.path, text, state.lang, state);
      return settle(state, pending.path, meaning, ctx, true);
    }
    case "compare": {
      const options = compareOptions(state.lang);
      const key = parseChoice(
        text,
        options.map((o) => ({ id: o.key, names: o.names })),
      );
      const yes = key ? key === "y" : parseYesNo(text);
      if (yes === null) return unreadable(state, t.unreadable.choice, ctx);
      return decideCompare(state, yes, ctx);
    }
    case "editField": {
      const options = editFieldOptions(state, ctx.set, pending.paths);
      const key = parseChoice(
        text,
        options.map((o) => ({ id: o.key, names: o.names })),
      );
      if (key === null) return unreadable(state, t.unreadable.choice, ctx);
      return editField(
        state,
        options.find((o) => o.key === key),
        ctx,
      );
    }
  }
}

function onChoice(state: DialogState, id: string, ctx: ReducerContext): Step {
  const t = TEXT[state.lang];
  const pending = state.pending;
  if (!pending) return step(state, [textReply(t.doneAlready)]);
  if (id === "done") {
    if (pending.kind === "fact" && pending.selected.length > 0) return commitSelection(state, ctx);
    return step(state, [textReply(t.nothingSelected), ...reask(state, ctx)]);
  }
  const [seq, key] = id.split(".", 2);
  if (Number(seq) !== pending.seq || !key)
    return step(state, [textReply(t.staleButton), ...reask(state, ctx)]);
  switch (pending.kind) {
    case "fact":
      return pressAnswer(state, pending, key, ctx);
    case "compare":
      return key === "y" || key === "n"
        ? decideCompare(state, key === "y", ctx)
        : step(state, reask(state, ctx));
    case "editField":
      return editField(
        state,
        editFieldOptions(state, ctx.set, pending.paths).find((o) => o.key === key),
        ctx,
      );
  }
}

/** A button on a fact question: a multi-choice option toggles; anything else answers. */
function pressAnswer(
  state: DialogState,
  pending: Extract<Pending, { kind: "fact" }>,
  key: string,
  ctx: ReducerContext,
) {
  const { options, multi } = answerOptions(ctx.set, pending.path, state.lang, state);
  const option = options.find((o) => o.key === key);
  if (!option) return step(state, [textReply(TEXT[state.lang].staleButton), ...reask(state, ctx)]);
  if (!multi || option.special)
    return settle(state, pending.path, multi ? combine([option]) : pick(option), ctx);
  const selected = pending.selected.includes(key)
    ? pending.selected.filter((k) => k !== key)
    : [...pending.selected, key];
  const next: DialogState = { ...state, pending: { ...pending, selected } };
  const labels = options.filter((o) => selected.includes(o.key)).map((o) => o.label);
  return step(next, [
    textReply(labels.length ? TEXT[state.lang].selected(labels) : TEXT[state.lang].nothingSelected),
  ]);
}

function commitSelection(state: DialogState, ctx: ReducerContext): Step {
  const pending = state.pending;
  if (pending?.kind !== "fact") return step(state, reask(state, ctx));
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
  if (meaning.kind === "unknown" && path === "district") return unreadable(state, t.cannotSkipDistrict, ctx);
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
        : describeValue(ctx.set, path, value, state.lang);
  return { ...next, replies: [textReply(t.readBack(shown)), ...next.replies] };
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

function decideCompare(state: DialogState, yes: boolean, ctx: ReducerContext): Step {
  const next: DialogState = { ...state, compare: yes, pending: null };
  return yes ? askNext(next, ctx) : finish(next, ctx, [], false);
}

function editField(state: DialogState, option: AnswerOption | undefined, ctx: ReducerContext): Step {
  if (!option) return step(state, [textReply(TEXT[state.lang].staleButton), ...reask(state, ctx)]);
  if (typeof option.value === "string") return ask(state, option.value, ctx);
  // "No change": carry on where the conversation stood.
  const carryOn = { ...state, pending: null };
  return plan(carryOn, ctx.set).remaining.length > 0
    ? askNext(carryOn, ctx)
    : step(carryOn, [textReply(TEXT[state.lang].doneAlready)]);
}

function unreadable(state: DialogState, hint: string, ctx: ReducerContext): Step {
  return step(state, [textReply(hint), ...reask(state, ctx)]);
}

const textReply = (text: string): Reply => ({ kind: "text", text });

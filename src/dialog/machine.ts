/**
 * The conversation as a state machine, in one place: its phases, and for each phase what each
 * kind of event does: `transition(state, event)` → next state, replies and effects, as XState's
 * pure `transition` does (nothing runs here; the service stores the state and carries out the
 * effects). The moves the table names live in answers.ts and commands.ts; they call the reader
 * of free text (understand/), the planner (planner.ts) and the wording (questions.ts, text.ts).
 *
 *   new        no conversation yet       a first message may be a description, a question or a district
 *   welcome    the district question,    a description is taken whole: confirmed in one list, then only
 *              nothing answered yet      what still changes the money is asked ("described/confirming")
 *   asking     one fact question open    typed or pressed answers, read back
 *   checklist  a multi-choice question   buttons tick, "done" answers
 *   outside    district "other"          compare every district, or stop
 *   editing    /profile's question       which answer to change
 *   result     nothing open              questions go to the FAQ; commands still work
 *
 * Comparing is not a phase but a scope (state.ts `scopeOf`): the same questions, every district.
 */

import {
  commitSelection,
  faqAside,
  firstLang,
  firstMessage,
  pressAnswer,
  pressCompare,
  pressField,
  resume,
  textReply,
  tick,
  typedAnswer,
  typedCompare,
  typedField,
} from "./answers.ts";
import {
  back,
  earlyResult,
  help,
  reaskOnly,
  restart,
  showProfile,
  skip,
  staleButton,
  startComparing,
  switchLanguage,
  unknownCommand,
} from "./commands.ts";
import { takeCorrection } from "./corrections.ts";
import { isJsonObject, takeDescription } from "./description.ts";
import { classify, type Event, type EventKind, isCommand } from "./events.ts";
import { exportResult } from "./export.ts";
import { answerOptions, DISTRICT } from "./questions.ts";
import type { DialogState } from "./state.ts";
import { takeStatement } from "./statements.ts";
import type { ReducerContext, Step } from "./steps.ts";
import { setConsent } from "./subscribe.ts";
import { TEXT } from "./text.ts";
import type { DialogEvent, Lang } from "./types.ts";
import { detectLang } from "./understand/index.ts";

export type { Effect, ReducerContext, Step } from "./steps.ts";

export type Phase = "new" | "welcome" | "asking" | "checklist" | "outside" | "editing" | "result";

/** The phase a stored state is in (the stored shape keeps the open question, from which it follows). */
export function phaseOf(state: DialogState | undefined, ctx: ReducerContext): Phase {
  const pending = state?.pending;
  if (!state) return "new";
  if (!pending) return "result";
  switch (pending.kind) {
    case "compare":
      return "outside";
    case "editField":
      return "editing";
    case "fact":
      if (pending.path === DISTRICT && state.history.length === 0) return "welcome";
      return answerOptions(ctx.set, pending.path, state.lang, state).multi ? "checklist" : "asking";
  }
}

type Move<K extends EventKind> = (
  state: DialogState,
  event: Extract<Event, { kind: K }>,
  ctx: ReducerContext,
) => Step;
type Row = { [K in EventKind]?: Move<K> };

/** What an event does in any phase that does not say otherwise. A question is a side trip
 * (the FAQ's answer, the open question left where it is); "done" closes the open checklist. */
const ANYWHERE: Required<Omit<Row, "answer" | "press">> = {
  question: (s, e, ctx) => faqAside(s, e.text, ctx),
  done: (s, _, ctx) => commitSelection(s, ctx),
  start: (s, e, ctx) => restart(e.lang ?? s.lang, ctx),
  resume: (s, _, ctx) => resume(s, ctx),
  restart: (s, _, ctx) => restart(s.lang, ctx),
  back: (s, _, ctx) => back(s, ctx),
  skip: (s, _, ctx) => reaskOnly(s, ctx),
  showResult: (s, _, ctx) => earlyResult(s, ctx),
  profile: (s, _, ctx) => showProfile(s, ctx),
  lang: (s, e, ctx) => switchLanguage(s, e.arg, ctx),
  compare: (s, _, ctx) => startComparing(s, ctx),
  consent: (s, e, ctx) => setConsent(s, e.consent, ctx),
  help: (s, _, ctx) => help(s, ctx),
  export: (s, _, ctx) => exportResult(s, ctx),
  unknownCommand: (s, e, ctx) => unknownCommand(s, e.name, ctx),
  stale: (s, _, ctx) => staleButton(s, ctx),
};

const TABLE: Record<Phase, Row> = {
  // The state a move receives here is a fresh welcome (the district question, nothing known).
  new: {
    lang: (s, e, ctx) => (e.typed ? restart(e.arg as Lang, ctx) : switchLanguage(s, e.arg, ctx)),
    question: (_, e, ctx) => firstMessage(e.text, ctx, firstLang(e.text, ctx)),
    answer: (_, e, ctx) => firstMessage(e.text, ctx, firstLang(e.text, ctx)),
    press: (s, _, ctx) => restart(s.lang, ctx),
    done: (s, _, ctx) => restart(s.lang, ctx),
    stale: (s, _, ctx) => restart(s.lang, ctx),
  },
  welcome: {
    answer: (s, e, ctx) => takeDescription(s, e.text, ctx) ?? typedAnswer(s, e.text, ctx),
    question: (s, e, ctx) => takeDescription(s, e.text, ctx) ?? faqAside(s, e.text, ctx),
    press: (s, e, ctx) => pressAnswer(s, e.key, ctx),
    skip: (s, _, ctx) => skip(s, ctx),
  },
  asking: {
    answer: (s, e, ctx) =>
      takeStatement(s, e.text, ctx) ?? takeCorrection(s, e.text, ctx) ?? typedAnswer(s, e.text, ctx),
    press: (s, e, ctx) => pressAnswer(s, e.key, ctx),
    skip: (s, _, ctx) => skip(s, ctx),
  },
  checklist: {
    answer: (s, e, ctx) =>
      takeStatement(s, e.text, ctx) ?? takeCorrection(s, e.text, ctx) ?? typedAnswer(s, e.text, ctx),
    press: (s, e, ctx) => tick(s, e.key, ctx),
    skip: (s, _, ctx) => skip(s, ctx),
  },
  outside: {
    answer: (s, e, ctx) => typedCompare(s, e.text, ctx),
    press: (s, e, ctx) => pressCompare(s, e.key, ctx),
  },
  editing: {
    answer: (s, e, ctx) => typedField(s, e.text, ctx),
    press: (s, e, ctx) => pressField(s, e.key, ctx),
  },
  result: {
    // A correction or a stated fact still changes the answers: the result is worked out again.
    answer: (s, e, ctx) => takeStatement(s, e.text, ctx) ?? takeCorrection(s, e.text, ctx) ?? doneAlready(s),
    press: (s) => doneAlready(s),
    done: (s) => doneAlready(s),
  },
};

const doneAlready = (state: DialogState): Step => ({
  state,
  replies: [textReply(TEXT[state.lang].doneAlready)],
  effects: [],
});

export function transition(state: DialogState | undefined, input: DialogEvent, ctx: ReducerContext): Step {
  const event = classify(input, state);
  const phase = phaseOf(state, ctx);
  // At first contact the moves get a fresh welcome, and a command runs as if /start had come first.
  const current = state ? followLanguage(state, event) : restart(ctx.lang ?? "zh", ctx).state;
  const row = phase === "new" && isCommand(event) ? TABLE.welcome : TABLE[phase];
  const move = (row[event.kind] ?? (ANYWHERE as Row)[event.kind]) as Move<typeof event.kind> | undefined;
  if (!move) throw new Error(`dialog: no move for ${event.kind} in ${phase}`);
  return move(current, event as never, ctx);
}

/** The reply speaks the language of the message, whatever came before (digits say nothing). */
function followLanguage(state: DialogState, event: Event): DialogState {
  const text =
    event.kind === "answer" || event.kind === "question" || event.kind === "done" ? event.text : "";
  if (!text) return state;
  const lang = languageOf(text) ?? state.lang;
  return lang === state.lang ? state : { ...state, lang };
}

/** The language a message is written in, when it says: Chinese characters, or an English
 * phrase of two words or more (a lone "ok", "finance" or "DCMM" may be an option's name). */
function languageOf(text: string): Lang | undefined {
  // A pasted JSON is in no one's language: its keys are English whatever the user speaks.
  if (isJsonObject(text)) return undefined;
  const lang = detectLang(text);
  if (lang !== "en") return lang;
  return (text.match(/[A-Za-z]{2,}/g)?.length ?? 0) >= 2 ? "en" : undefined;
}

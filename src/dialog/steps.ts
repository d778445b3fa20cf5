/**
 * The moves every part of the reducer makes: ask a question, ask it again, record an answer,
 * move on to the next question or to the result.
 */
import type { FaqIndex } from "../faq/index.ts";
import { ProfileError } from "../policy/errors.ts";
import type { PolicySet } from "../policy/load.ts";
import { OUTSIDE, parseProfile } from "../policy/profile.ts";
import { unitsOn } from "../render/units.ts";
import { checklists, isChecklist } from "./areas.ts";
import { COMMAND_BUTTON } from "./command-buttons.ts";
import { answeredCount, evaluateState, mostLeftAfter, plan } from "./planner.ts";
import { type AnswerOption, DISTRICT, describeValue, labelOf, questionReply } from "./questions.ts";
import { districtNames, outsideReply, recordOutside, recordResult, resultReply } from "./result.ts";
import { type DialogState, getPath, isAnswered, scopeOf, withPath } from "./state.ts";
import { TEXT } from "./text.ts";
import type { Channel, Choice, Lang, Reply } from "./types.ts";

export interface ReducerContext {
  set: PolicySet;
  faq?: FaqIndex;
  /** ISO time of this turn (records are stamped by the service; kept for effects that need it). */
  now: string;
  /** The platform's language hint for a conversation that has no state yet. */
  lang?: Lang;
  /** Where the conversation takes place (the service knows; tests may leave it out). */
  channel?: Channel;
}

/** Something the service must do beyond storing the state: keep a finished triage for staff. */
export type Effect = { kind: "record"; profile: Record<string, unknown>; result: unknown };

export interface Step {
  state: DialogState;
  replies: Reply[];
  effects: Effect[];
}

export const step = (state: DialogState, replies: Reply[], effects: Effect[] = []): Step => ({
  state,
  replies,
  effects,
});

/** Asks `path` as a new question (fresh button ids). */
export function ask(state: DialogState, path: string, ctx: ReducerContext, replies: Reply[] = []): Step {
  const seq = state.seq + 1;
  const { counted: _, ...rest } = state;
  const count = counter(state, path, ctx);
  const next: DialogState = {
    ...rest,
    seq,
    pending: { kind: "fact", path, seq, selected: [] },
    ...(count.counted !== undefined ? { counted: count.counted } : {}),
  };
  return step(next, [...replies, questionReply(ctx.set, path, next.lang, seq, count.progress, next)]);
}

/** The open question again: its counter as announced when it was asked. */
function factQuestion(state: DialogState, path: string, seq: number, ctx: ReducerContext): Reply {
  const announced =
    state.counted !== undefined
      ? TEXT[state.lang].progress(answeredCount(state) + 1, state.counted)
      : undefined;
  const progress = announced ?? counter(state, path, ctx).progress;
  return questionReply(ctx.set, path, state.lang, seq, progress, state);
}

/**
 * The counter of a question. Until the areas are known (the district, the entity type, the area
 * checklist) the questions after them are not, so the counter says how many find them; after
 * that, the questions the planner has left, never more than the last counter announced (an
 * answer that opens a follow-up does not make the total go up).
 */
function counter(
  state: DialogState,
  path: string,
  ctx: ReducerContext,
): { progress: string; counted?: number } {
  const t = TEXT[state.lang];
  const n = answeredCount(state) + 1;
  const left = plan(state, ctx.set).remaining.filter((p) => p !== path);
  const lastChecklist = left.findLastIndex((p) => isChecklist(ctx.set, p));
  if (path === DISTRICT) {
    const after = checklists(ctx.set).filter((f) => !isAnswered(state, f.path)).length;
    const entity = state.described || isAnswered(state, "entityType") ? 0 : 1;
    return { progress: t.progressIntro(n, n + entity + after) };
  }
  if (isChecklist(ctx.set, path) || lastChecklist >= 0)
    return { progress: t.progressIntro(n, n + lastChecklist + 1) };
  const planned = n + Math.max(left.length, mostLeftAfter(state, ctx.set, path));
  const total = Math.max(n, Math.min(planned, state.counted ?? planned));
  return { progress: t.progress(n, total), counted: total };
}

/** The question waiting for an answer, asked again with the same buttons; after the result,
 * what the user can do next. */
export function reask(state: DialogState, ctx: ReducerContext): Reply[] {
  return [{ ...openQuestion(state, ctx), restates: true }];
}

/** The open question posted afresh, for when the copy on screen no longer fits: it is in the
 * other language now, or a result has pushed it far up. */
export function repost(state: DialogState, ctx: ReducerContext): Reply[] {
  return [openQuestion(state, ctx)];
}

function openQuestion(state: DialogState, ctx: ReducerContext): Reply {
  const pending = state.pending;
  if (!pending) return { kind: "text", text: TEXT[state.lang].doneAlready };
  switch (pending.kind) {
    case "fact":
      return factQuestion(state, pending.path, pending.seq, ctx);
    case "compare":
      return compareQuestion(state.lang, pending.seq);
    case "editField":
      return editFieldQuestion(state, ctx, pending.seq, pending.paths);
  }
}

/** The next question worth asking, or the result when nothing left can change it. */
export function askNext(state: DialogState, ctx: ReducerContext, replies: Reply[] = []): Step {
  const [next] = plan(state, ctx.set).remaining;
  if (next) return ask(state, next, ctx, replies);
  return finish({ ...state, pending: null }, ctx, replies, false);
}

/** The result (early: before every question is answered) and a record of it. */
export function finish(state: DialogState, ctx: ReducerContext, replies: Reply[], early: boolean): Step {
  const profile = state.profile;
  if (scopeOf(state) === "outside") {
    const result = recordOutside(ctx.set, state.lang);
    const reply = { ...outsideReply(ctx.set, state.lang), actions: resultActions(state, ctx) };
    return step(state, [...replies, reply], [{ kind: "record", profile, result }]);
  }
  const evaluations = evaluateState(state, ctx.set);
  const units = unitsOn(ctx.channel);
  const reply = resultReply(evaluations, ctx.set, state.lang, { early, compare: state.compare, units });
  const result = recordResult(evaluations, ctx.set, state.lang);
  // An early result is followed by the open question, which is what to do next.
  const shown = early ? reply : { ...reply, actions: resultActions(state, ctx) };
  return step(state, [...replies, shown], [{ kind: "record", profile, result }]);
}

/** The commands a finished result offers as buttons: change an answer, start over, and compare
 * the districts unless the result already does. */
function resultActions(state: DialogState, ctx: ReducerContext): Choice[] {
  const t = TEXT[state.lang].actions;
  const actions: Choice[] = [
    { id: COMMAND_BUTTON.profile, label: t.profile },
    { id: COMMAND_BUTTON.restart, label: t.restart },
  ];
  if (!state.compare) actions.push({ id: COMMAND_BUTTON.compare, label: t.compare });
  // A chat app sends the file; the console has no file to give.
  const chat = ctx.channel === "telegram" || ctx.channel === "slack";
  if (chat && getPath(state.profile, DISTRICT) !== undefined && scopeOf(state) !== "outside")
    actions.push({ id: COMMAND_BUTTON.export, label: t.export });
  return actions;
}

/** Records an answer: a value, "don't know" (`undefined`) or "none of them" (`null`: answered,
 * nothing to store), and moves on. */
export function answer(state: DialogState, path: string, value: unknown, ctx: ReducerContext): Step | string {
  const next = record(state, path, value, ctx);
  if (typeof next === "string") return next;
  if (path === DISTRICT && value === OUTSIDE) {
    return askCompare(next, ctx);
  }
  return askNext(next, ctx);
}

/** Several answers recorded in turn; one that is invalid is left out. `taken`: the paths recorded. */
export function recordEach(
  state: DialogState,
  answers: { path: string; value: unknown }[],
  ctx: ReducerContext,
): { state: DialogState; taken: string[] } {
  let next = state;
  const taken: string[] = [];
  for (const { path, value } of answers) {
    const recorded = record(next, path, value, ctx);
    if (typeof recorded === "string") continue;
    next = recorded;
    taken.push(path);
  }
  return { state: next, taken };
}

/** The state with one answer recorded (and undoable by /back), or the hint when it is invalid. */
export function record(
  state: DialogState,
  path: string,
  value: unknown,
  ctx: ReducerContext,
): DialogState | string {
  const previous = getPath(state.profile, path);
  const stored = value === null ? undefined : value;
  const profile = withPath(state.profile, path, stored);
  if (stored !== undefined) {
    try {
      parseProfile(ctx.set.profileSchema, { [DISTRICT]: OUTSIDE, ...profile });
    } catch (error) {
      if (!(error instanceof ProfileError)) throw error;
      return TEXT[state.lang].unreadable.choice;
    }
  }
  const skipped = state.skipped.filter((p) => p !== path);
  const none = state.none.filter((p) => p !== path);
  return {
    ...state,
    profile,
    skipped: value === undefined ? [...skipped, path] : skipped,
    none: value === null ? [...none, path] : none,
    history: [
      ...state.history,
      {
        path,
        had: previous !== undefined,
        ...(previous !== undefined ? { previous } : {}),
        wasSkipped: state.skipped.includes(path),
        ...(state.none.includes(path) ? { wasNone: true } : {}),
      },
    ],
    // A new district ends a comparison; "other" asks whether to start one.
    compare: path === DISTRICT ? false : state.compare,
    pending: null,
  };
}

export function askCompare(state: DialogState, ctx: ReducerContext, replies: Reply[] = []): Step {
  {
    const next = state;
    const seq = next.seq + 1;
    return step({ ...next, seq, pending: { kind: "compare", seq } }, [
      ...replies,
      { kind: "text", text: TEXT[state.lang].outsideScope(districtNames(ctx.set, state.lang)), joins: true },
      compareQuestion(state.lang, seq),
    ]);
  }
}

export function compareOptions(lang: Lang): AnswerOption[] {
  const t = TEXT[lang];
  return [
    {
      key: "y",
      label: t.compareYes,
      names: [TEXT.zh.compareYes, TEXT.en.compareYes, "比较", "compare", "compare the districts"],
      value: true,
    },
    {
      key: "n",
      label: t.compareNo,
      names: [TEXT.zh.compareNo, TEXT.en.compareNo, "不用", "不比较"],
      value: false,
    },
  ];
}

function compareQuestion(lang: Lang, seq: number): Reply {
  return {
    kind: "question",
    text: TEXT[lang].compareQuestion,
    choices: compareOptions(lang).map((o) => ({ id: `${seq}.${o.key}`, label: o.label })),
    multi: false,
  };
}

export function editFieldOptions(state: DialogState, set: PolicySet, paths: string[]): AnswerOption[] {
  const t = TEXT[state.lang];
  return [
    ...paths.map((path, i) => ({
      key: String(i + 1),
      label: labelOf(set, path, state.lang),
      names: [labelOf(set, path, "zh"), labelOf(set, path, "en"), path],
      value: path,
    })),
    {
      key: "c",
      label: t.profileContinue,
      names: [TEXT.zh.profileContinue, TEXT.en.profileContinue, "继续", "continue", "carry on"],
    },
  ];
}

/** Which answer to change: a numbered button per answer, each answer (its label and value) in the
 * question's text by its number, as a fact's label is too long for a button. */
export function editFieldQuestion(
  state: DialogState,
  ctx: ReducerContext,
  seq: number,
  paths: string[],
): Reply {
  const t = TEXT[state.lang];
  const shown = (path: string) => {
    const value = getPath(state.profile, path);
    if (value !== undefined) return describeValue(ctx.set, path, value, state.lang, unitsOn(ctx.channel));
    return state.none.includes(path) ? t.noValue : t.skippedValue;
  };
  return {
    kind: "question",
    text: t.profileQuestion,
    choices: editFieldOptions(state, ctx.set, paths).map((o) => {
      const path = typeof o.value === "string" ? o.value : undefined;
      if (path === undefined) return { id: `${seq}.${o.key}`, label: o.label };
      return { id: `${seq}.${o.key}`, label: o.key, detail: `${o.label}${t.colon}${shown(path)}` };
    }),
    multi: false,
  };
}

/** Answered facts in the order they were first answered. */
export function answeredPaths(state: DialogState): string[] {
  return [...new Set(state.history.map((h) => h.path))].filter((p) => isAnswered(state, p));
}

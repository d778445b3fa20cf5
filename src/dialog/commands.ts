/** The commands a user may send at any point (/start, /restart, /back, /skip, /result, /profile,
 * /lang, /compare, /subscribe, /unsubscribe, /help): how they are typed, and what each does.
 * Which one runs in which phase is machine.ts's table. */

import { plan } from "./planner.ts";
import { DISTRICT, labelOf } from "./questions.ts";
import { type DialogState, getPath, newState, withPath } from "./state.ts";
import {
  answer,
  answeredPaths,
  ask,
  askNext,
  editFieldQuestion,
  finish,
  type ReducerContext,
  reask,
  repost,
  type Step,
  step,
} from "./steps.ts";
import { canNotify, SUBSCRIBE_WORDS } from "./subscribe.ts";
import { TEXT } from "./text.ts";
import type { Channel, Lang, Reply } from "./types.ts";

/** Words that work like a command when they are the whole message. Slack keeps every message
 * that starts with "/" for its own slash commands, so there every command needs a word form. */
const WORD_COMMANDS: Record<string, string> = {
  重新开始: "/restart",
  restart: "/restart",
  "start over": "/restart",
  我的信息: "/profile",
  修改回答: "/profile",
  profile: "/profile",
  重来: "/restart",
  上一步: "/back",
  上一题: "/back",
  返回: "/back",
  back: "/back",
  结果: "/result",
  查看结果: "/result",
  result: "/result",
  帮助: "/help",
  help: "/help",
  对比各区: "/compare",
  compare: "/compare",
  english: "/lang en",
  中文: "/lang zh",
  ...SUBSCRIBE_WORDS,
};

/** Going back and starting over as people say them, the whole message ("回到上一题", "撤销",
 * "go back", "从头开始", "let's start again"): read as the command, never as an answer ("回到上一题"
 * was once read as ticking an area). */
const PHRASE_COMMANDS: [RegExp, string][] = [
  [
    /^(?:请|麻烦)?(?:回到|返回到?|退回到?|回退到?|退到|回)(?:上一?|前一?)(?:步|题|道题|个问题|个)(?:吧|了|一下)?$/,
    "/back",
  ],
  [/^(?:上一?|前一?)(?:个问题|道题)$|^(?:撤销|撤回|回退)(?:上一步|一下|上一个回答|刚才的回答)?$/, "/back"],
  // "回去改一下", "上一题我要改", "重新回答上一题": the answer just given is to be given again.
  [
    /^(?:我想|我要|请|麻烦)?(?:(?:回去|返回|退回)(?:改|修改|重答|重新回答|重新答)(?:一下|下)?(?:上一题|刚才那个|刚才的)?|(?:改一下|修改一下|重新回答|重新答|重答|再答)(?:一下)?(?:上一题|上一个问题|上一个|刚才那个|刚才那题|刚才的回答)|(?:上一题|上一个问题|刚才那个|刚才那题|刚才的)(?:我)?(?:想|要|得)?(?:改|修改|重新答|重答|重新回答|再答)(?:一下|下)?)(?:吧|了)?$/,
    "/back",
  ],
  [
    /^(?:please |i want to |i'd like to |i wanna |can we |could we |can i |let me |let's )?(?:go back|back up|undo|previous|previous question|last question|go to the previous question|undo that)(?: one| a step| one question| one step| a question)?(?: please)?$/,
    "/back",
  ],
  [
    /^(?:please |i want to |i'd like to |i wanna |can we |could we |can i |could i |let me |may i )?(?:redo|change|fix|correct|re-?answer|go back to|revisit)(?: my)? (?:the )?(?:previous|last|prior)(?: one| answer| question)?(?: please)?$/,
    "/back",
  ],
  [
    /^(?:我想|我要|我|请|我们|那就|那)?(?:从头开始|从头来|重新来过?|重来|再来|重新开始|重新填|重新做|重置|清空重来|全部清空重来|全部清空|清空|全部重来|都重来|推倒重来|从零开始|重新来一遍|从头说|从头讲|重新说|重新讲)(?:一下|一遍|一次)?吧?$/,
    "/restart",
  ],
  [
    /^(?:let'?s |can we |could we |i want to |i'd like to |i wanna |let me |please )?(?:start (?:over|again|from scratch|afresh|from the (?:beginning|top))|start all over(?: again)?|begin (?:again|from scratch|anew)|restart|reset|clear everything|wipe everything)(?: please)?$/,
    "/restart",
  ],
];

/** What may come before a command in the same message ("算了，重来", "wait, go back", "scrap that,
 * let me begin from scratch"): a short aside with no figure in it. */
const PREFACE = /^(?!.*\d)(?!.*[一二两三四五六七八九十几][十百千万亿])[^]{1,20}$/;

function phraseCommand(text: string): string | undefined {
  const said = text
    .toLowerCase()
    .replace(/[\s。.!！~～?？，,]+$/, "")
    .replace(/\s+/g, " ");
  const whole = matchPhrase(said);
  if (whole) return whole;
  // The command as the last part of the message, after an aside, or as the first, before one
  // ("返回上一题，刚才那个我想再看一下").
  const parts = said.split(/\s*[，,;；。.!！]\s*/).filter(Boolean);
  if (parts.length < 2) return undefined;
  const [first = "", ...after] = parts;
  const before = parts.slice(0, -1);
  const last = parts.at(-1) ?? "";
  if (before.every((p) => PREFACE.test(p))) {
    const command = matchPhrase(last);
    if (command) return command;
  }
  return after.every((p) => PREFACE.test(p)) ? matchPhrase(first) : undefined;
}

const matchPhrase = (said: string) => PHRASE_COMMANDS.find(([pattern]) => pattern.test(said))?.[1];

/** The command a message is, as `/name` and its argument, or null for an ordinary message. */
export function asCommand(text: string): { name: string; arg: string } | null {
  const trimmed = text.trim();
  const command = trimmed.startsWith("/")
    ? trimmed
    : (WORD_COMMANDS[trimmed.toLowerCase()] ?? phraseCommand(trimmed));
  if (!command) return null;
  // Telegram appends the bot's name in groups: "/back@policy_bot".
  const [head = "", ...rest] = command.split(/\s+/);
  return { name: head.toLowerCase().replace(/@.*$/, ""), arg: rest.join(" ").toLowerCase() };
}

/** The commands /help lists and Telegram's menu offers, in that order: one list, so the two
 * never name different commands. /start is Telegram's own way in and works as /restart. */
export const MENU = [
  "restart",
  "back",
  "skip",
  "result",
  "profile",
  "compare",
  "lang",
  "subscribe",
  "unsubscribe",
  "help",
] as const;
export type MenuCommand = (typeof MENU)[number];

/** The commands that work on a channel: a console conversation cannot be written to later, so
 * it has no subscription. */
export const commandsOn = (channel: Channel | undefined): MenuCommand[] =>
  MENU.filter((name) => canNotify(channel) || (name !== "subscribe" && name !== "unsubscribe"));

export function helpText(lang: Lang, channel: Channel | undefined): string {
  const t = TEXT[lang];
  const lines = commandsOn(channel).map((name) => `/${name} ${t.commands[name].help}`);
  return [t.helpTitle, ...lines, t.helpAnswering].join("\n");
}

/** `/help`: what can be typed, then the open question again. */
export const help = (state: DialogState, ctx: ReducerContext): Step =>
  step(state, [
    { kind: "text", text: helpText(state.lang, ctx.channel), commands: commandsOn(ctx.channel) },
    ...reask(state, ctx),
  ]);

export const unknownCommand = (state: DialogState, name: string, ctx: ReducerContext): Step =>
  step(state, [{ kind: "text", text: TEXT[state.lang].unknownCommand(name) }, ...reask(state, ctx)]);

/** Anything that changes nothing: the open question again (after the result, what to do next). */
export const reaskOnly = (state: DialogState, ctx: ReducerContext): Step => step(state, reask(state, ctx));

/** A button of an earlier question. */
export const staleButton = (state: DialogState, ctx: ReducerContext): Step =>
  step(state, [{ kind: "text", text: TEXT[state.lang].staleButton }, ...reask(state, ctx)]);

export function restart(lang: Lang, ctx: ReducerContext, before: Reply[] = []): Step {
  const welcome = TEXT[lang].welcome(TEXT[lang].andList(ctx.set.documents.map((d) => d.district[lang])));
  // The greeting goes in the first question's message: a turn is one message (one-message.ts).
  return ask(newState(lang), DISTRICT, ctx, [...before, { kind: "text", text: welcome, joins: true }]);
}

export function back(state: DialogState, ctx: ReducerContext): Step {
  const last = state.history.at(-1);
  if (!last)
    return step(state, [{ kind: "text", text: TEXT[state.lang].nothingToUndo }, ...reask(state, ctx)]);
  const skipped = state.skipped.filter((p) => p !== last.path);
  const none = state.none.filter((p) => p !== last.path);
  const { counted: _, ...rest } = state;
  const undone: DialogState = {
    ...rest,
    profile: withPath(state.profile, last.path, last.had ? last.previous : undefined),
    skipped: last.wasSkipped ? [...skipped, last.path] : skipped,
    none: last.wasNone ? [...none, last.path] : none,
    history: state.history.slice(0, -1),
    compare: last.path === DISTRICT ? false : state.compare,
  };
  const note = TEXT[state.lang].undone(labelOf(ctx.set, last.path, state.lang));
  return ask(undone, last.path, ctx, [{ kind: "text", text: note, joins: true }]);
}

export function skip(state: DialogState, ctx: ReducerContext): Step {
  const pending = state.pending;
  if (pending?.kind !== "fact") return step(state, reask(state, ctx));
  if (pending.path === DISTRICT) {
    return step(state, [{ kind: "text", text: TEXT[state.lang].cannotSkipDistrict }, ...reask(state, ctx)]);
  }
  const next = answer(state, pending.path, undefined, ctx);
  return typeof next === "string" ? step(state, [{ kind: "text", text: next }, ...reask(state, ctx)]) : next;
}

/** The result from what is known; the conversation then goes on with the same question. */
export function earlyResult(state: DialogState, ctx: ReducerContext): Step {
  if (getPath(state.profile, DISTRICT) === undefined) {
    return step(state, [{ kind: "text", text: TEXT[state.lang].districtRequired }, ...reask(state, ctx)]);
  }
  const open = state.pending !== null && plan(state, ctx.set).remaining.length > 0;
  const result = finish(state, ctx, [], open);
  // The open question goes on in the result's message, under it: the result is one message.
  const question = open ? repost(state, ctx).map((reply): Reply => ({ ...reply, joins: true })) : [];
  return { ...result, replies: [...result.replies, ...question] };
}

export function showProfile(state: DialogState, ctx: ReducerContext): Step {
  const t = TEXT[state.lang];
  const paths = answeredPaths(state);
  if (paths.length === 0) return step(state, [{ kind: "text", text: t.profileEmpty }, ...reask(state, ctx)]);
  const seq = state.seq + 1;
  const next: DialogState = { ...state, seq, pending: { kind: "editField", seq, paths } };
  // The answers are listed in the question, one numbered button each (editFieldQuestion).
  return step(next, [
    { kind: "text", text: t.profileTitle, joins: true },
    editFieldQuestion(next, ctx, seq, paths),
  ]);
}

/** Evaluate as if in each district: the same questions, every district's clauses. */
export function startComparing(state: DialogState, ctx: ReducerContext): Step {
  if (getPath(state.profile, DISTRICT) === undefined) {
    return step(state, [{ kind: "text", text: TEXT[state.lang].districtRequired }, ...reask(state, ctx)]);
  }
  const { counted: _, ...rest } = state;
  return askNext({ ...rest, compare: true, pending: null }, ctx, [
    { kind: "text", text: TEXT[state.lang].compareOn, joins: true },
  ]);
}

export function switchLanguage(state: DialogState, asked: string, ctx: ReducerContext): Step {
  // A bare /lang (Telegram's menu sends no argument) switches to the other language.
  const arg = asked === "" ? (state.lang === "zh" ? "en" : "zh") : asked;
  if (arg !== "zh" && arg !== "en") {
    return step(state, [{ kind: "text", text: TEXT[state.lang].langUsage }, ...reask(state, ctx)]);
  }
  const next: DialogState = { ...state, lang: arg };
  return step(next, [{ kind: "text", text: TEXT[arg].langSwitched, joins: true }, ...repost(next, ctx)]);
}

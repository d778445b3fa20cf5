/**
 * A message mid-questionnaire that states facts besides the one asked: a correction ("不对，固定
 * 资产投资是一个亿") or an answer with more in it ("150k, and the loan was 10 million"). The facts
 * it states are taken as a description's are, and what is left of the message answers the open
 * question if anything is left; otherwise the question is asked again. Reading a correction as
 * the answer ("不对" is "no", so 0 years) would store what nobody said.
 */

import { isDeepStrictEqual } from "node:util";
import { OUTSIDE } from "../policy/profile.ts";
import { unitsOn } from "../render/units.ts";
import { textReply, typedAnswer } from "./answers.ts";
import { confirmation, factPaths, pastedProfile, readStated } from "./description.ts";
import { answerOptions, DISTRICT, describeValue, interpretText } from "./questions.ts";
import { type DialogState, getPath } from "./state.ts";
import { answer, askCompare, askNext, type ReducerContext, recordEach, type Step } from "./steps.ts";
import { TEXT } from "./text.ts";
import type { Reply } from "./types.ts";
import { PART_END } from "./understand/describe.ts";
import { understandText } from "./understand/index.ts";
import { norm } from "./understand/normalize.ts";
import { scan } from "./understand/scan.ts";
import { vocabularyOf } from "./understand/vocab.ts";

/** Words that only frame a correction or an addition: left over, they answer nothing. */
const FRAMING =
  /^(?:不对|不是|错了|说错了|写错了|更正|纠正|改一下|修改|另外|还有|对了|补充|补充一下|补充下|顺便说一下|哦|噢|嗯|抱歉|不好意思|其实|sorry|actually|correction|wait|oops|also|and|plus|no wait|my mistake|i mean|btw|by the way)+$/i;

export function takeStatement(state: DialogState, text: string, ctx: ReducerContext): Step | undefined {
  const open = state.pending;
  // After the result nothing is open: stated facts are taken and the result worked out again.
  if (open === null) return afterResult(state, text, ctx);
  if (open.kind !== "fact") return undefined;
  const pending = open;
  // A checklist's areas are named by words that also state facts ("创新平台"): there only
  // figures and who the entity is count as stated, and the rest of the message may answer the
  // checklist as well.
  const multi = answerOptions(ctx.set, pending.path, state.lang, state).multi;
  // A pasted profile names its facts exactly: all of them count, and it names no area.
  const pasted = pastedProfile(text, ctx) !== undefined;
  // A fact already told, added to ("the 首交易 is done too"), is an addition, not an area named.
  const adds = ADDS.test(text.toLowerCase());
  const stated = statedFacts(state, text, ctx).filter(
    (p) =>
      !multi ||
      pasted ||
      isFigure(ctx, p.path) ||
      isWho(p.path) ||
      (adds && getPath(state.profile, p.path) !== undefined),
  );
  if (!stated.some((p) => p.path !== pending.path)) return undefined;
  const recorded = recordEach(state, stated, ctx);
  const taken = recorded.taken;
  let next = recorded.state;
  if (!taken.some((p) => p !== pending.path)) return undefined;
  // Stated facts are not questions answered: they do not count in "question N".
  next = {
    ...next,
    history: next.history.map((h, i) => (i >= state.history.length ? { ...h, stated: true } : h)),
    pending,
  };
  const confirmed = confirmation(next, taken, ctx, false);
  // The parts that say who the entity is name no area ("补充一下，我们是高校" ticks nothing).
  const who = stated.filter((p) => isWho(p.path));
  const areaText = pasted ? "" : who.length ? leftOver(text, who, ctx) : text;
  if (multi) return checklistAnswer(next, areaText, taken, ctx, confirmed);
  const rest = taken.includes(pending.path) || pasted ? "" : leftOver(text, stated, ctx);
  if (rest) {
    const answered = typedAnswer(next, rest, ctx);
    if (answered.state.pending?.seq !== pending.seq)
      return { ...answered, replies: [confirmed, ...answered.replies] };
  }
  return askAgain(next, ctx, confirmed);
}

/** The confirmation, then what the planner asks next (the open question again if still needed);
 * a district outside both now is offered the comparison, as when it is the first answer. */
export const askAgain = (state: DialogState, ctx: ReducerContext, confirmed: Reply) =>
  getPath(state.profile, DISTRICT) === OUTSIDE && !state.compare
    ? askCompare({ ...state, pending: null }, ctx, [confirmed])
    : askNext({ ...state, pending: null }, ctx, [confirmed]);

/** The checklist answered by the areas the message names and the areas of the facts it stated
 * ("we run a park and bought 3 million of data": operations and trading); when it names none,
 * the checklist is asked again. */
function checklistAnswer(
  state: DialogState,
  text: string,
  taken: string[],
  ctx: ReducerContext,
  confirmed: Reply,
): Step {
  const pending = state.pending as Extract<DialogState["pending"], { kind: "fact" }>;
  const fact = ctx.set.facts.get(pending.path);
  if (fact?.type !== "set") return askAgain(state, ctx, confirmed);
  const read = text ? interpretText(ctx.set, pending.path, text, state.lang, state) : undefined;
  const named = read?.kind === "value" && Array.isArray(read.value) ? read.value : [];
  const values = fact.options
    .filter((o) => named.includes(o.value) || (o.covers ?? []).some((p) => taken.includes(p)))
    .map((o) => o.value);
  const answered = values.length > 0 ? answer(state, pending.path, values, ctx) : "";
  if (typeof answered === "string") return askAgain(state, ctx, confirmed);
  const shown = describeValue(ctx.set, pending.path, values, state.lang, unitsOn(ctx.channel));
  return {
    ...answered,
    replies: [confirmed, textReply(TEXT[state.lang].readBack(shown)), ...answered.replies],
  };
}

/** After the result: the facts a message states, taken, then the result again (or what they
 * newly make worth asking). */
function afterResult(state: DialogState, text: string, ctx: ReducerContext): Step | undefined {
  const { state: next, taken } = recordEach(state, statedFacts(state, text, ctx), ctx);
  if (taken.length === 0) return undefined;
  const history = next.history.map((h, i) => (i >= state.history.length ? { ...h, stated: true } : h));
  const { counted: _, ...rest } = { ...next, history };
  return askAgain(rest, ctx, confirmation(rest, taken, ctx, false));
}

/** Who the entity is (its district, its kind): never the name of an area. */
const isWho = (path: string) => path === DISTRICT || path === "entityType";

const FIGURES = new Set(["amount", "count", "integer", "percent", "decimal"]);
const isFigure = (ctx: ReducerContext, path: string) => FIGURES.has(ctx.set.facts.get(path)?.type ?? "");

interface Stated {
  path: string;
  value: unknown;
}

/** The facts the message states with a value that is new or changed. */
function statedFacts(state: DialogState, text: string, ctx: ReducerContext): Stated[] {
  const { profile } = readStated(text, ctx, state.lang, state);
  return factPaths(profile, ctx)
    .map((path) => ({
      path,
      value: keptDetails(ctx, path, getPath(state.profile, path), getPath(profile, path), text),
    }))
    .filter(({ path, value }) => !isDeepStrictEqual(getPath(state.profile, path), value));
}

/** Words that add to what was said ("也", "还有", "too", "as well"). */
const ADDS = /也|还有|另外还|\b(?:too|also|as well|in addition)\b/;

/**
 * A restated list of items ("是北京市级重点实验室，不是国家级的") keeps what it does not restate of
 * the items it corrects: an item of the same kind keeps its other fields ("今年新认定" said
 * before); what the message says of a field wins.
 */
export function keptDetails(
  ctx: ReducerContext,
  path: string,
  before: unknown,
  stated: unknown,
  text = "",
): unknown {
  const fact = ctx.set.facts.get(path);
  if (!Array.isArray(before) || !Array.isArray(stated)) return stated;
  // "首交易也做了", "the 首交易 is done too": one more, added to those said before.
  if (fact?.type === "set" && ADDS.test(text.toLowerCase()))
    return fact.options.map((o) => o.value).filter((v) => before.includes(v) || stated.includes(v));
  if (fact?.type !== "records") return stated;
  const unused = [...before] as Record<string, unknown>[];
  return (stated as Record<string, unknown>[]).map((item) => {
    const k = unused.findIndex((old) => old.kind === item.kind);
    if (k < 0) return item;
    const [old] = unused.splice(k, 1);
    return { ...old, ...item };
  });
}

/** The parts of the message that state none of those facts, unless they only frame them. */
function leftOver(text: string, stated: Stated[], ctx: ReducerContext): string {
  const paths = new Set(stated.map((s) => s.path));
  return (
    text
      .split(PART_END)
      .map((part) => part.trim())
      .filter((part) => part.length > 0 && !FRAMING.test(part.replace(/[\s,.!?，。！？、~～]/g, "")))
      .filter((part) => !factPaths(understandText(part, ctx.set).profile, ctx).some((p) => paths.has(p)))
      // "我们其实是科研院所，不是公司": the part that takes back the old value names the same fact; its
      // "不是" answers nothing.
      .filter((part) => !namesAny(part, paths, ctx))
      .join("，")
  );
}

/** Whether a part of a message names one of `paths` or one of their options. */
function namesAny(part: string, paths: Set<string>, ctx: ReducerContext): boolean {
  return scan(norm(part), vocabularyOf(ctx.set)).some((m) =>
    m.targets.some((t) => (t.kind === "fact" || t.kind === "option") && paths.has(t.path)),
  );
}

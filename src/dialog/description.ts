/**
 * A first message that describes the entity ("我们是石景山的数据公司，DCMM三级……"): every fact it
 * states is taken at once, confirmed in one short list, and only what is still open is asked.
 * The reading itself is understand/'s; this module only records it and words the confirmation.
 */

import { ProfileError } from "../policy/errors.ts";
import { OUTSIDE, parseProfile } from "../policy/profile.ts";
import { unitsOn } from "../render/units.ts";
import { factsOfOtherDistricts } from "./areas.ts";
import { looksLikeQuestion } from "./parse/index.ts";
import { DISTRICT, describeValue, labelOf } from "./questions.ts";
import { type DialogState, getPath } from "./state.ts";
import { askCompare, askNext, type ReducerContext, recordEach, type Step } from "./steps.ts";
import { TEXT } from "./text.ts";
import type { Reply } from "./types.ts";
import { understandText } from "./understand/index.ts";

const ENTITY_TYPE = "entityType";

/** The dotted paths of the facts a nested profile holds (a list is one fact). */
export function statedPaths(
  profile: Record<string, unknown>,
  isFact: (path: string) => boolean,
  prefix = "",
) {
  const out: string[] = [];
  for (const [key, value] of Object.entries(profile)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (isFact(path)) out.push(path);
    else if (value && typeof value === "object" && !Array.isArray(value))
      out.push(...statedPaths(value as Record<string, unknown>, isFact, path));
  }
  return out;
}

/** The facts (or the district) a reading of a message states. */
export const factPaths = (profile: Record<string, unknown>, ctx: ReducerContext) =>
  statedPaths(profile, (p) => p === DISTRICT || ctx.set.facts.has(p));

/** A message that is a JSON object, as a program or a staff member pastes one. */
export const isJsonObject = (text: string) => /^\s*\{[\s\S]*\}\s*$/.test(text);

/** A profile pasted as JSON (CONTRACT.md section 2, `district` optional, `id`/`name` ignored):
 * its facts exactly as written, or undefined when it is not one (then it is read as text). */
export function pastedProfile(text: string, ctx: ReducerContext): Record<string, unknown> | undefined {
  if (!isJsonObject(text)) return undefined;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (!value || typeof value !== "object" || Array.isArray(value)) return undefined;
  const { id: _id, name: _name, ...facts } = value as Record<string, unknown>;
  try {
    parseProfile(ctx.set.profileSchema, { [DISTRICT]: OUTSIDE, ...facts });
  } catch (error) {
    if (error instanceof ProfileError) return undefined;
    throw error;
  }
  return facts;
}

/** What a message states: a pasted profile as it is, anything else as understand/ reads it. */
export function readStated(
  text: string,
  ctx: ReducerContext,
  lang: DialogState["lang"],
  state?: DialogState,
) {
  const pasted = pastedProfile(text, ctx);
  if (pasted) return { lang, profile: pasted, unknown: [] as string[], none: [] as string[] };
  return understandText(text, ctx.set, state ? { settled: inConversation(state) } : undefined);
}

/** Facts whose setting the conversation already gives: those of a group already told or asked
 * ("贷款其实是850万" after the guarantee fee was given). */
function inConversation(state: DialogState): (path: string) => boolean {
  const group = (path: string) => path.split(".")[0] ?? path;
  const told = new Set(
    [...state.history.map((h) => h.path), ...(state.pending?.kind === "fact" ? [state.pending.path] : [])]
      .filter((p) => p.includes("."))
      .map(group),
  );
  return (path) => told.has(group(path));
}

/** The conversation after a description, or undefined when the text states no more than a
 * district (that is an ordinary answer to the first question). */
export function takeDescription(fresh: DialogState, text: string, ctx: ReducerContext): Step | undefined {
  const understood = readStated(text, ctx, fresh.lang);
  const paths = factPaths(understood.profile, ctx);
  const unknown = understood.unknown.filter((p) => ctx.set.facts.has(p) && !paths.includes(p));
  // Facts it rules out with no value to store ("还没做过DCMM认证"): answered "none", not asked.
  const none = (understood.none ?? []).filter((p) => ctx.set.facts.has(p) && !paths.includes(p));
  // A fact said at its default ("一家公司": an enterprise) makes the message a description too,
  // though nothing is stored for it: the confirmation says the default is taken, as the profile
  // (like understand's output) leaves defaults out.
  // Not in a question: "哪些企业能享受石景山的措施？" asks about enterprises, it does not say it is one.
  const atDefault = !looksLikeQuestion(text) && (understood.defaults ?? []).some((p) => !paths.includes(p));
  const more = [...unknown, ...none];
  if (paths.filter((p) => p !== DISTRICT).length === 0 && more.length === 0 && !atDefault) return undefined;
  // A stated fact with its value, one ruled out as none (null), one said to be unknown (undefined).
  const answers = [
    ...paths.map((path) => ({ path, value: getPath(understood.profile, path) })),
    ...unknown.map((path) => ({ path, value: undefined })),
    ...none.map((path) => ({ path, value: null })),
  ];
  const recorded = recordEach({ ...fresh, lang: understood.lang, described: true }, answers, ctx);
  let state = recorded.state;
  const taken = recorded.taken;
  // Facts of the description are not questions answered: they do not count in "question N".
  state = {
    ...state,
    history: state.history.map((h) => (taken.includes(h.path) ? { ...h, stated: true } : h)),
  };
  const replies = [confirmation(state, taken, ctx)];
  if (getPath(state.profile, DISTRICT) === OUTSIDE) return askCompare(state, ctx, replies);
  return askNext(state, ctx, replies);
}

/** The facts taken, one line each; `opening` is a first description, which also says the
 * entity is taken for an enterprise until told otherwise (said once, not on every correction). */
export function confirmation(
  state: DialogState,
  taken: string[],
  ctx: ReducerContext,
  opening = true,
): Reply {
  const t = TEXT[state.lang];
  const lines = taken.map((path) => {
    const value = getPath(state.profile, path);
    const shown =
      value !== undefined
        ? describeValue(ctx.set, path, value, state.lang, unitsOn(ctx.channel))
        : state.none.includes(path)
          ? t.noValue
          : t.skippedValue;
    return `• ${labelOf(ctx.set, path, state.lang)}${t.colon}${shown}`;
  });
  if (opening && getPath(state.profile, ENTITY_TYPE) === undefined) lines.push(`• ${t.assumedEnterprise}`);
  const notes = factsOfOtherDistricts(
    ctx.set,
    state,
    taken.filter((p) => p !== DISTRICT && p !== ENTITY_TYPE),
  ).map(({ path, documents }) =>
    t.otherDistrictOnly(
      labelOf(ctx.set, path, state.lang),
      documents.map((id) => districtName(ctx, id, state)).join(t.listSeparator),
      districtName(ctx, String(getPath(state.profile, DISTRICT)), state),
    ),
  );
  return { kind: "text", text: [t.understood, ...lines, ...notes].join("\n") };
}

function districtName(ctx: ReducerContext, id: string, state: DialogState): string {
  return ctx.set.documents.find((d) => d.id === id)?.district[state.lang] ?? id;
}

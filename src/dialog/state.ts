/**
 * The dialog's state: plain JSON, so any store can keep it and any process can resume it.
 * Stored with `STATE_VERSION`; a stored state that does not fit the schema below is not
 * guessed at but restarted with a message (see service.ts).
 */
import * as z from "zod";
import { getPath } from "../policy/paths.ts";
import { OUTSIDE } from "../policy/profile.ts";
import type { Lang } from "./types.ts";

export const STATE_VERSION = 3;

/** The question the last reply asked, so the next message can be read as its answer. */
const Pending = z.discriminatedUnion("kind", [
  /** A fact of the profile (or `district`); `selected` collects buttons pressed on a multi-choice question. */
  z.object({
    kind: z.literal("fact"),
    path: z.string(),
    seq: z.number().int(),
    selected: z.array(z.string()),
  }),
  /** `/profile`: which answer to change. */
  z.object({ kind: z.literal("editField"), seq: z.number().int(), paths: z.array(z.string()) }),
  /** District "other": compare what each district would offer, or stop. */
  z.object({ kind: z.literal("compare"), seq: z.number().int() }),
]);
export type Pending = z.infer<typeof Pending>;

/** One answer as it changed the profile, so `/back` can put back what was there before. */
const HistoryEntry = z.object({
  path: z.string(),
  had: z.boolean(),
  previous: z.unknown().optional(),
  wasSkipped: z.boolean(),
  wasNone: z.boolean().optional(),
  /** Taken from a description, not asked: not counted as a question answered. */
  stated: z.boolean().optional(),
});
export type HistoryEntry = z.infer<typeof HistoryEntry>;

export const DialogStateSchema = z.object({
  version: z.literal(STATE_VERSION),
  lang: z.enum(["zh", "en"]),
  /** The profile so far, nested by dotted path as CONTRACT.md section 2 has it. */
  profile: z.record(z.string(), z.unknown()),
  /** Facts the user said they do not know: not asked again, left unknown. */
  skipped: z.array(z.string()),
  history: z.array(HistoryEntry),
  /** District "other" and the user chose to compare: evaluate as if in each district. */
  compare: z.boolean(),
  /** Facts whose answer rules out every value (a plain "no" to "which DCMM level?"): answered,
   * nothing stored, not asked again, and not "don't know". */
  none: z.array(z.string()),
  /** The conversation began with a description: the entity type is assumed, not asked. */
  described: z.boolean(),
  /** Counts questions asked, so a button from an earlier question is recognised as stale. */
  seq: z.number().int(),
  pending: Pending.nullable(),
  /** The total of questions the last counter announced ("约 M 题"), so a later one never says
   * more; cleared when an answer is undone or changed. Absent before the areas are known. */
  counted: z.number().int().optional(),
  /** Consent to `advisor notify` messages (src/dialog/subscribe.ts); absent until offered. */
  notify: z.enum(["offered", "subscribed", "unsubscribed"]).optional(),
});
export type DialogState = z.infer<typeof DialogStateSchema>;

export function newState(lang: Lang): DialogState {
  return {
    version: STATE_VERSION,
    lang,
    profile: {},
    skipped: [],
    history: [],
    compare: false,
    none: [],
    described: false,
    seq: 0,
    pending: null,
  };
}

// --- the profile by dotted path ---------------------------------------------------------

export { getPath };

/** A copy of `profile` with `path` set to `value`, or removed when `value` is undefined
 * (and any object left empty by the removal removed too). */
export function withPath(
  profile: Record<string, unknown>,
  path: string,
  value: unknown,
): Record<string, unknown> {
  const [head, ...rest] = path.split(".") as [string, ...string[]];
  const copy = { ...profile };
  if (rest.length === 0) {
    if (value === undefined) delete copy[head];
    else copy[head] = value;
    return copy;
  }
  const child = withPath((profile[head] as Record<string, unknown> | undefined) ?? {}, rest.join("."), value);
  if (Object.keys(child).length === 0) delete copy[head];
  else copy[head] = child;
  return copy;
}

/** Where the clauses come from: the user's district, none (a district "other", not compared), or
 * every district (comparing); "unknown" before the district is answered. */
export type Scope = "unknown" | "district" | "outside" | "comparing";

export function scopeOf(state: DialogState): Scope {
  const district = getPath(state.profile, "district");
  if (typeof district !== "string") return "unknown";
  if (state.compare) return "comparing";
  return district === OUTSIDE ? "outside" : "district";
}

export const isAnswered = (state: DialogState, path: string) =>
  getPath(state.profile, path) !== undefined || state.skipped.includes(path) || state.none.includes(path);

/** A stored state of this or an earlier version, brought to this version; undefined when it is
 * not one (then the conversation restarts with a note, nothing guessed). Version 1 lacked
 * `none` and `described`, version 2 `counted` (optional: its next counter starts afresh);
 * everything they held is kept. */
export function migrateState(version: number, stored: unknown): DialogState | undefined {
  const object = typeof stored === "object" && stored !== null ? (stored as object) : undefined;
  const upgraded =
    version === 1 && object
      ? { none: [], described: false, ...object, version: STATE_VERSION }
      : version === 2 && object
        ? { ...object, version: STATE_VERSION }
        : version === STATE_VERSION
          ? stored
          : undefined;
  const parsed = DialogStateSchema.safeParse(upgraded);
  return parsed.success ? parsed.data : undefined;
}

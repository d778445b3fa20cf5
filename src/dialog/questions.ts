/**
 * Turns a fact of the policy data into a question with buttons, and a user's message into
 * that fact's value. Question wording comes from the data (facts.json and the documents);
 * only the district question, which no document declares, is worded here.
 */
import type { PolicySet } from "../policy/load.ts";
import { OUTSIDE } from "../policy/profile.ts";
import type { Fact, Localized } from "../policy/schema.ts";
import { yuanText } from "../render/report.ts";
import type { Units } from "../render/units.ts";
import { offeredAreas, presetFlagsMatter, unqualified, usefulPresets } from "./areas.ts";
import { combine, pick, readTyped } from "./reading.ts";
import type { DialogState } from "./state.ts";
import { TEXT } from "./text.ts";
import type { Lang, Reply } from "./types.ts";
import { labelCore } from "./understand/vocab.ts";

export const DISTRICT = "district";

/** One answer a question offers. `key` ends the button id; `names` are what a user may type for it. */
export interface AnswerOption {
  key: string;
  label: string;
  /** The button's label where `label` is too long for one (data `short`). */
  short?: string;
  names: string[];
  value?: unknown;
  special?: "unknown" | "none";
}

export type Interpretation =
  | { kind: "value"; value: unknown }
  | { kind: "unknown" }
  /** The answer rules out every value (a plain "no" to "which DCMM level?"): nothing stored. */
  | { kind: "none" }
  | { kind: "unreadable"; hint: string };

const both = (pick: (lang: Lang) => string) => [pick("zh"), pick("en")];

const shortNames = (short: Localized | undefined) => (short ? [short.zh, short.en] : []);

export function factOf(set: PolicySet, path: string): Fact | undefined {
  return set.facts.get(path);
}

export function labelOf(set: PolicySet, path: string, lang: Lang): string {
  if (path === DISTRICT) return TEXT[lang].districtLabel;
  return set.facts.get(path)?.label[lang] ?? path;
}

/** The options of `path`'s question; an area checklist shows, for `state`, only the areas the
 * user's district's documents have and that nothing said so far has already covered. */
export function answerOptions(
  set: PolicySet,
  path: string,
  lang: Lang,
  state?: DialogState,
): { options: AnswerOption[]; multi: boolean } {
  const t = TEXT[lang];
  const unknown: AnswerOption = {
    key: "u",
    label: t.unknown,
    names: [...both((l) => TEXT[l].unknown), "unknown"],
    special: "unknown",
  };
  const none: AnswerOption = {
    key: "n",
    label: t.none,
    names: [...both((l) => TEXT[l].none), "none"],
    special: "none",
    value: [],
  };
  const skip: AnswerOption = {
    ...unknown,
    label: t.skip,
    names: [...unknown.names, ...both((l) => TEXT[l].skip)],
  };
  if (path === DISTRICT) {
    const districts = set.documents.map((d, i) => ({
      key: String(i + 1),
      label: d.district[lang],
      names: [d.district.zh, d.district.en, d.id, ...d.aliases],
      value: d.id,
    }));
    const other = {
      key: "o",
      label: t.districtOther,
      names: [...both((l) => TEXT[l].districtOther), "其他", "其他区", "other", "elsewhere", "neither"],
      value: OUTSIDE,
    };
    return { options: [...districts, other], multi: false };
  }
  const fact = set.facts.get(path);
  if (!fact) return { options: [], multi: false };
  switch (fact.type) {
    case "boolean":
      return {
        options: [
          { key: "y", label: t.yes, names: both((l) => TEXT[l].yes), value: true },
          { key: "f", label: t.no, names: both((l) => TEXT[l].no), value: false },
          unknown,
        ],
        multi: false,
      };
    case "choice":
    case "set": {
      const shown = state && fact.type === "set" ? offeredAreas(set, state, fact) : undefined;
      const options = fact.options
        .map((o, i) => ({
          key: String(i + 1),
          label: o.label[lang],
          ...(o.short ? { short: o.short[lang] } : {}),
          names: [o.label.zh, o.label.en, ...shortNames(o.short), String(o.value)],
          value: o.value,
        }))
        .filter((o) => !shown || shown.has(o.value));
      return fact.type === "choice"
        ? { options: [...options, unknown], multi: false }
        : { options: [...options, none, unknown], multi: true };
    }
    case "records": {
      const useful = state ? usefulPresets(set, state, fact) : undefined;
      const presets = fact.presets
        .map((p, i) => ({
          key: String(i + 1),
          // The qualifier in brackets only where the user's documents ask it.
          label:
            !state || presetFlagsMatter(set, state, fact, i) ? p.label[lang] : unqualified(p.label[lang]),
          ...(p.short ? { short: p.short[lang] } : {}),
          names: [
            p.label.zh,
            p.label.en,
            unqualified(p.label.zh),
            unqualified(p.label.en),
            ...shortNames(p.short),
          ],
          value: p.value,
        }))
        .filter((_, i) => !useful || useful.has(i));
      return { options: [...presets, none, unknown], multi: true };
    }
    case "integer": {
      // A level is one of a few whole numbers, its bounds in the data: a button each, pressed
      // rather than typed. A wider range is typed.
      const size = fact.max - fact.min + 1;
      if (size > CLOSED_SET_MAX) return { options: [skip], multi: false };
      const levels = Array.from({ length: size }, (_, i): AnswerOption => {
        const value = fact.min + i;
        return { key: String(value), label: String(value), names: [String(value)], value };
      });
      return { options: [...levels, unknown], multi: false };
    }
    case "amount":
    case "count":
    case "percent":
    case "decimal":
    case "date":
      // A figure (or a date) is typed; the one button skips it, so no hint has to say how.
      return { options: [skip], multi: false };
  }
}

/** A button holds 12 characters on a phone; a longer option shows its data `short`, or its words
 * without the bracketed qualifier ("Tongzhou" for "Tongzhou (Beijing City Sub-center)"), and its
 * full wording goes in the question's text. */
export const MAX_BUTTON_CHARS = 12;
function buttonLabel(option: AnswerOption): string {
  if (option.short) return option.short;
  const plain = unqualified(option.label);
  return [...option.label].length > MAX_BUTTON_CHARS && [...plain].length <= MAX_BUTTON_CHARS
    ? plain
    : option.label;
}

/** The most values an integer fact may have to be offered as buttons (a level 0–5 has six). */
const CLOSED_SET_MAX = 10;

/** Facts answered by typing a figure or a date: a number typed is that figure, never a button's
 * place in the list. */
const TYPED = new Set(["amount", "integer", "count", "percent", "decimal", "date"]);
export const isFigure = (fact: Fact | undefined) => TYPED.has(fact?.type ?? "");

export function questionReply(
  set: PolicySet,
  path: string,
  lang: Lang,
  seq: number,
  progress: string | undefined,
  state?: DialogState,
): Extract<Reply, { kind: "question" }> {
  const t = TEXT[lang];
  const fact = set.facts.get(path);
  const { options, multi } = answerOptions(set, path, lang, state);
  const text = path === DISTRICT ? t.districtQuestion : (fact?.question?.[lang] ?? fact?.label[lang] ?? path);
  // One hint a question: the data's own, else how to pick several unless the question already
  // says so ("（可多选）"). How to skip is a button ("不知道／跳过", "跳过") on every question.
  const saysMulti = /可多选|several allowed/i.test(text);
  const help =
    (path === DISTRICT ? t.districtHelp : fact?.help?.[lang]) ??
    (multi && !saysMulti ? t.multiHint : undefined);
  // A checklist shows what is ticked so far, however often it is drawn again.
  const pending = state?.pending;
  const ticked = pending?.kind === "fact" && pending.path === path ? pending.selected : [];
  return {
    kind: "question",
    text,
    ...(progress ? { progress } : {}),
    ...(help ? { help } : {}),
    choices: options.map((o) => ({
      id: `${seq}.${o.key}`,
      label: buttonLabel(o),
      ...(buttonLabel(o) !== o.label ? { detail: o.label } : {}),
      ...(ticked.includes(o.key) ? { ticked: true as const } : {}),
    })),
    multi,
    ...(multi ? { done: t.done } : {}),
    ...(isFigure(fact) && path !== DISTRICT ? { figure: true as const } : {}),
  };
}

/** What a typed message says as the answer to `path`'s question (options as `state` shows them). */
export function interpretText(
  set: PolicySet,
  path: string,
  text: string,
  lang: Lang,
  state?: DialogState,
): Interpretation {
  return readTyped(set, path, text, lang, answerOptions(set, path, lang, state));
}

export { combine, pick };

/** How an answer reads back in `/profile`. */
/** `units`: how an amount is written on the surface (render/units.ts); yuan by default. */
export function describeValue(
  set: PolicySet,
  path: string,
  value: unknown,
  lang: Lang,
  units: Units = "yuan",
): string {
  const t = TEXT[lang];
  const { options } = answerOptions(set, path, lang);
  const fact = set.facts.get(path);
  const labelFor = (v: unknown) =>
    options.find((o) => !o.special && JSON.stringify(o.value) === JSON.stringify(v))?.label ??
    (fact?.type === "records" && v && typeof v === "object"
      ? recordText(fact, v as Record<string, unknown>, lang)
      : String(v));
  if (Array.isArray(value)) return value.length === 0 ? t.none : value.map(labelFor).join(t.listSeparator);
  if (typeof value === "boolean") return value ? t.yes : t.no;
  if (typeof value === "number" && fact?.type === "amount") {
    return yuanText(value, lang, units);
  }
  if (typeof value === "number" && fact?.type === "percent") return `${value}%`;
  return labelFor(value);
}

/** An item of a records fact that no preset names, in words: its choices (level before kind,
 * "北京市级重点实验室／数据科学实验室"), then the flags it has in brackets ("（新认定）"). */
function recordText(
  fact: Extract<Fact, { type: "records" }>,
  item: Record<string, unknown>,
  lang: Lang,
): string {
  const choices: string[] = [];
  const flags: string[] = [];
  for (const [name, spec] of Object.entries(fact.fields)) {
    const v = item[name];
    if (spec.type === "boolean") {
      if (v === true) flags.push(labelCore(spec.label[lang]));
    } else {
      const option = spec.options.find((o) => o.value === v);
      if (option) choices.unshift(labelCore(option.label[lang]));
    }
  }
  const named = choices.join(lang === "zh" ? "" : " ");
  if (flags.length === 0) return named;
  return lang === "zh" ? `${named}（${flags.join("、")}）` : `${named} (${flags.join(", ")})`;
}

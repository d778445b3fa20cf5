/**
 * Turns a fact of the policy data into a question with buttons, and a user's message into
 * that fact's value. Question wording comes from the data (facts.json and the documents);
 * only the district question, which no document declares, is worded here.
 */
import type { PolicySet } from "../policy/load.ts";
import { OUTSIDE } from "../policy/profile.ts";
import type { Fact } from "../policy/schema.ts";
import { yuanText } from "../render/report.ts";
import {
  isPlainNo,
  parseAmount,
  parseChoice,
  parseChoices,
  parseCount,
  parseDate,
  parseDecimal,
  parsePercent,
  parseYesNo,
} from "./parse/index.ts";
import { TEXT } from "./text.ts";
import type { Lang, Reply } from "./types.ts";

export const DISTRICT = "district";

/** Counts asked about (years funded, datasets recognised) are small: "3000万" to one is a slip. */
const MAX_COUNT = 1_000;

/** One answer a question offers. `key` ends the button id; `names` are what a user may type for it. */
export interface AnswerOption {
  key: string;
  label: string;
  names: string[];
  value?: unknown;
  special?: "unknown" | "none";
}

export type Interpretation =
  | { kind: "value"; value: unknown }
  | { kind: "unknown" }
  | { kind: "unreadable"; hint: string };

const both = (pick: (lang: Lang) => string) => [pick("zh"), pick("en")];

export function factOf(set: PolicySet, path: string): Fact | undefined {
  return set.facts.get(path);
}

export function labelOf(set: PolicySet, path: string, lang: Lang): string {
  if (path === DISTRICT) return TEXT[lang].districtLabel;
  return set.facts.get(path)?.label[lang] ?? path;
}

export function answerOptions(
  set: PolicySet,
  path: string,
  lang: Lang,
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
      const options = fact.options.map((o, i) => ({
        key: String(i + 1),
        label: o.label[lang],
        names: [o.label.zh, o.label.en, String(o.value)],
        value: o.value,
      }));
      return fact.type === "choice"
        ? { options: [...options, unknown], multi: false }
        : { options: [...options, none, unknown], multi: true };
    }
    case "records": {
      const presets = fact.presets.map((p, i) => ({
        key: String(i + 1),
        label: p.label[lang],
        names: [p.label.zh, p.label.en],
        value: p.value,
      }));
      return { options: [...presets, none, unknown], multi: true };
    }
    case "amount":
    case "count":
    case "integer":
    case "percent":
    case "decimal":
    case "date":
      return { options: [], multi: false };
  }
}

export function questionReply(
  set: PolicySet,
  path: string,
  lang: Lang,
  seq: number,
  progress: string | undefined,
): Extract<Reply, { kind: "question" }> {
  const t = TEXT[lang];
  const fact = set.facts.get(path);
  const { options, multi } = answerOptions(set, path, lang);
  const text = path === DISTRICT ? t.districtQuestion : (fact?.question?.[lang] ?? fact?.label[lang] ?? path);
  const hints = [path === DISTRICT ? t.districtHelp : fact?.help?.[lang], multi ? t.multiHint : undefined];
  if (options.length === 0) hints.push(t.skipHint);
  const help = hints.filter(Boolean).join(" ");
  return {
    kind: "question",
    text,
    ...(progress ? { progress } : {}),
    ...(help ? { help } : {}),
    choices: options.map((o) => ({ id: `${seq}.${o.key}`, label: o.label })),
    multi,
  };
}

/** What a typed message says as the answer to `path`'s question. */
export function interpretText(set: PolicySet, path: string, text: string, lang: Lang): Interpretation {
  const t = TEXT[lang];
  const { options, multi } = answerOptions(set, path, lang);
  const choosable = options.map((o) => ({ id: o.key, names: o.names }));
  if (multi) {
    const keys = parseChoices(text, choosable);
    if (keys === null) return isPlainNo(text) ? { kind: "value", value: [] } : unreadable(set, path, lang);
    return combine(options.filter((o) => keys.includes(o.key)));
  }
  const key = options.length > 0 ? parseChoice(text, choosable) : null;
  if (key !== null) return pick(options.find((o) => o.key === key));
  const fact = set.facts.get(path);
  switch (fact?.type) {
    case "boolean": {
      const yes = parseYesNo(text);
      return yes === null ? unreadable(set, path, lang) : { kind: "value", value: yes };
    }
    case "amount": {
      const amount = parseAmount(text) ?? (isPlainNo(text) ? 0 : null);
      return amount === null ? unreadable(set, path, lang) : { kind: "value", value: amount };
    }
    case "count": {
      const count = parseCount(text);
      return count === null || count > (fact.max ?? MAX_COUNT)
        ? unreadable(set, path, lang)
        : { kind: "value", value: count };
    }
    case "integer": {
      const n = parseCount(text);
      if (n !== null && n >= fact.min && n <= fact.max) return { kind: "value", value: n };
      // "没有" to a level that starts at 1: nothing to record, so it stays unknown.
      if (n === 0 && fact.min > 0) return { kind: "unknown" };
      return { kind: "unreadable", hint: t.unreadable.integer(fact.min, fact.max) };
    }
    case "percent":
    case "decimal":
    case "date":
      return typedValue(fact, text, lang);
    case "choice": {
      // "没有" picks a "none" option where the fact has one (public-data operation).
      const none = isPlainNo(text) ? options.find((o) => o.value === "none") : undefined;
      return none ? pick(none) : unreadable(set, path, lang);
    }
    default:
      return unreadable(set, path, lang);
  }
}

/** Percent, decimal and date answers ("12.5%", "1.25", "2024年6月"). */
function typedValue(
  fact: Extract<Fact, { type: "percent" | "decimal" | "date" }>,
  text: string,
  lang: Lang,
): Interpretation {
  const hints = TEXT[lang].unreadable;
  switch (fact.type) {
    case "percent": {
      const value = parsePercent(text);
      return value === null ? { kind: "unreadable", hint: hints.percent } : { kind: "value", value };
    }
    case "decimal": {
      const value = parseDecimal(text);
      const inRange = value !== null && (fact.min ?? -Infinity) <= value && value <= (fact.max ?? Infinity);
      return inRange ? { kind: "value", value } : { kind: "unreadable", hint: hints.decimal };
    }
    case "date": {
      const value = parseDate(text);
      return value === null ? { kind: "unreadable", hint: hints.date } : { kind: "value", value };
    }
  }
}

/** A button (by its key) on `path`'s question. */
export function pick(option: AnswerOption | undefined): Interpretation {
  if (!option) return { kind: "unreadable", hint: "" };
  if (option.special === "unknown") return { kind: "unknown" };
  return { kind: "value", value: structuredClone(option.value) };
}

/** Several picked options as one value: the list of their values ("none" and "unknown" win alone). */
export function combine(picked: AnswerOption[]): Interpretation {
  const real = picked.filter((o) => !o.special);
  if (real.length === 0) {
    return picked.some((o) => o.special === "none") ? { kind: "value", value: [] } : { kind: "unknown" };
  }
  return { kind: "value", value: real.map((o) => structuredClone(o.value)) };
}

function unreadable(set: PolicySet, path: string, lang: Lang): Interpretation {
  const hints = TEXT[lang].unreadable;
  const type = path === DISTRICT ? "choice" : (set.facts.get(path)?.type ?? "choice");
  const hint =
    type === "boolean" || type === "amount" || type === "count" || type === "choice"
      ? hints[type]
      : type === "set" || type === "records"
        ? hints.set
        : hints.choice;
  return { kind: "unreadable", hint };
}

/** How an answer reads back in `/profile`. */
export function describeValue(set: PolicySet, path: string, value: unknown, lang: Lang): string {
  const t = TEXT[lang];
  const { options } = answerOptions(set, path, lang);
  const labelFor = (v: unknown) =>
    options.find((o) => !o.special && JSON.stringify(o.value) === JSON.stringify(v))?.label ?? String(v);
  if (Array.isArray(value)) return value.length === 0 ? t.none : value.map(labelFor).join(t.listSeparator);
  if (typeof value === "boolean") return value ? t.yes : t.no;
  if (typeof value === "number" && set.facts.get(path)?.type === "amount") {
    return yuanText(value, lang);
  }
  if (typeof value === "number" && set.facts.get(path)?.type === "percent") return `${value}%`;
  return labelFor(value);
}

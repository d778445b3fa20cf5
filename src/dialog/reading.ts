/**
 * A typed message as the answer to the open question: first the options as the dialog showed
 * them (their numbers, labels, values), then the one free-text reader (understand/), whose
 * reasons for not reading an answer become hints that say what is expected.
 */
import type { PolicySet } from "../policy/load.ts";
import { type ChoiceOption, parseChoice, parseChoices } from "./parse/index.ts";
import { type AnswerOption, type Interpretation, isFigure } from "./questions.ts";
import { TEXT } from "./text.ts";
import type { Lang } from "./types.ts";
import { readAnswer, type UnreadReason } from "./understand/index.ts";
import { bareNorm as bare } from "./understand/normalize.ts";

export function readTyped(
  set: PolicySet,
  path: string,
  text: string,
  lang: Lang,
  shown: { options: AnswerOption[]; multi: boolean },
): Interpretation {
  // A number typed for a figure (an amount, a level) is that figure, never the n-th button.
  const figure = isFigure(set.facts.get(path)) && /^[0-9]/.test(bare(text));
  const exact = figure ? byValue(text, shown) : readByOption(text, shown, strictChoice);
  if (exact) return exact;
  const reading = readAnswer(path, text, set);
  switch (reading.kind) {
    case "value":
      return reading.value === null ? { kind: "none" } : { kind: "value", value: reading.value };
    case "unknown":
      return { kind: "unknown" };
    case "unread": {
      // Last, a label typed in part or misspelt ("univercity"), but never for yes/no, where a
      // word inside the answer ("not sure" holds "no") would be taken for the answer.
      const loose =
        set.facts.get(path)?.type === "boolean" || figure ? null : readByOption(text, shown, parseChoice);
      return loose ?? { kind: "unreadable", hint: hintFor(set, path, reading.reason, lang) };
    }
  }
}

type ChoiceReader = (text: string, options: ChoiceOption[]) => string | null;

/** An option by its number as listed, its value or one of its names, exactly. */
const strictChoice: ChoiceReader = (text, options) => {
  const answer = bare(text);
  const number = /^(?:第|no\.?\s*|#|option\s*)?([0-9]{1,2})\s*(?:个|项|号|\.)?$/.exec(answer)?.[1];
  if (number) return options[Number(number) - 1]?.id ?? null;
  const core = (name: string) =>
    bare(name)
      .replace(/[（(].*?[）)]/g, "")
      .trim();
  return options.find((o) => o.names.some((n) => bare(n) === answer || core(n) === answer))?.id ?? null;
};

/** Separators between the options of a multi-choice answer ("1,3", "首登记和首交易"). */
const LIST = /\s*(?:[,，、;；+&]|\band\b|以及|和|与|及|还有)\s*/;

/** An option typed by its value, number or name, as the question listed them. */
function readByOption(
  text: string,
  shown: { options: AnswerOption[]; multi: boolean },
  reader: ChoiceReader,
): Interpretation | null {
  const { options, multi } = shown;
  if (options.length === 0) return null;
  // An option whose value is typed as is ("3" for "year 3") is that option, not the third one.
  const typedValue = byValue(text, shown);
  if (typedValue) return typedValue;
  const choosable = options.map((o) => ({ id: o.key, names: o.names }));
  if (multi) {
    const whole = reader(text, choosable);
    if (whole !== null) return combine(options.filter((o) => o.key === whole));
    const keys = reader === strictChoice ? strictList(text, choosable) : parseChoices(text, choosable);
    return keys === null ? null : combine(options.filter((o) => keys.includes(o.key)));
  }
  const key = reader(text, choosable);
  return key === null ? null : pick(options.find((o) => o.key === key));
}

/** The option whose value is typed as is. */
function byValue(text: string, { options, multi }: { options: AnswerOption[]; multi: boolean }) {
  const typed = bare(text);
  const option = options.find((o) => !o.special && typeof o.value !== "object" && String(o.value) === typed);
  return option ? (multi ? combine([option]) : pick(option)) : null;
}

function strictList(text: string, options: ChoiceOption[]): string[] | null {
  const parts = bare(text)
    .split(LIST)
    .flatMap((p) => (/^[0-9 ]+$/.test(p) ? p.split(" ") : [p]))
    .filter(Boolean);
  if (parts.length < 2) return null;
  const keys = parts.map((p) => strictChoice(p, options));
  return keys.every((k) => k !== null) ? [...new Set(keys as string[])] : null;
}

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

/** What the answer should look like, for the reason it could not be read. */
export function hintFor(set: PolicySet, path: string, reason: UnreadReason, lang: Lang): string {
  const t = TEXT[lang];
  const fact = set.facts.get(path);
  switch (reason) {
    case "negative":
      return t.unreadable.negative;
    case "not_yuan":
      return t.unreadable.notYuan;
    case "upper_bound":
      return fact?.type === "amount" ? t.unreadable.upperBound : t.unreadable.upperBoundCount;
    case "out_of_range":
      if (fact?.type === "integer") return t.unreadable.integer(fact.min, fact.max);
      return fact?.type === "count"
        ? `${t.unreadable.outOfRange} ${t.unreadable.count}`
        : t.unreadable.outOfRange;
    case "not_a_number":
    case "not_an_option":
    case "not_understood":
      break;
  }
  switch (fact?.type) {
    case "boolean":
    case "amount":
    case "count":
    case "choice":
      return t.unreadable[fact.type];
    case "integer":
      return t.unreadable.integer(fact.min, fact.max);
    case "percent":
    case "decimal":
    case "date":
      return t.unreadable[fact.type];
    case "set":
    case "records":
      return t.unreadable.set;
    default:
      return t.unreadable.choice;
  }
}

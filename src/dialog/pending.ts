/**
 * The open question as CONTRACT.md section 8 shows it to programs: the fact it asks about, its
 * type, and options whose `id` is what to type to pick them (the value itself for enums).
 */
import type { PolicySet } from "../policy/load.ts";
import { type AnswerOption, answerOptions, DISTRICT } from "./questions.ts";
import type { DialogState } from "./state.ts";
import { compareOptions, editFieldOptions } from "./steps.ts";

export type PendingType = "boolean" | "amount" | "integer" | "choice" | "multi" | "text";

export interface PendingOption {
  id: string;
  label: string;
  facts?: string[];
}

export interface PendingQuestion {
  fact: string;
  type: PendingType;
  options: PendingOption[];
}

export function pendingQuestion(state: DialogState, set: PolicySet): PendingQuestion | null {
  const pending = state.pending;
  if (!pending) return null;
  switch (pending.kind) {
    case "fact":
      return factQuestion(state, set, pending.path);
    case "compare":
      return { fact: "compare", type: "choice", options: compareOptions(state.lang).map(plainOption) };
    case "editField":
      return {
        fact: "editField",
        type: "choice",
        options: editFieldOptions(state, set, pending.paths).map(plainOption),
      };
  }
}

const plainOption = (o: AnswerOption): PendingOption => ({ id: o.key, label: o.label });

function factQuestion(state: DialogState, set: PolicySet, path: string): PendingQuestion {
  const { options, multi } = answerOptions(set, path, state.lang, state);
  const fact = set.facts.get(path);
  const type: PendingType =
    path === DISTRICT
      ? "choice"
      : fact?.type === "count" || fact?.type === "integer"
        ? "integer"
        : fact?.type === "set" || fact?.type === "records"
          ? "multi"
          : fact?.type === "boolean" || fact?.type === "amount" || fact?.type === "choice"
            ? fact.type
            : "text";
  // A level's buttons are listed too (their ids the values); a typed figure's lone "skip" is not.
  const levels = options.some((o) => o.special === undefined);
  if (type !== "choice" && type !== "multi" && !(type === "integer" && levels))
    return { fact: path, type, options: [] };
  const covers = fact?.type === "set" ? fact.options : [];
  return {
    fact: path,
    type: multi ? "multi" : type,
    options: options.map((o, i) => {
      const covered = covers.find((c) => c.value === o.value)?.covers;
      return { id: optionId(o, i), label: o.label, ...(covered ? { facts: covered } : {}) };
    }),
  };
}

/** The value for an enum option (typing it picks it), the special word for "none"/"don't know",
 * and otherwise (records presets) the option's number as listed, which typing picks too. */
function optionId(o: AnswerOption, index: number): string {
  if (o.special === "none") return "none";
  if (o.special === "unknown") return "unknown";
  if (typeof o.value === "string" || typeof o.value === "number") return String(o.value);
  return String(index + 1);
}

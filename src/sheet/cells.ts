/**
 * Cells as staff type them, read into profile values (CONTRACT.md section 9): 是/否, "3000万",
 * "一个亿", lists joined by 、 or a comma. Plain values (numbers, 是/否, an option's value or
 * label) are taken at once; anything else goes through the project's one reader of answers
 * (src/dialog/understand), so a sheet and a chat read "3000多万" alike. A cell saying it is not
 * known ("不清楚") is a missing fact. A cell that cannot be read throws a CellError saying what
 * was expected; the row then reports it and the sheet goes on.
 */
import { readAnswer, type UnreadReason } from "../dialog/understand/index.ts";
import type { PolicySet } from "../policy/load.ts";
import { OUTSIDE } from "../policy/profile.ts";
import type { Fact } from "../policy/schema.ts";

/** A cell after the spreadsheet library: formulas, rich text and links reduced to their value. */
export type Cell = string | number | boolean | null;

export class CellError extends Error {
  override readonly name = "CellError";
}

// The contract's spellings and the usual check marks; anything else is refused rather than guessed.
const YES = new Set(["是", "有", "true", "1", "y", "yes", "√", "✓", "✔", "对"]);
const NO = new Set(["否", "无", "没有", "false", "0", "n", "no", "×", "✗", "✘", "不是"]);

/** A list cell: values joined by 、 , ， ; ； or a line break. */
const LIST_SEPARATOR = /\s*[、,，;；\n]\s*/;

const shown = (cell: Cell) => JSON.stringify(String(cell));

/** What each kind of fact expects, for the error of a cell that cannot be read. */
const EXPECTED: Record<Fact["type"], string> = {
  boolean: "是 or 否 (true/false, 1/0, y/n)",
  amount: "an amount in yuan such as 30000000, 3000万 or 一个亿",
  count: "a whole number",
  integer: "a whole number",
  percent: "a percentage such as 12.5 or 12.5%",
  decimal: "a number",
  date: "a date such as 2026-03-01",
  choice: "one of the options",
  set: "options joined by 、",
  records: "items joined by 、",
};
const WHY: Partial<Record<UnreadReason, string>> = {
  negative: "a negative figure",
  out_of_range: "a figure out of range",
  not_yuan: "not in yuan",
};

/** The project's reader, for whatever the quick paths below do not settle. undefined: not known. */
function readByAnswer(set: PolicySet, fact: Fact, cell: Cell, expected = EXPECTED[fact.type]): unknown {
  const reading = readAnswer(fact.path, String(cell), set);
  if (reading.kind === "value" && reading.value !== null) return reading.value;
  if (reading.kind === "unknown") return undefined;
  const why = reading.kind === "unread" ? WHY[reading.reason] : undefined;
  throw new CellError(`expected ${expected}, got ${shown(cell)}${why ? ` (${why})` : ""}`);
}

function readBoolean(set: PolicySet, fact: Fact, cell: Cell): unknown {
  if (typeof cell === "boolean") return cell;
  const text = String(cell).trim().toLowerCase();
  if (YES.has(text)) return true;
  if (NO.has(text)) return false;
  return readByAnswer(set, fact, cell);
}

function readFigure(set: PolicySet, fact: Fact, cell: Cell): unknown {
  // A number cell is the figure itself; the profile schema checks its range and kind.
  if (typeof cell === "number") return cell;
  return readByAnswer(set, fact, cell);
}

interface Option {
  value: string | number;
  label: { zh: string; en: string };
}

/** Names that pick an option outright (value, labels, labels without their bracketed note),
 * built once per option list: a 10,000-row sheet reads the same few options over and over. */
const exactNames = new WeakMap<Option[], Map<string, string | number>>();
const key = (text: string) => text.normalize("NFKC").toLowerCase().replace(/\s+/g, "");

function namesOf(options: Option[]): Map<string, string | number> {
  let names = exactNames.get(options);
  if (!names) {
    names = new Map();
    for (const o of options) {
      for (const name of [String(o.value), o.label.zh, o.label.en]) {
        names.set(key(name), o.value);
        names.set(key(name.replace(/[（(].*?[）)]/g, "")), o.value);
      }
    }
    exactNames.set(options, names);
  }
  return names;
}

/** A date cell: text as typed, or an Excel date serial (reading skips styles, so a date typed in
 * Excel arrives as its day number; 25569 is 1970-01-01). */
function readDate(set: PolicySet, fact: Fact, cell: Cell): unknown {
  if (typeof cell === "number" && cell > 0 && cell < 2958466) {
    return new Date(Math.round((cell - 25569) * 86_400_000)).toISOString().slice(0, 10);
  }
  const text = String(cell).trim();
  return /^\d{4}-\d{2}(-\d{2})?$/.test(text) ? text : readByAnswer(set, fact, cell);
}

/** An option by its value or label, or null. */
function exactOption(text: string, options: Option[]): string | number | null {
  return namesOf(options).get(key(text)) ?? null;
}

const optionList = (options: Option[]) => options.map((o) => `${o.value} (${o.label.zh})`).join(", ");

const parts = (cell: Cell) =>
  String(cell)
    .split(LIST_SEPARATOR)
    .filter((p) => p !== "");

/** A platforms cell: its presets' labels joined by 、, the JSON array of section 2, or what the
 * project's reader makes of a description ("市级重点实验室"). */
function readRecords(set: PolicySet, cell: Cell, fact: Extract<Fact, { type: "records" }>): unknown {
  const text = String(cell).trim();
  if (text.startsWith("[")) {
    try {
      const value: unknown = JSON.parse(text);
      if (Array.isArray(value)) return value;
    } catch {
      // fall through to the message below
    }
    throw new CellError(`expected a JSON array of ${fact.path} items, got ${shown(cell)}`);
  }
  const presets = presetOptions(fact);
  const picked = parts(cell).map((part) => exactOption(part, presets));
  if (picked.every((i) => i !== null)) return picked.map((i) => ({ ...fact.presets[i as number]?.value }));
  return readByAnswer(set, fact, cell, `items joined by 、, such as ${fact.presets[0]?.label.zh ?? "…"}`);
}

const presetCache = new WeakMap<object, Option[]>();
function presetOptions(fact: Extract<Fact, { type: "records" }>): Option[] {
  let options = presetCache.get(fact);
  if (!options) {
    options = fact.presets.map((p, i) => ({ value: i, label: p.label }));
    presetCache.set(fact, options);
  }
  return options;
}

/** The profile value of a non-empty cell for `fact`, or undefined when the cell says it is not
 * known. Range and shape are left to the profile schema, which names the field. */
export function readFact(set: PolicySet, fact: Fact, cell: Cell): unknown {
  switch (fact.type) {
    case "boolean":
      return readBoolean(set, fact, cell);
    case "amount":
    case "count":
    case "integer":
    case "percent":
    case "decimal":
      return readFigure(set, fact, cell);
    case "date":
      return readDate(set, fact, cell);
    case "choice": {
      const exact = exactOption(String(cell), fact.options);
      return exact ?? readByAnswer(set, fact, cell, `one of ${optionList(fact.options)}`);
    }
    case "set": {
      const picked = parts(cell).map((part) => exactOption(part, fact.options));
      if (picked.every((v) => v !== null)) return [...new Set(picked)];
      return readByAnswer(set, fact, cell, `values of ${optionList(fact.options)} joined by 、`);
    }
    case "records":
      return readRecords(set, cell, fact);
  }
}

/** The district by id, by its name in either language or one of its aliases ("通州", "石景山区"),
 * or "other"; exact names only, since a guessed district would apply the wrong clauses. */
export function readDistrict(set: PolicySet, cell: Cell): string {
  const text = key(String(cell));
  for (const d of set.documents) {
    if ([d.id, d.district.zh, d.district.en, ...d.aliases].some((n) => key(n) === text)) return d.id;
  }
  if ([OUTSIDE, "其他", "其他区", "外区"].some((n) => key(n) === text)) return OUTSIDE;
  const names = set.documents.map((d) => `${d.id} (${d.district.zh})`).join(", ");
  throw new CellError(`expected ${names} or ${OUTSIDE}, got ${shown(cell)}`);
}

/**
 * Cells as staff type them, read into profile values (CONTRACT.md section 9): 是/否, "3000万",
 * "一个亿", lists joined by 、 or a comma. Amounts go through the project's one amount reader,
 * so a sheet and a chat read "3000多万" alike. A cell that cannot be read throws a CellError
 * saying what was expected; the row then reports it and the sheet goes on.
 */
import { parseAmount, parseChoice, parseCount } from "../dialog/parse/index.ts";
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

export function readBoolean(cell: Cell): boolean {
  if (typeof cell === "boolean") return cell;
  const text = String(cell).trim().toLowerCase();
  if (YES.has(text)) return true;
  if (NO.has(text)) return false;
  throw new CellError(`expected 是 or 否 (true/false, 1/0, y/n), got ${shown(cell)}`);
}

export function readAmount(cell: Cell): number {
  if (typeof cell === "number") {
    if (Number.isFinite(cell) && cell >= 0) return cell;
    throw new CellError(`expected an amount in yuan >= 0, got ${cell}`);
  }
  const value = typeof cell === "string" ? parseAmount(cell) : null;
  if (value === null) throw new CellError(`expected an amount in yuan such as 30000000 or 3000万, got ${shown(cell)}`);
  return value;
}

function readWhole(cell: Cell): number {
  if (typeof cell === "number" && Number.isInteger(cell)) return cell;
  const value = typeof cell === "string" ? parseCount(cell) : null;
  if (value === null) throw new CellError(`expected a whole number, got ${shown(cell)}`);
  return value;
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

/** An option by its value or label, else by the dialog's choice reader (a close spelling, a
 * part of a label that fits one option only). */
function readOption(text: string, options: Option[]): string | number {
  const exact = namesOf(options).get(key(text));
  if (exact !== undefined) return exact;
  const id = parseChoice(
    text,
    options.map((o, i) => ({ id: String(i), names: [String(o.value), o.label.zh, o.label.en] })),
  );
  const option = id === null ? undefined : options[Number(id)];
  if (!option) {
    const list = options.map((o) => `${o.value} (${o.label.zh})`).join(", ");
    throw new CellError(`expected one of ${list}, got ${JSON.stringify(text)}`);
  }
  return option.value;
}

const parts = (cell: Cell) =>
  String(cell)
    .split(LIST_SEPARATOR)
    .filter((p) => p !== "");

/** A platforms cell: its presets' labels joined by 、, or the JSON array of section 2. */
function readRecords(cell: Cell, fact: Extract<Fact, { type: "records" }>): unknown[] {
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
  return parts(cell).map((part) => ({ ...fact.presets[readOption(part, presets) as number]?.value }));
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

/** The profile value of a non-empty cell for `fact`. Range and shape are left to the profile schema. */
export function readFact(fact: Fact, cell: Cell): unknown {
  switch (fact.type) {
    case "boolean":
      return readBoolean(cell);
    case "amount":
      return readAmount(cell);
    case "count":
    case "integer":
      return readWhole(cell);
    case "choice":
      return readOption(String(cell), fact.options);
    case "set":
      return [...new Set(parts(cell).map((part) => readOption(part, fact.options)))];
    case "records":
      return readRecords(cell, fact);
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

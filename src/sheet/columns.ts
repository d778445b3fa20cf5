/**
 * A staff sheet's header row, read as profile fields (CONTRACT.md section 9): each column is named
 * by its dotted section-2 path (`dcmm.level`) or by the label the advisor uses for that fact, in
 * Chinese or English (data/facts.json), so a sheet made from the template or by hand both work.
 */
import type { PolicySet } from "../policy/load.ts";
import type { Fact } from "../policy/schema.ts";
import { SheetError } from "./errors.ts";

/** What a column holds: one of the three staff fields, or a declared fact. */
export type Field = { kind: "id" } | { kind: "name" } | { kind: "district" } | { kind: "fact"; fact: Fact };

export interface Column {
  /** As written in the sheet, to name the column in an error. */
  header: string;
  /** The section-2 path the column fills, and its parts. */
  path: string;
  parts: string[];
  field: Field;
}

/** The staff fields' own labels; facts take theirs from data/facts.json. */
export const STAFF_FIELDS = {
  id: { zh: "编号", en: "ID", also: ["统一社会信用代码", "信用代码", "企业编号"] },
  name: { zh: "名称", en: "Name", also: ["企业名称", "单位名称", "主体名称"] },
  district: { zh: "所在区", en: "District", also: ["区", "注册区", "所属区"] },
} as const;

/** Facts a sheet cannot fill: the dialog's own area checklist is not an enterprise fact. */
const DIALOG_ONLY = new Set(["topics"]);

/** Header text compared without case, width or spacing differences ("DCMM 认证等级" = "dcmm认证等级"). */
export const headerKey = (text: string) => text.normalize("NFKC").toLowerCase().replace(/\s+/g, "");

/** The facts a sheet may fill, in the catalogue's order. */
export function sheetFacts(set: PolicySet): Fact[] {
  return [...set.facts.values()].filter((f) => !DIALOG_ONLY.has(f.path));
}

/** Every name a column may go by, mapped to its field; a label two facts share names neither. */
export function columnNames(set: PolicySet): Map<string, { path: string; field: Field }> {
  const names = new Map<string, { path: string; field: Field }>();
  const ambiguous = new Set<string>();
  const add = (name: string, path: string, field: Field) => {
    const key = headerKey(name);
    const seen = names.get(key);
    if (seen && seen.path !== path) ambiguous.add(key);
    else names.set(key, { path, field });
  };
  for (const kind of ["id", "name", "district"] as const) {
    const labels = STAFF_FIELDS[kind];
    for (const name of [kind, labels.zh, labels.en, ...labels.also]) add(name, kind, { kind });
  }
  for (const fact of sheetFacts(set)) {
    for (const name of [fact.path, fact.label.zh, fact.label.en])
      add(name, fact.path, { kind: "fact", fact });
  }
  for (const key of ambiguous) names.delete(key);
  // A path always names its own field, even if some label elsewhere equals it.
  for (const fact of sheetFacts(set))
    names.set(headerKey(fact.path), { path: fact.path, field: { kind: "fact", fact } });
  return names;
}

/** Reads the header row; blank headers are skipped columns, an unknown or repeated one is refused. */
export function readHeader(set: PolicySet, header: string[]): (Column | undefined)[] {
  const names = columnNames(set);
  const seen = new Map<string, string>();
  return header.map((text, index) => {
    if (text.trim() === "") return undefined;
    const found = names.get(headerKey(text));
    if (!found) {
      throw new SheetError(
        `column ${index + 1} "${text}" is not a profile field: name it by its CONTRACT.md section 2 path (e.g. dcmm.level) or the advisor's label (e.g. ${sheetFacts(set)[0]?.label.zh ?? "主体类型"}), or leave its header blank to skip it`,
      );
    }
    const before = seen.get(found.path);
    if (before !== undefined) {
      throw new SheetError(`columns "${before}" and "${text}" both fill ${found.path}: keep one of them`);
    }
    seen.set(found.path, text);
    return { header: text, ...found, parts: found.path.split(".") };
  });
}

/** How an error names a column: as the sheet does, with the path when the header is a label. */
export const columnName = (column: Pick<Column, "header" | "path">) =>
  headerKey(column.header) === headerKey(column.path) ? column.path : `${column.header} (${column.path})`;

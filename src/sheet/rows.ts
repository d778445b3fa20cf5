/**
 * One sheet row to one profile, and the sheet's rows to triage results (CONTRACT.md section 9):
 * a pure function of the table and the policy set. A bad row gets an `error` naming its column
 * and never stops the sheet.
 */

import { ProfileError } from "../policy/errors.ts";
import { evaluate } from "../policy/evaluate.ts";
import type { PolicySet } from "../policy/load.ts";
import type { Lang } from "../policy/outcome.ts";
import { type Profile, parseProfile } from "../policy/profile.ts";
import { toContractJson } from "../render/report.ts";
import { type Cell, CellError, readDistrict, readFact } from "./cells.ts";
import { type Column, columnName, readHeader } from "./columns.ts";

/** A sheet as read from a file: the header row and the non-blank rows after it. */
export interface Table {
  header: string[];
  /** `row` is the spreadsheet's own row number (the header is row 1), for staff to find it. */
  rows: { row: number; cells: Cell[] }[];
}

export type ContractResult = ReturnType<typeof toContractJson>;

/** One row's outcome: the entity's id and name whenever they could be read, then a result or an error. */
export interface RowResult {
  row: number;
  id?: string;
  name?: string;
  district?: string;
  result?: ContractResult;
  error?: string;
}

const isBlank = (cell: Cell) => cell === null || (typeof cell === "string" && cell.trim() === "");

/** The profile a row describes (its facts and district; id and name are checked and kept apart,
 * as they never change a result), or a ProfileError naming the column that is wrong. */
export function rowProfile(set: PolicySet, columns: (Column | undefined)[], cells: Cell[]): Profile {
  const profile: Record<string, unknown> = {};
  for (let index = 0; index < columns.length; index++) {
    const column = columns[index];
    const cell = cells[index] ?? null;
    if (!column || isBlank(cell)) continue;
    try {
      const value = cellValue(set, column, cell);
      if (value !== undefined) place(profile, column.parts, value);
    } catch (error) {
      if (error instanceof CellError) throw new ProfileError(columnName(column), error.message);
      throw error;
    }
  }
  if (profile.district === undefined)
    throw new ProfileError("district", "is required: give the entity's district in every row");
  try {
    return parseProfile(set.profileSchema, profile);
  } catch (error) {
    if (!(error instanceof ProfileError)) throw error;
    // The schema names a path ("platforms.0.kind"); staff know the column it came from.
    const column = columns.find((c) => c && (error.field === c.path || error.field.startsWith(`${c.path}.`)));
    throw column ? new ProfileError(columnName(column), error.message.replace(/^[^:]*: /, "")) : error;
  }
}

/** Sets a value at a path split beforehand (one column, 10,000 rows). */
function place(root: Record<string, unknown>, parts: string[], value: unknown): void {
  let node = root;
  const last = parts.length - 1;
  for (let i = 0; i < last; i++) {
    const part = parts[i] as string;
    node[part] ??= {};
    node = node[part] as Record<string, unknown>;
  }
  node[parts[last] as string] = value;
}

const IDENTITY_MAX = { id: 64, name: 200 } as const;

function cellValue(set: PolicySet, column: Column, cell: Cell): unknown {
  switch (column.field.kind) {
    case "id":
    case "name": {
      // Checked here as the profile schema would (CONTRACT.md section 2), then left out of the profile.
      const max = IDENTITY_MAX[column.field.kind];
      if (String(cell).trim().length > max) throw new CellError(`expected at most ${max} characters`);
      return undefined;
    }
    case "district":
      return readDistrict(set, cell);
    case "fact":
      return readFact(set, column.field.fact, cell);
  }
}

/** Triage of every row, in order. Throws a SheetError only for a header it cannot read. */
export function triageTable(set: PolicySet, table: Table, lang: Lang, asOf?: string): RowResult[] {
  const columns = readHeader(set, table.header);
  const idAt = columns.findIndex((c) => c?.field.kind === "id");
  const nameAt = columns.findIndex((c) => c?.field.kind === "name");
  return table.rows.map(({ row, cells }) => {
    const identity = {
      ...textAt(cells, idAt, "id"),
      ...textAt(cells, nameAt, "name"),
    };
    try {
      const profile = rowProfile(set, columns, cells);
      const result = toContractJson(
        evaluate(profile, set, { lang, ...(asOf !== undefined && { asOf }) }),
        set,
        profile.district,
        lang,
      );
      return { row, ...identity, district: profile.district, result };
    } catch (error) {
      if (!(error instanceof ProfileError)) throw error;
      return { row, ...identity, error: error.message };
    }
  });
}

function textAt(cells: Cell[], index: number, key: "id" | "name"): { id?: string; name?: string } {
  const cell = index < 0 ? null : (cells[index] ?? null);
  return isBlank(cell) ? {} : { [key]: String(cell).trim() };
}

/** The JSON Lines form: each row as `triage --json` prints a profile, id and name first; a bad
 * row as its id, name, row number and error. */
export function toJsonLine(r: RowResult): string {
  const identity = { ...(r.id !== undefined && { id: r.id }), ...(r.name !== undefined && { name: r.name }) };
  if (r.error !== undefined) return JSON.stringify({ ...identity, row: r.row, error: r.error });
  return JSON.stringify({ ...identity, district: r.district, ...r.result });
}

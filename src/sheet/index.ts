/**
 * Staff sheets end to end, without a process or a platform: bytes of a sheet in, triage of every
 * row, and the result table out. Used by `triage --sheet` and by the chat file flows.
 */
import type { PolicySet } from "../policy/load.ts";
import type { Lang } from "../policy/outcome.ts";
import { readTable, type SheetFormat } from "./read.ts";
import { type RowResult, triageTable } from "./rows.ts";
import { tableLayout, tableRow } from "./table.ts";
import type { OutTable } from "./write.ts";

export { SheetError } from "./errors.ts";
export { formatOf, type SheetFormat } from "./read.ts";
export { type RowResult, toJsonLine } from "./rows.ts";
export { tableBytes, writeTable } from "./write.ts";

export async function triageSheet(
  set: PolicySet,
  bytes: Buffer,
  format: SheetFormat,
  lang: Lang,
  asOf?: string,
): Promise<RowResult[]> {
  return triageTable(set, await readTable(bytes, format), lang, asOf);
}

/** The result table of `rows` for writing as .xlsx or CSV. */
export function resultTable(set: PolicySet, rows: RowResult[], lang: Lang): OutTable {
  const layout = tableLayout(set, lang);
  return {
    header: layout.header,
    rows: rows.map((r) => tableRow(r, layout, lang)),
    yuanColumns: layout.yuanColumns,
    benefits: layout.benefits,
    lang,
  };
}

export interface SheetSummary {
  rows: number;
  matched: number;
  totalMax: number;
  errors: number;
}

export function summarize(rows: RowResult[]): SheetSummary {
  let matched = 0;
  let totalMax = 0;
  let errors = 0;
  for (const r of rows) {
    if (r.error !== undefined) errors++;
    else if (r.result && r.result.matches.length > 0) matched++;
    totalMax += r.result?.totals.max ?? 0;
  }
  return { rows: rows.length, matched, totalMax, errors };
}

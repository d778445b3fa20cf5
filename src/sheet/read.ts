/**
 * Reads a staff sheet, .xlsx (first worksheet) or .csv (UTF-8 with or without BOM), into a
 * Table with exceljs. Cells come back as the values staff typed: formulas as their result,
 * rich text and links as their text, dates as yyyy-mm-dd.
 */
import { Readable } from "node:stream";
import { parseString } from "@fast-csv/parse";

/** exceljs takes about half a second to load: only .xlsx work waits for it, CSV does not. */
const excel = async () => (await import("exceljs")).default;

import type { Cell } from "./cells.ts";
import { SheetError } from "./errors.ts";
import type { Table } from "./rows.ts";

export type SheetFormat = "xlsx" | "csv";

/** The format a file name says, or undefined (an old .xls, a PDF, no extension). */
export function formatOf(fileName: string): SheetFormat | undefined {
  const m = /\.(xlsx|csv)$/i.exec(fileName.trim());
  return m ? (m[1]?.toLowerCase() as SheetFormat) : undefined;
}

const ZIP_MAGIC = Buffer.from([0x50, 0x4b, 0x03, 0x04]);

export async function readTable(bytes: Buffer, format: SheetFormat): Promise<Table> {
  return format === "xlsx" ? readXlsx(bytes) : readCsv(bytes);
}

async function readXlsx(bytes: Buffer): Promise<Table> {
  if (!bytes.subarray(0, 4).equals(ZIP_MAGIC)) {
    throw new SheetError(
      "not an .xlsx workbook (an old .xls or another file?): save it as .xlsx or CSV UTF-8 and send it again",
    );
  }
  const reader = new (await excel()).stream.xlsx.WorkbookReader(Readable.from([bytes]), {
    worksheets: "emit",
    sharedStrings: "cache",
    hyperlinks: "ignore",
    // Styles would only tell dates from numbers, and no fact is a date; ignoring them reads faster.
    styles: "ignore",
    entries: "ignore",
  });
  const rows: Cell[][] = [];
  const numbers: number[] = [];
  try {
    for await (const sheet of reader) {
      for await (const row of sheet) {
        numbers.push(row.number);
        rows.push(rowCells(row.values as unknown[]));
      }
      break; // the first worksheet only
    }
  } catch (error) {
    throw new SheetError(
      `cannot read this .xlsx (${(error as Error).message}); save it again from Excel or WPS as .xlsx`,
    );
  }
  return toTable(rows, numbers);
}

/** exceljs row values are 1-based (index 0 unused). */
function rowCells(values: unknown[]): Cell[] {
  const cells: Cell[] = [];
  for (let i = 1; i < values.length; i++) cells.push(plain(values[i]));
  return cells;
}

/** A cell value as exceljs gives it, reduced to what was typed. */
export function plain(value: unknown): Cell {
  if (value === null || value === undefined) return null;
  if (typeof value === "string" || typeof value === "number" || typeof value === "boolean") return value;
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === "object") {
    const v = value as { result?: unknown; richText?: { text: string }[]; text?: unknown; error?: unknown };
    if ("result" in v) return plain(v.result);
    if (v.richText) return v.richText.map((r) => r.text).join("");
    if (v.text !== undefined) return plain(v.text);
    if (v.error !== undefined) return String(v.error);
  }
  return String(value);
}

/** CSV through fast-csv, the parser exceljs itself uses, called directly: exceljs would build a
 * worksheet of cell objects first (about 2.5 times slower for 10,000 rows) and guess dates. */
async function readCsv(bytes: Buffer): Promise<Table> {
  const text = decode(bytes);
  const rows: Cell[][] = [];
  try {
    await new Promise<void>((resolve, reject) => {
      parseString<string[], string[]>(text, { ignoreEmpty: false })
        .on("data", (row: string[]) => rows.push(row))
        .on("end", () => resolve())
        .on("error", reject);
    });
  } catch (error) {
    throw new SheetError(`cannot read this CSV (${(error as Error).message}); save it as CSV UTF-8`);
  }
  return toTable(
    rows,
    rows.map((_, i) => i + 1),
  );
}

/** UTF-8, BOM dropped; a sheet saved from Excel as plain "CSV" in China is GB18030, read as such. */
function decode(bytes: Buffer): string {
  if (bytes.includes(0)) throw new SheetError("not a CSV text file: send an .xlsx or a CSV UTF-8 file");
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    text = new TextDecoder("gb18030").decode(bytes);
  }
  return text.replace(/^\uFEFF/, "");
}

const blank = (cells: Cell[]) => cells.every((c) => c === null || (typeof c === "string" && c.trim() === ""));

function toTable(rows: Cell[][], numbers: number[]): Table {
  const at = rows.findIndex((cells) => !blank(cells));
  if (at < 0)
    throw new SheetError(
      "the sheet is empty: the first row names the columns (id, name, district, …), one entity a row after it",
    );
  const header = (rows[at] ?? []).map((c) =>
    c === null
      ? ""
      : String(c)
          .replace(/^\uFEFF/, "")
          .trim(),
  );
  const body: Table["rows"] = [];
  for (let i = at + 1; i < rows.length; i++) {
    const cells = rows[i] ?? [];
    if (!blank(cells)) body.push({ row: numbers[i] ?? i + 1, cells });
  }
  return { header, rows: body };
}

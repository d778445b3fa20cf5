/**
 * Writes the result table as .xlsx (exceljs's streaming writer: a frozen bold header, yuan with
 * thousands separators, widths that fit, and a second sheet "说明" naming each benefit column's
 * clause, quote and caveats) or as CSV (UTF-8 with a BOM, so Excel shows the Chinese).
 */
import { PassThrough, type Writable } from "node:stream";
import type ExcelJS from "exceljs";

/** exceljs takes about half a second to load: only .xlsx work waits for it, CSV does not. */
const excel = async () => (await import("exceljs")).default;

import type { Lang } from "../policy/outcome.ts";
import type { SheetFormat } from "./read.ts";
import type { BenefitColumn, OutCell } from "./table.ts";

export interface OutTable {
  header: string[];
  rows: OutCell[][];
  /** Columns holding yuan, formatted #,##0. */
  yuanColumns: number[];
  /** Columns explained on the "说明" sheet (xlsx only). */
  benefits: BenefitColumn[];
  lang: Lang;
}

export async function writeTable(table: OutTable, format: SheetFormat, out: Writable): Promise<void> {
  if (format === "csv") return writeCsv(table, out);
  return writeXlsx(table, out);
}

/** The whole file in memory, for a chat reply. */
export async function tableBytes(table: OutTable, format: SheetFormat): Promise<Buffer> {
  const sink = new PassThrough();
  const chunks: Buffer[] = [];
  sink.on("data", (c: Buffer) => chunks.push(c));
  await writeTable(table, format, sink);
  return Buffer.concat(chunks);
}

/** RFC 4180: fields with a comma, quote or line break are quoted, quotes doubled, rows end CRLF. */
export function csvRow(fields: readonly OutCell[]): string {
  return `${fields
    .map((cell) => {
      const field = cell === null ? "" : String(cell);
      return /[",\r\n]/.test(field) ? `"${field.replaceAll('"', '""')}"` : field;
    })
    .join(",")}\r\n`;
}

async function writeCsv(table: OutTable, out: Writable): Promise<void> {
  let text = `\uFEFF${csvRow(table.header)}`;
  for (const row of table.rows) text += csvRow(row);
  await new Promise<void>((resolve, reject) =>
    out.end(text, (error?: Error | null) => (error ? reject(error) : resolve())),
  );
}

/** Display width: CJK characters take two columns in Excel's default font. */
function width(cell: OutCell): number {
  if (cell === null) return 0;
  if (typeof cell === "string" && cell.includes("\n")) return Math.max(...cell.split("\n").map(width));
  const text = typeof cell === "number" ? cell.toLocaleString("en-US") : cell;
  let w = 0;
  for (const ch of text)
    w += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(
      ch,
    )
      ? 2
      : 1;
  return w;
}

/** Widths that fit the longest value, within bounds so prose does not sprawl. The header does not
 * widen a column: it wraps (a benefit's title is longer than its amount). */
function columnWidths(header: string[], rows: OutCell[][], widest: number): number[] {
  const widths = header.map((h) => Math.min(widest, width(h) / 3));
  for (const row of rows) {
    for (let i = 0; i < row.length; i++) {
      const w = width(row[i] ?? null);
      if (w > (widths[i] ?? 0)) widths[i] = Math.min(widest, w);
    }
  }
  return widths.map((w) => Math.max(8, Math.ceil(w) + 2));
}

// One style object per kind of cell: exceljs caches a style by object identity, and a fresh
// copy per cell (what column styles give) made writing 10,000 rows several times slower.
const YUAN: Partial<ExcelJS.Style> = { numFmt: "#,##0", alignment: { vertical: "top" } };
const TEXT: Partial<ExcelJS.Style> = { alignment: { vertical: "top" } };
const PROSE: Partial<ExcelJS.Style> = { alignment: { wrapText: true, vertical: "top" } };
const WRAP: Partial<ExcelJS.Style> = { alignment: { wrapText: true, vertical: "top" } };
const HEADER: Partial<ExcelJS.Style> = {
  font: { bold: true },
  alignment: { wrapText: true, vertical: "middle" },
};

async function writeXlsx(table: OutTable, out: Writable): Promise<void> {
  const workbook = new (await excel()).stream.xlsx.WorkbookWriter({
    stream: out,
    useStyles: true,
    useSharedStrings: false,
  });
  const zh = table.lang === "zh";
  const sheet = workbook.addWorksheet(zh ? "结果" : "Results", {
    views: [{ state: "frozen", ySplit: 1 }],
    // Printed (or saved as PDF) across the page, the header repeated on every page.
    pageSetup: { orientation: "landscape", printTitlesRow: "1:1" },
  });
  const widths = columnWidths(table.header, table.rows, 50);
  sheet.columns = table.header.map((_, i) => ({ width: widths[i] }));
  const yuan = new Set(table.yuanColumns.map((i) => i + 1));
  // matches, nearMisses and error are sentences: wrapped in their column.
  const prose = new Set([table.header.length - 2, table.header.length - 1, table.header.length]);
  const style = (column: number) => (yuan.has(column) ? YUAN : prose.has(column) ? PROSE : TEXT);
  // Bold text runs wider than the estimate: one line to spare in the header.
  addStyledRow(sheet, table.header, () => HEADER, (heightOf(table.header, widths) ?? 15) + 15);
  for (const row of table.rows) addStyledRow(sheet, row, style, heightOf(row, widths));
  sheet.commit();
  writeNotes(workbook, table);
  await workbook.commit();
}

/** A row tall enough for its wrapped text: neither Excel nor the streaming writer sizes rows to
 * wrapped text on their own. undefined: one line, the default height. */
function heightOf(cells: OutCell[], widths: number[]): number | undefined {
  let lines = 1;
  for (let i = 0; i < cells.length; i++) {
    const cell = cells[i];
    if (typeof cell !== "string") continue;
    const room = Math.max(1, (widths[i] ?? 10) - 2);
    let n = 0;
    for (const line of cell.split("\n")) n += Math.max(1, Math.ceil(width(line) / room));
    if (n > lines) lines = n;
  }
  return lines > 1 ? Math.min(409, lines * 15 + 3) : undefined;
}

/** Empty cells are left out (undefined), so they cost nothing to write. */
function addStyledRow(
  sheet: ExcelJS.Worksheet,
  cells: OutCell[],
  style: (column: number) => Partial<ExcelJS.Style>,
  height?: number,
) {
  const row = sheet.addRow(cells.map((c) => c ?? undefined));
  if (height) row.height = height;
  row.eachCell((cell, column) => {
    cell.style = style(column);
  });
  row.commit();
}

/** The "说明" sheet: for every benefit column, the clause it comes from, its words and caveats. */
function writeNotes(workbook: ExcelJS.stream.xlsx.WorkbookWriter, table: OutTable): void {
  const zh = table.lang === "zh";
  const notes = workbook.addWorksheet("说明", {
    views: [{ state: "frozen", ySplit: 1 }],
    pageSetup: {
      orientation: "landscape",
      printTitlesRow: "1:1",
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
    },
  });
  const header = zh ? ["列", "条款", "原文", "注意事项"] : ["Column", "Clause", "Source text", "Caveats"];
  const rows = table.benefits.map((b) => [b.header, b.clause, b.quote, b.caveat]);
  const widths = columnWidths(header, rows, 50);
  notes.columns = header.map((_, i) => ({ width: widths[i] }));
  addStyledRow(notes, header, () => HEADER);
  for (const row of rows) addStyledRow(notes, row, () => WRAP, heightOf(row, widths));
  const general = zh
    ? [
        ["totalMax", "", "各匹配项 amount.max 之和（元）", "金额为估算上限，以主管部门认定为准。"],
        ["matches / nearMisses", "", "符合的支持；差一点符合的支持及所差条件", ""],
        ["error", "", "该行无法读取的原因（指明列名）；该行其他结果列为空", ""],
        ["", "", "空白表示不符合；“金额待定”表示符合但缺少计算金额所需的数字", ""],
      ]
    : [
        [
          "totalMax",
          "",
          "Sum of the matched amount.max values (yuan)",
          "Amounts are estimated ceilings, decided by the authority.",
        ],
        [
          "matches / nearMisses",
          "",
          "Benefits qualified for; benefits nearly reached and what is missing",
          "",
        ],
        [
          "error",
          "",
          "Why the row could not be read (naming the column); its other result columns are blank",
          "",
        ],
        [
          "",
          "",
          "Blank means not matched; 'amount to be determined' means matched without the figure the amount needs",
          "",
        ],
      ];
  for (const row of general) addStyledRow(notes, row, () => WRAP, heightOf(row, widths));
  notes.commit();
}

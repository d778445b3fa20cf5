/**
 * The empty staff sheet (`advisor sheet template`): one column per profile field, headed by the
 * advisor's label (which `triage --sheet` reads back), a note with its path and question, and a
 * drop-down list for the fields with fixed values (yes/no, options, district, levels), so staff
 * type what the reader expects. A second sheet "说明" lists every column.
 */
import type { Writable } from "node:stream";
import type ExcelJS from "exceljs";
import type { PolicySet } from "../policy/load.ts";
import type { Lang } from "../policy/outcome.ts";
import { OUTSIDE } from "../policy/profile.ts";
import type { Fact } from "../policy/schema.ts";
import { STAFF_FIELDS, sheetFacts } from "./columns.ts";

/** Rows that get the drop-down lists; staff rarely triage more at once (the chat limit is 10,000). */
const VALIDATED_ROWS = 2000;

interface TemplateColumn {
  header: string;
  path: string;
  note: string;
  /** Values offered in a drop-down list; undefined: free entry. */
  list?: string[];
  /** Whole numbers within bounds. */
  whole?: { min: number; max: number };
}

const YES_NO: Record<Lang, string[]> = { zh: ["是", "否"], en: ["yes", "no"] };

function factColumn(fact: Fact, lang: Lang): TemplateColumn {
  const zh = lang === "zh";
  const question = fact.question?.[lang] ?? "";
  const base = { header: fact.label[lang], path: fact.path };
  const sep = zh ? "、" : ", ";
  switch (fact.type) {
    case "boolean":
      return { ...base, note: question, list: YES_NO[lang] };
    case "amount":
      return {
        ...base,
        note: `${question}${zh ? "（元，可写 3000万、1.5亿）" : " (yuan; 3000万 or 1.5亿 also read)"}`,
      };
    case "count":
      return { ...base, note: question, whole: { min: 0, max: 1_000_000 } };
    case "integer":
      return { ...base, note: question, whole: { min: fact.min, max: fact.max } };
    case "percent":
      return { ...base, note: `${question}${zh ? "（百分数，0–100）" : " (percent, 0–100)"}` };
    case "decimal":
      return { ...base, note: question };
    case "date":
      return {
        ...base,
        note: `${question}${zh ? "（日期，如 2026-03-01）" : " (a date such as 2026-03-01)"}`,
      };
    case "choice":
      return {
        ...base,
        note: question,
        list: fact.options.map((o) => (typeof o.value === "number" ? String(o.value) : o.label[lang])),
      };
    case "set":
      return {
        ...base,
        note: `${question}\n${zh ? "可多选，用、分隔：" : "Several allowed, joined by 、 or a comma: "}${fact.options.map((o) => o.label[lang]).join(sep)}`,
      };
    case "records":
      return {
        ...base,
        note: `${question}\n${zh ? "可多项，用、分隔：" : "Several allowed, joined by 、: "}${fact.presets.map((p) => p.label[lang]).join(sep)}`,
      };
  }
}

export function templateColumns(set: PolicySet, lang: Lang): TemplateColumn[] {
  const zh = lang === "zh";
  const districts = [...set.documents.map((d) => d.district[lang]), zh ? "其他区" : "Other"];
  return [
    {
      header: STAFF_FIELDS.id[lang],
      path: "id",
      note: zh
        ? "编号（如统一社会信用代码），1–64 个字符，原样写回结果"
        : "Your reference (e.g. registration number), 1–64 characters, echoed in the results",
    },
    {
      header: STAFF_FIELDS.name[lang],
      path: "name",
      note: zh ? "企业名称，1–200 个字符" : "The entity's name, 1–200 characters",
    },
    {
      header: STAFF_FIELDS.district[lang],
      path: "district",
      note: zh
        ? `注册并实际经营所在区（必填）；不在 ${districts.slice(0, -1).join("、")} 的填“其他区”`
        : "Where the entity is registered and operates (required)",
      list: districts,
    },
    ...sheetFacts(set).map((f) => factColumn(f, lang)),
  ];
}

const excel = async () => (await import("exceljs")).default;

export async function writeTemplate(set: PolicySet, lang: Lang, out: Writable): Promise<void> {
  const ExcelJS = await excel();
  const zh = lang === "zh";
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet(zh ? "企业" : "Entities", { views: [{ state: "frozen", ySplit: 1 }] });
  const lists = book.addWorksheet("lists", { state: "veryHidden" });
  const columns = templateColumns(set, lang);
  sheet.columns = columns.map((c) => ({
    header: c.header,
    width: Math.min(40, Math.max(10, width(c.header) + 2)),
  }));
  const head = sheet.getRow(1);
  head.font = { bold: true };
  head.alignment = { wrapText: true, vertical: "middle" };
  head.height = 45;
  columns.forEach((column, i) => {
    const cell = head.getCell(i + 1);
    cell.note = `${column.path}${column.note ? `\n${column.note}` : ""}`;
    const range = `${cell.address.replace(/\d+$/, "")}2:${cell.address.replace(/\d+$/, "")}${VALIDATED_ROWS + 1}`;
    const validation = validationOf(column, i, lists, lang);
    if (validation)
      (
        sheet as unknown as { dataValidations: { add(r: string, v: ExcelJS.DataValidation): void } }
      ).dataValidations.add(range, validation);
  });
  writeGuide(book, columns, lang);
  await book.xlsx.write(out);
}

/** A list kept on the hidden sheet (labels may hold commas, which an inline list cannot). */
function validationOf(
  column: TemplateColumn,
  index: number,
  lists: ExcelJS.Worksheet,
  lang: Lang,
): ExcelJS.DataValidation | undefined {
  const zh = lang === "zh";
  if (column.list) {
    const letter = lists.getColumn(index + 1).letter;
    column.list.forEach((value, row) => {
      lists.getCell(`${letter}${row + 1}`).value = value;
    });
    return {
      type: "list",
      allowBlank: true,
      formulae: [`lists!$${letter}$1:$${letter}$${column.list.length}`],
      showErrorMessage: true,
      errorTitle: column.header,
      error: zh ? "请从下拉列表中选择" : "Pick a value from the list",
    };
  }
  if (column.whole) {
    return {
      type: "whole",
      operator: "between",
      allowBlank: true,
      formulae: [column.whole.min, column.whole.max],
      showErrorMessage: true,
      errorTitle: column.header,
      error: zh
        ? `请填 ${column.whole.min}–${column.whole.max} 的整数`
        : `A whole number ${column.whole.min}–${column.whole.max}`,
    };
  }
  return undefined;
}

function writeGuide(book: ExcelJS.Workbook, columns: TemplateColumn[], lang: Lang): void {
  const zh = lang === "zh";
  const guide = book.addWorksheet("说明", { views: [{ state: "frozen", ySplit: 1 }] });
  guide.columns = [
    { header: zh ? "列" : "Column", width: 36 },
    { header: zh ? "字段" : "Field", width: 36 },
    { header: zh ? "可填的值" : "Values", width: 40 },
    { header: zh ? "说明" : "Notes", width: 70 },
  ];
  guide.getRow(1).font = { bold: true };
  for (const c of columns) {
    const values = c.list?.join(zh ? "、" : ", ") ?? (c.whole ? `${c.whole.min}–${c.whole.max}` : "");
    const row = guide.addRow([c.header, c.path, values, c.note]);
    row.alignment = { wrapText: true, vertical: "top" };
  }
  guide.addRow([]);
  guide.addRow([
    zh
      ? "每行一家企业；空白单元格表示没有或不知道。填好后用 advisor triage --sheet 文件 --out 结果.xlsx，或在聊天中发给机器人。"
      : "One entity a row; a blank cell means no or unknown. Then run advisor triage --sheet FILE --out results.xlsx, or send it to the bot.",
  ]);
  guide.addRow([`${OUTSIDE}: ${zh ? "不在上述区" : "not in any of these districts"}`]);
}

function width(text: string): number {
  let w = 0;
  for (const ch of text) w += ch.charCodeAt(0) > 0x2e80 ? 2 : 1;
  return w;
}

/**
 * A sheet sent in chat (issue 12), without the platform: the file's name and bytes in, the
 * result sheet and a one-line summary out ("120 家企业，87 家有匹配，合计最高 1.2 亿元；3 行有错误"),
 * or a message saying why the file was refused. The conversation itself is never touched.
 */
import type { PolicySet } from "../policy/load.ts";
import type { Lang } from "../policy/outcome.ts";
import { money } from "../render/units.ts";
import { SheetError } from "./errors.ts";
import { resultTable, type SheetSummary, summarize } from "./index.ts";
import { formatOf, readTable } from "./read.ts";
import { triageTable } from "./rows.ts";
import { tableBytes } from "./write.ts";

/** Larger files are refused before they are downloaded. */
export const MAX_SHEET_BYTES = 5 * 1024 * 1024;
export const MAX_SHEET_ROWS = 10_000;

export type SheetReply =
  | { ok: true; fileName: string; bytes: Buffer; summary: string }
  | { ok: false; message: string };

const T = {
  tooBig: {
    zh: "文件超过 5 MB，无法处理。请拆成几个较小的表格（每个不超过 10,000 行）分别发送。",
    en: "The file is larger than 5 MB. Please split it into smaller sheets (10,000 rows at most each) and send them one by one.",
  },
  notSheet: {
    zh: "这不是可以读取的表格文件。请发送 .xlsx 或 .csv（UTF-8）文件，第一行为列名（可用 advisor sheet template 生成模板）。",
    en: "This is not a spreadsheet I can read. Please send an .xlsx or .csv (UTF-8) file with the column names in the first row (advisor sheet template makes one).",
  },
  tooMany: {
    zh: (n: number) => `表格有 ${n.toLocaleString("en-US")} 行，超过 10,000 行的上限。请拆分后分别发送。`,
    en: (n: number) =>
      `The sheet has ${n.toLocaleString("en-US")} rows, more than the limit of 10,000. Please split it and send the parts.`,
  },
  directOnly: {
    zh: "表格请在与我的私信中发送，结果表格会发回到那里，不会公开在频道里。",
    en: "Please send the sheet to me in a direct message; the result sheet comes back there, not in the channel.",
  },
  unreadable: {
    zh: (why: string) => `表格无法读取：${why}`,
    en: (why: string) => `The sheet could not be read: ${why}`,
  },
};

/** Said where a sheet cannot be answered (a shared channel), naming where it can. */
export const sheetsInDirectMessages = (lang: Lang): string => T.directOnly[lang];

/** A refusal made before downloading, from what the platform says of the file. */
export function refuseBeforeDownload(
  fileName: string,
  size: number | undefined,
  lang: Lang,
): string | undefined {
  if (!formatOf(fileName)) return T.notSheet[lang];
  if (size !== undefined && size > MAX_SHEET_BYTES) return T.tooBig[lang];
  return undefined;
}

export async function answerSheet(
  set: PolicySet,
  file: { name: string; bytes: Buffer },
  lang: Lang,
): Promise<SheetReply> {
  const refused = refuseBeforeDownload(file.name, file.bytes.length, lang);
  const format = formatOf(file.name);
  if (refused || !format) return { ok: false, message: refused ?? T.notSheet[lang] };
  let table: Awaited<ReturnType<typeof readTable>>;
  try {
    table = await readTable(file.bytes, format);
  } catch (error) {
    if (error instanceof SheetError) return { ok: false, message: T.notSheet[lang] };
    throw error;
  }
  if (table.rows.length > MAX_SHEET_ROWS) return { ok: false, message: T.tooMany[lang](table.rows.length) };
  let rows: ReturnType<typeof triageTable>;
  try {
    rows = triageTable(set, table, lang);
  } catch (error) {
    if (error instanceof SheetError) return { ok: false, message: T.unreadable[lang](error.message) };
    throw error;
  }
  const bytes = await tableBytes(resultTable(set, rows, lang), format);
  const base = file.name.replace(/\.(xlsx|csv)$/i, "");
  return {
    ok: true,
    fileName: `${base}${lang === "zh" ? "-结果" : "-results"}.${format}`,
    bytes,
    summary: summaryText(summarize(rows), lang),
  };
}

/** "120 家企业，87 家有匹配，合计最高 1.2 亿元；3 行有错误" */
export function summaryText(s: SheetSummary, lang: Lang): string {
  if (lang === "en") {
    const errors = s.errors ? `; ${s.errors} row${s.errors === 1 ? "" : "s"} with errors` : "";
    return `${s.rows} entities, ${s.matched} with a match, at most ${money(s.totalMax, "en", "chat")} in total${errors}`;
  }
  const errors = s.errors ? `；${s.errors} 行有错误` : "";
  return `${s.rows} 家企业，${s.matched} 家有匹配，合计最高 ${money(s.totalMax, "zh", "chat")}${errors}`;
}

/**
 * Issue 12's round trip: the template filled in by a script, triaged, and read back with exceljs.
 * Every row's amounts equal `triage --json` of the same profile; the CSV keeps its BOM; a bad row
 * is reported and every other row kept.
 */
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { staffSheet } from "../../scripts/varied-sheet.ts";
import { main } from "../../src/cli/main.ts";
import { loadPolicySet } from "../../src/policy/load.ts";
import { benefitColumns } from "../../src/sheet/table.ts";
import { runCommand } from "../support/cli-io.ts";

const set = loadPolicySet();
const dir = mkdtempSync(join(tmpdir(), "sheet-round-"));
const at = (name: string) => join(dir, name);
const advisor = (...args: string[]) => runCommand(main, args);
const ROWS = 80;

interface Match {
  policy: string;
  article: number;
  benefit: string;
  amount: { max: number | null };
}

async function filledTemplate(): Promise<{ sheetRows: number; profiles: Record<string, unknown>[] }> {
  expect((await advisor("sheet", "template", "--out", at("template.xlsx"))).code).toBe(0);
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(at("template.xlsx"));
  const sheet = book.worksheets[0] as ExcelJS.Worksheet;
  // The template names each column's path on the first line of its header note.
  const paths: string[] = [];
  sheet.getRow(1).eachCell((cell, column) => {
    const note =
      typeof cell.note === "string" ? cell.note : (cell.note?.texts ?? []).map((t) => t.text).join("");
    paths[column - 1] = note.split("\n")[0] ?? "";
  });
  const staff = staffSheet(set, ROWS, 7);
  expect(new Set(paths)).toEqual(new Set(staff.paths));
  staff.rows.forEach((cells, r) => {
    const row = sheet.getRow(r + 2);
    paths.forEach((path, c) => {
      const value = cells[staff.paths.indexOf(path)];
      if (value !== null && value !== undefined) row.getCell(c + 1).value = value;
    });
  });
  // One bad row, in the middle: an unknown district.
  const bad = sheet.getRow(ROWS + 2);
  bad.getCell(paths.indexOf("id") + 1).value = "BAD";
  bad.getCell(paths.indexOf("district") + 1).value = "火星区";
  await book.xlsx.writeFile(at("filled.xlsx"));
  return { sheetRows: ROWS + 1, profiles: staff.profiles };
}

describe("sheet round trip", () => {
  it("gives every row the amounts triage --json gives its profile, reports the bad row and keeps the rest", async () => {
    const { sheetRows, profiles } = await filledTemplate();
    expect((await advisor("triage", "--sheet", at("filled.xlsx"), "--out", at("result.xlsx"))).code).toBe(0);
    writeFileSync(at("profiles.jsonl"), profiles.map((p) => JSON.stringify(p)).join("\n"));
    const batch = await advisor("triage", "--batch", at("profiles.jsonl"), "--json");
    const expected = batch.stdout
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l));

    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(at("result.xlsx"));
    const sheet = book.worksheets[0] as ExcelJS.Worksheet;
    const header = (sheet.getRow(1).values as unknown[]).slice(1).map(String);
    expect(sheet.rowCount).toBe(sheetRows + 1);
    const col = (name: string) => header.indexOf(name) + 1;
    const benefitCols = benefitColumns(set, "zh").map((b) => ({ key: b.key, column: col(b.header) }));
    expect(benefitCols.every((b) => b.column > 0)).toBe(true);
    let matchedRows = 0;
    expected.forEach((want, i) => {
      const row = sheet.getRow(i + 2);
      expect(row.getCell(col("id")).value).toBe(want.id);
      expect(row.getCell(col("totalMax")).value ?? null).toBe(want.totals.max);
      const byBenefit = new Map(
        (want.matches as Match[]).map((m) => [`${m.policy}:${m.article}:${m.benefit}`, m.amount.max]),
      );
      if (want.matches.length) matchedRows++;
      for (const { key, column } of benefitCols) {
        const got = row.getCell(column).value ?? null;
        if (!byBenefit.has(key)) expect(got).toBeNull();
        else if (byBenefit.get(key) === null) expect(got).toMatch(/金额待定|非资金支持/);
        else expect(got).toBe(byBenefit.get(key));
      }
      const shown = benefitCols.filter(({ column }) => row.getCell(column).value != null).length;
      expect(shown).toBe(want.matches.length);
      expect(row.getCell(col("error")).value ?? null).toBeNull();
    });
    expect(matchedRows).toBeGreaterThan(ROWS / 4);
    const bad = sheet.getRow(sheetRows + 1);
    expect(bad.getCell(col("id")).value).toBe("BAD");
    expect(String(bad.getCell(col("error")).value)).toMatch(/district.*火星区/);
    expect(bad.getCell(col("totalMax")).value ?? null).toBeNull();
  });

  it("keeps the Chinese readable for Excel in the CSV (UTF-8 with BOM)", async () => {
    await filledTemplate();
    expect((await advisor("triage", "--sheet", at("filled.xlsx"), "--out", at("result.csv"))).code).toBe(0);
    const bytes = readFileSync(at("result.csv"));
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
    expect(text).toContain("测试企业1号有限公司");
    expect(text.trim().split("\r\n")).toHaveLength(ROWS + 2);
  });

  it("offers drop-down lists for yes/no, options and the district, in either language", async () => {
    for (const lang of ["zh", "en"]) {
      const file = at(`template-${lang}.xlsx`);
      expect((await advisor("sheet", "template", "--lang", lang, "--out", file)).code).toBe(0);
      const book = new ExcelJS.Workbook();
      await book.xlsx.readFile(file);
      const sheet = book.worksheets[0] as ExcelJS.Worksheet;
      const header = (sheet.getRow(1).values as unknown[]).slice(1).map(String);
      const fact = set.facts.get("infrastructure.inOperation");
      const yesNo = header.indexOf(fact?.label[lang === "zh" ? "zh" : "en"] ?? "") + 1;
      expect(yesNo).toBeGreaterThan(0);
      const validation = sheet.getRow(2).getCell(yesNo).dataValidation;
      expect(validation?.type).toBe("list");
      const district = sheet
        .getRow(50)
        .getCell(header.indexOf(lang === "zh" ? "所在区" : "District") + 1).dataValidation;
      expect(district?.type).toBe("list");
    }
    expect((await advisor("sheet", "template", "--out", at("t.csv"))).code).toBe(2);
  });
});

/** `triage --sheet` (CONTRACT.md section 9) as staff use it: CSV or xlsx in, JSON Lines or a sheet out. */
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { main } from "../../src/cli/main.ts";
import { runCommand } from "../support/cli-io.ts";

const dir = mkdtempSync(join(tmpdir(), "triage-sheet-"));
const path = (name: string) => join(dir, name);
const file = (name: string, text: string | Buffer) => {
  writeFileSync(path(name), text);
  return path(name);
};
const triage = (...args: string[]) => runCommand((a, io) => main(["triage", ...a], io), args);
const lines = (text: string) =>
  text
    .trim()
    .split("\n")
    .map((l) => JSON.parse(l));

const SHEET = [
  "编号,名称,所在区,DCMM 认证等级,数据基础设施项目已建成投用,infrastructure.fixedAssetInvestment,dataFirsts",
  "A1,甲公司,石景山,3,,,",
  "A2,乙公司,通州,,是,一个亿,",
  "",
  "A3,丙公司,nowhere,,,,",
  "A4,丁公司,tongzhou,,是,很多,",
  "A5,戊公司,tongzhou,,,,首登记、首交易",
].join("\r\n");

describe("triage --sheet", () => {
  it("prints one JSON line per non-blank row, in order, id and name first, labels accepted as columns", async () => {
    const run = await triage("--sheet", file("s.csv", `\uFEFF${SHEET}`));
    expect(run.code).toBe(0);
    const out = lines(run.stdout);
    expect(out.map((o) => o.id)).toEqual(["A1", "A2", "A3", "A4", "A5"]);
    expect(Object.keys(out[0]).slice(0, 3)).toEqual(["id", "name", "district"]);
    expect(out[0].totals.max).toBe(200_000);
    expect(out[1].matches.find((m: { article: number }) => m.article === 2).amount.max).toBe(20_000_000);
    expect(out[4].matches.length).toBeGreaterThan(0);
  });

  it("reports a bad row with its sheet row number and the column, and keeps every other row", async () => {
    const out = lines((await triage("--sheet", file("s2.csv", SHEET))).stdout);
    expect(out[2]).toMatchObject({ id: "A3", name: "丙公司", row: 5 });
    expect(out[2].error).toMatch(/所在区 \(district\)/);
    expect(out[3].error).toMatch(/infrastructure\.fixedAssetInvestment.*很多/);
    expect(out[3].matches).toBeUndefined();
  });

  it("writes a CSV with a UTF-8 BOM and the contract's columns, blank (never 0) where nothing matched", async () => {
    const run = await triage("--sheet", file("s3.csv", SHEET), "--out", path("out.csv"));
    expect(run.code).toBe(0);
    expect(run.stdout).toBe("");
    const bytes = readFileSync(path("out.csv"));
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const [header, ...rows] = bytes.toString("utf8").slice(1).trim().split("\r\n");
    const columns = (header ?? "").split(",");
    expect(columns.slice(0, 4)).toEqual(["id", "name", "district", "totalMax"]);
    expect(columns.slice(-3)).toEqual(["matches", "nearMisses", "error"]);
    expect(rows).toHaveLength(5);
    const a1 = (rows[0] ?? "").split(",");
    const dcmm = columns.findIndex((c) => c.includes("shijingshan:5"));
    expect(a1[dcmm]).toBe("200000");
    expect(a1.slice(4, dcmm).every((c) => c === "")).toBe(true);
    expect(rows[0]).toContain("甲公司");
  });

  it("writes an xlsx with a frozen bold header, yuan formats and a 说明 sheet citing each benefit", async () => {
    expect((await triage("--sheet", file("s4.csv", SHEET), "--out", path("out.xlsx"))).code).toBe(0);
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(path("out.xlsx"));
    const [results, notes] = book.worksheets;
    expect(results?.views[0]).toMatchObject({ state: "frozen", ySplit: 1 });
    expect(results?.getRow(1).getCell(1).font?.bold).toBe(true);
    expect(results?.getRow(2).getCell(4).value).toBe(200_000);
    expect(results?.getRow(2).getCell(4).numFmt).toBe("#,##0");
    expect(results?.getColumn(1).width).toBeGreaterThan(0);
    expect(notes?.name).toBe("说明");
    const noteText = JSON.stringify(notes?.getSheetValues());
    expect(noteText).toContain("征求意见稿");
    expect(noteText).toContain("按照不超过实际完成固定资产投资");
  });

  it("reads an xlsx as it reads a CSV", async () => {
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet("企业");
    for (const row of SHEET.split("\r\n"))
      sheet.addRow(row ? row.split(",").map((c) => (/^\d+$/.test(c) ? Number(c) : c || null)) : []);
    await book.xlsx.writeFile(path("in.xlsx"));
    const fromXlsx = lines((await triage("--sheet", path("in.xlsx"))).stdout);
    const fromCsv = lines((await triage("--sheet", file("s5.csv", SHEET))).stdout);
    expect(fromXlsx.map(({ row: _r, ...o }) => o)).toEqual(fromCsv.map(({ row: _r, ...o }) => o));
  });

  it("refuses a sheet it cannot read as a whole with exit 2 and one line naming the problem", async () => {
    const unknown = await triage("--sheet", file("u.csv", "id,district,注册资本\nA,tongzhou,5"));
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain("注册资本");
    expect(unknown.stdout).toBe("");
    const notXlsx = await triage("--sheet", file("fake.xlsx", "id,district\n"));
    expect(notXlsx.code).toBe(2);
    expect(notXlsx.stderr).toMatch(/not an \.xlsx/);
    const pdf = await triage("--sheet", file("x.pdf", "%PDF"));
    expect(pdf.code).toBe(2);
    const badOut = await triage("--sheet", file("ok.csv", SHEET), "--out", path("out.txt"));
    expect(badOut.code).toBe(2);
    expect((await triage("--sheet", path("missing.csv"))).code).toBe(2);
  });

  it("reads a CSV saved by Excel in GB18030 (its plain CSV in China)", async () => {
    const gbk = Buffer.from([0xca, 0xc7]); // 是
    const text = Buffer.concat([
      Buffer.from("id,district,infrastructure.inOperation,infrastructure.fixedAssetInvestment\nG,tongzhou,"),
      gbk,
      Buffer.from(",30000000\n"),
    ]);
    const [row] = lines((await triage("--sheet", file("g.csv", text))).stdout);
    expect(row.totals.max).toBe(6_000_000);
  });
});

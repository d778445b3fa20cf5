/**
 * Staff sheets made from the varied profiles (varied-profiles.ts), written the way staff type
 * them: 是/否, "3000万" where it divides, option labels in Chinese for some rows, lists joined
 * by 、. For the sheet benchmark and the round-trip tests.
 */
import ExcelJS from "exceljs";
import type { PolicySet } from "../src/policy/load.ts";
import { getPath } from "../src/policy/paths.ts";
import type { Fact } from "../src/policy/schema.ts";
import type { Cell } from "../src/sheet/cells.ts";
import { sheetFacts } from "../src/sheet/columns.ts";
import { variedProfiles } from "./varied-profiles.ts";

export interface StaffSheet {
  header: string[];
  /** The section-2 path of each column. */
  paths: string[];
  rows: Cell[][];
  /** The profile each row stands for (with its id and name), for comparing against triage --json. */
  profiles: Record<string, unknown>[];
}

function staffCell(fact: Fact, value: unknown, i: number): Cell {
  if (value === undefined) return null;
  const label = (v: unknown) => {
    if (fact.type !== "choice" && fact.type !== "set") return String(v);
    const option = fact.options.find((o) => o.value === v);
    return i % 2 && option ? option.label.zh : String(v);
  };
  switch (fact.type) {
    case "boolean":
      return value ? (["是", "true", "1", "y"][i % 4] ?? "是") : (["否", "false", "0", "n"][i % 4] ?? "否");
    case "amount": {
      const n = value as number;
      return i % 3 === 0 && n % 10000 === 0 && n > 0 ? `${n / 10000}万` : n;
    }
    case "count":
    case "integer":
    case "percent":
    case "decimal":
      return value as number;
    case "date":
      return String(value);
    case "choice":
      return typeof value === "number" ? value : label(value);
    case "set":
      return (value as unknown[]).map(label).join(i % 2 ? "、" : ",");
    case "records":
      return (value as unknown[])
        .map((v) => fact.presets.find((p) => JSON.stringify(p.value) === JSON.stringify(v))?.label.zh ?? "")
        .join("、");
  }
}

export function staffSheet(set: PolicySet, count: number, seed = 2026): StaffSheet {
  const facts = sheetFacts(set);
  const header = ["id", "name", "district", ...facts.map((f) => (f.path.length % 2 ? f.label.zh : f.path))];
  const profiles: Record<string, unknown>[] = variedProfiles(set, count, seed).map((p, i) => {
    const { topics: _topics, ...rest } = p;
    return { id: `E${String(i + 1).padStart(5, "0")}`, name: `测试企业${i + 1}号有限公司`, ...rest };
  });
  const rows = profiles.map((p, i) => [
    p.id as string,
    p.name as string,
    p.district as string,
    ...facts.map((f) => staffCell(f, getPath(p, f.path), i)),
  ]);
  return { header, paths: ["id", "name", "district", ...facts.map((f) => f.path)], rows, profiles };
}

export async function writeStaffSheet(sheet: StaffSheet, file: string): Promise<void> {
  const workbook = new ExcelJS.Workbook();
  const ws = workbook.addWorksheet("企业");
  ws.addRow(sheet.header);
  for (const row of sheet.rows) ws.addRow(row);
  if (file.endsWith(".csv")) await workbook.csv.writeFile(file, { formatterOptions: { writeBOM: true } });
  else await workbook.xlsx.writeFile(file);
}

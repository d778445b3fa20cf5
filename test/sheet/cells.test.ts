/** Cells as staff type them (CONTRACT.md section 9), read into profile values. */
import { describe, expect, it } from "vitest";
import { loadPolicySet } from "../../src/policy/load.ts";
import type { Fact } from "../../src/policy/schema.ts";
import { CellError, readDistrict, readFact } from "../../src/sheet/cells.ts";

const set = loadPolicySet();
const fact = (path: string) => set.facts.get(path) as Fact;
const read = (path: string, cell: string | number | boolean) => readFact(set, fact(path), cell);

describe("sheet cells", () => {
  it("read yes/no the ways the contract lists, and refuse what is neither", () => {
    for (const yes of ["是", "true", "TRUE", "1", "y", "Y", true, 1])
      expect(read("infrastructure.inOperation", yes)).toBe(true);
    for (const no of ["否", "false", "0", "n", false, 0])
      expect(read("infrastructure.inOperation", no)).toBe(false);
    expect(() => read("infrastructure.inOperation", "蓝色")).toThrow(CellError);
  });

  it("read amounts as numbers or as people write them, through the project's reader", () => {
    const path = "infrastructure.fixedAssetInvestment";
    expect(read(path, 30_000_000)).toBe(30_000_000);
    expect(read(path, "3000万")).toBe(30_000_000);
    expect(read(path, "一个亿")).toBe(100_000_000);
    expect(read(path, "1,200万")).toBe(12_000_000);
    expect(() => read(path, "很多")).toThrow(/amount in yuan/);
    expect(() => read(path, "-5")).toThrow(/negative/);
  });

  it("read a cell that says it is not known as a missing fact", () => {
    expect(read("infrastructure.fixedAssetInvestment", "不清楚")).toBeUndefined();
  });

  it("read options by value or label, and lists joined by 、 or a comma", () => {
    expect(read("entityType", "university")).toBe("university");
    expect(read("entityType", "高等院校")).toBe("university");
    expect(read("dcmm.followUpYear", 2)).toBe(2);
    expect(read("dataFirsts", "registration,transaction")).toEqual(["registration", "transaction"]);
    expect(read("dataFirsts", "首登记、首交易")).toEqual(["registration", "transaction"]);
    expect(() => read("entityType", "外星人")).toThrow(/expected one of enterprise/);
  });

  it("read platforms by their preset labels or as the JSON of section 2", () => {
    const records = fact("platforms") as Extract<Fact, { type: "records" }>;
    const [a, b] = records.presets;
    expect(read("platforms", `${a?.label.zh}、${b?.label.zh}`)).toEqual([a?.value, b?.value]);
    expect(read("platforms", '[{"kind":"key_lab","level":"national"}]')).toEqual([
      { kind: "key_lab", level: "national" },
    ]);
    expect(() => read("platforms", "[oops")).toThrow(/JSON array/);
  });

  it("read a district by id, name or alias only, never by a guess", () => {
    expect(readDistrict(set, "tongzhou")).toBe("tongzhou");
    expect(readDistrict(set, "通州")).toBe("tongzhou");
    expect(readDistrict(set, "石景山区")).toBe("shijingshan");
    expect(readDistrict(set, "其他")).toBe("other");
    expect(() => readDistrict(set, "北京")).toThrow(CellError);
  });
});

import { describe, expect, it } from "vitest";
import { districtNames, findDistricts } from "../../src/faq/district.ts";
import { east, west } from "./fixtures.ts";

const districts = [east, west].map(districtNames);
const named = (question: string) => [...findDistricts(question, districts).named].sort();

describe("districts named in a question", () => {
  it("recognizes the district's names and aliases in either language, in any case", () => {
    expect(named("东城区有什么政策")).toEqual(["east"]);
    expect(named("东城有什么政策")).toEqual(["east"]);
    expect(named("DONGCHENG district subsidies")).toEqual(["east"]);
    expect(named("subsidies on the East Side")).toEqual(["east"]);
    expect(named("Dongcheng's subsidies")).toEqual(["east"]);
  });

  it("derives the short name from the formal one (西城区 → 西城, Xicheng)", () => {
    expect(named("西城区")).toEqual(["west"]);
    expect(named("xicheng")).toEqual(["west"]);
  });

  it("finds both districts when both are named, and none in a question without one", () => {
    expect(named("东城和西城哪个补得多")).toEqual(["east", "west"]);
    expect(named("数据资产质押有贴息吗")).toEqual([]);
  });

  it("does not take a Latin name inside a longer word", () => {
    expect(named("xichengfoo")).toEqual([]);
  });

  it("removes the names from the question, so they do not count as search terms", () => {
    const { rest } = findDistricts("东城区的实验室 in Dongcheng", districts);
    expect(rest).not.toMatch(/东城|dongcheng/);
    expect(rest).toContain("实验室");
  });
});

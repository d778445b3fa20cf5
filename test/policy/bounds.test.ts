/** The bound kinds on both sides of each boundary: inclusive atMost, strict above and below,
 * ratios computed exactly, durations to the day. */
import { describe, expect, it } from "vitest";
import {
  type AgeCondition,
  ageHolds,
  partNeeded,
  type RatioCondition,
  ratioHolds,
} from "../../src/policy/bounds.ts";
import { evaluateCondition, type Scope } from "../../src/policy/conditions.ts";
import type { Condition } from "../../src/policy/schema.ts";

const scope = (values: Record<string, unknown>, asOf?: string): Scope => ({
  get: (path) => values[path],
  isGiven: (path) => values[path] !== undefined,
  missingMeansNo: false,
  ...(asOf ? { asOf: () => asOf } : {}),
});
const truth = (c: Condition, values: Record<string, unknown>, asOf?: string) =>
  evaluateCondition(c, scope(values, asOf)).truth;

describe("bounds on one figure", () => {
  it("atMost includes the number (不超过2000万元)", () => {
    const c: Condition = { kind: "atMost", fact: "x", value: 20_000_000 };
    expect(truth(c, { x: 20_000_000 })).toBe(true);
    expect(truth(c, { x: 20_000_001 })).toBe(false);
    expect(truth(c, {})).toBeUndefined();
  });

  it("above excludes the number (大于100万元)", () => {
    const c: Condition = { kind: "above", fact: "x", value: 1_000_000 };
    expect(truth(c, { x: 1_000_000 })).toBe(false);
    expect(truth(c, { x: 1_000_001 })).toBe(true);
  });

  it("below excludes the number (低于)", () => {
    const c: Condition = { kind: "below", fact: "x", value: 100 };
    expect(truth(c, { x: 99 })).toBe(true);
    expect(truth(c, { x: 100 })).toBe(false);
  });
});

describe("ratios between two facts", () => {
  const atLeast5: RatioCondition = {
    kind: "ratio",
    part: "rd",
    whole: "revenue",
    bound: "atLeast",
    percent: 5,
  };

  it("holds exactly at 5% and not just below it", () => {
    expect(ratioHolds(atLeast5, 4_000_000, 80_000_000)).toBe(true);
    expect(ratioHolds(atLeast5, 3_999_999, 80_000_000)).toBe(false);
    expect(ratioHolds(atLeast5, 3_000_000, 80_000_000)).toBe(false); // 3.75%
  });

  it("is unknown while either figure is missing, and false for a whole of 0", () => {
    expect(truth(atLeast5, { rd: 1 })).toBeUndefined();
    expect(evaluateCondition(atLeast5, scope({ rd: 1 })).unknown).toEqual(["revenue"]);
    expect(truth(atLeast5, { rd: 0, revenue: 0 })).toBe(false);
  });

  it("works out the smallest part that meets the bound", () => {
    expect(partNeeded(atLeast5, 80_000_000)).toBe(4_000_000);
    expect(partNeeded(atLeast5, 80_000_001)).toBe(4_000_001); // 4,000,000.05 rounds up
    expect(partNeeded({ ...atLeast5, bound: "above" }, 80_000_000)).toBe(4_000_001);
    expect(partNeeded({ ...atLeast5, bound: "atMost" }, 80_000_000)).toBeUndefined();
  });

  it("compares decimal percentages exactly (3.5% of 1,000 is 35)", () => {
    const c: RatioCondition = { ...atLeast5, percent: 3.5 };
    expect(ratioHolds(c, 35, 1_000)).toBe(true);
    expect(ratioHolds(c, 34, 1_000)).toBe(false);
  });
});

describe("durations since a date", () => {
  const under3: AgeCondition = { kind: "age", fact: "founded", bound: "below", duration: { years: 3 } };

  it("成立不满3年 holds up to the day before the third anniversary", () => {
    expect(ageHolds(under3, "2023-06-01", "2026-05-31")).toBe(true);
    expect(ageHolds(under3, "2023-06-01", "2026-06-01")).toBe(false);
  });

  it("成立满3年 (atLeast) is the other side of the same day", () => {
    const over3: AgeCondition = { ...under3, bound: "atLeast" };
    expect(ageHolds(over3, "2023-06-01", "2026-05-31")).toBe(false);
    expect(ageHolds(over3, "2023-06-01", "2026-06-01")).toBe(true);
  });

  it("reads a month-only date and is unknown without the date", () => {
    expect(truth(under3, { founded: "2024-06" }, "2026-03-01")).toBe(true);
    expect(truth(under3, { founded: "2022-06" }, "2026-03-01")).toBe(false);
    expect(truth(under3, {}, "2026-03-01")).toBeUndefined();
  });
});

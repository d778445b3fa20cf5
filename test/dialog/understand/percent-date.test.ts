/** Answers to percent, decimal and date questions, as people type them. */
import { describe, expect, it } from "vitest";
import { parseDate, parseDecimal, parsePercent } from "../../../src/dialog/understand/simple.ts";

describe("percentages", () => {
  it.each([
    ["12%", 12],
    ["12.5％", 12.5],
    ["百分之十二", 12],
    ["7.5个百分点", 7.5],
    ["约5%", 5],
    ["3.75", 3.75],
    ["0.5", 0.5],
    ["没有", 0],
  ])("%s → %s", (text, value) => expect(parsePercent(text)).toBe(value));

  it.each(["120%", "-5%", "不清楚", "很多"])("%s is unread", (text) => expect(parsePercent(text)).toBeNull());
});

describe("decimals", () => {
  it("reads digits with a point and commas", () => {
    expect(parseDecimal("1.25")).toBe(1.25);
    expect(parseDecimal("1,250.5")).toBe(1250.5);
    expect(parseDecimal("abc")).toBeNull();
  });
});

describe("dates", () => {
  it.each([
    ["2024年6月", "2024-06"],
    ["2024年6月成立", "2024-06"],
    ["成立于2024年6月", "2024-06"],
    ["2024年6月15日", "2024-06-15"],
    ["2024-06", "2024-06"],
    ["2024/6/15", "2024-06-15"],
    ["June 2024", "2024-06"],
    ["15 June 2024", "2024-06-15"],
  ])("%s → %s", (text, value) => expect(parseDate(text)).toBe(value));

  it.each(["2024年13月", "2023年2月29日", "去年", "三年前"])("%s is unread", (text) =>
    expect(parseDate(text)).toBeNull(),
  );
});

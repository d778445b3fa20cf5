/** Calendar dates: month-only dates, durations across month ends, the --as-of check. */
import { describe, expect, it } from "vitest";
import { addDuration, isIsoDate, normalizeDate } from "../../src/policy/dates.ts";
import { formatDate } from "../../src/render/dates.ts";

describe("dates", () => {
  it("reads a month-only date as its first day and refuses dates that do not exist", () => {
    expect(normalizeDate("2024-06")).toBe("2024-06-01");
    expect(normalizeDate("2024-02-29")).toBe("2024-02-29");
    expect(normalizeDate("2023-02-29")).toBeUndefined();
    expect(normalizeDate("2024-13")).toBeUndefined();
    expect(normalizeDate(20240601)).toBeUndefined();
  });

  it("adds years and months, falling on the month's last day when the day is past it", () => {
    expect(addDuration("2024-06-01", { years: 3 })).toBe("2027-06-01");
    expect(addDuration("2024-02-29", { years: 1 })).toBe("2025-02-28");
    expect(addDuration("2024-11-30", { months: 3 })).toBe("2025-02-28");
    expect(addDuration("2024-01-31", { years: 1, months: 1 })).toBe("2025-02-28");
  });

  it("accepts only real YYYY-MM-DD dates for --as-of", () => {
    expect(isIsoDate("2026-03-01")).toBe(true);
    expect(isIsoDate("2026-3-1")).toBe(false);
    expect(isIsoDate("2026-02-30")).toBe(false);
  });

  it("writes dates the way each language does", () => {
    expect(formatDate("2027-12-31", "zh")).toBe("2027年12月31日");
    expect(formatDate("2027-12-31", "en")).toBe("31 Dec 2027");
  });
});

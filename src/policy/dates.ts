/**
 * Calendar dates for date facts, durations ("成立不满3年"), validity windows and dated values.
 * Dates are plain "YYYY-MM-DD" strings compared as strings; no time zones, no clocks here
 * (the evaluation date is given by the caller).
 */
import type { Duration } from "./schema.ts";

/** "2024-06-15" as given, "2024-06" as its first day ("2024年6月成立": the month is what is known). */
export function normalizeDate(value: unknown): string | undefined {
  if (typeof value !== "string") return undefined;
  const match = /^(\d{4})-(\d{2})(?:-(\d{2}))?$/.exec(value);
  if (!match) return undefined;
  const [, year, month, day = "01"] = match;
  return isRealDate(Number(year), Number(month), Number(day)) ? `${year}-${month}-${day}` : undefined;
}

function isRealDate(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  return day <= daysIn(year, month);
}

const daysIn = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();
const pad = (n: number, width = 2) => String(n).padStart(width, "0");

/** The date a duration after `date`; a day past the end of the month falls on its last day
 * (2024-02-29 + 1 year = 2025-02-28). */
export function addDuration(date: string, duration: Duration): string {
  const [y, m, d] = date.split("-").map(Number) as [number, number, number];
  const months = y * 12 + (m - 1) + (duration.years ?? 0) * 12 + (duration.months ?? 0);
  const year = Math.floor(months / 12);
  const month = (months % 12) + 1;
  return `${pad(year, 4)}-${pad(month)}-${pad(Math.min(d, daysIn(year, month)))}`;
}

/** Today in the machine's local calendar, as the default evaluation date. */
export function today(now = new Date()): string {
  return `${pad(now.getFullYear(), 4)}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** Whether `value` is a date the CLI accepts for --as-of: a real YYYY-MM-DD. */
export function isIsoDate(value: string): boolean {
  return /^\d{4}-\d{2}-\d{2}$/.test(value) && normalizeDate(value) === value;
}

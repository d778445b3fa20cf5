/**
 * Dates as people type them, to "YYYY-MM-DD" or "YYYY-MM" when only the month is given:
 * "2024年6月", "2024年6月成立", "2024年6月15日", "2024-06", "2024/6/15", "2024.6", "June 2024",
 * "成立于2024年6月". Returns null for anything else, or a date that does not exist.
 */
import { normalizeDate } from "../../policy/dates.ts";
import { norm as fold } from "./normalize.ts";

const MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];
const pad = (n: string) => n.padStart(2, "0");

export function parseDate(text: string): string | null {
  const answer = fold(text)
    .replace(/^(成立于|成立时间是?|注册于|于|在|since|founded in|founded|established in|in)\s*/, "")
    .replace(/\s*(成立|注册|设立|左右|前后)+[。.!！]?$/, "")
    .trim();
  const numeric =
    /^(\d{4})\s*(?:年|[-/.])\s*(\d{1,2})\s*(?:月)?(?:\s*(?:[-/.]\s*)?(\d{1,2})\s*(?:日|号)?)?$/.exec(answer);
  if (numeric) return checked(numeric[1] as string, numeric[2] as string, numeric[3]);
  const english = /^(?:(\d{1,2})\s+)?([a-z]{3})[a-z]*\.?,?\s+(?:(\d{1,2}),?\s+)?(\d{4})$/.exec(answer);
  if (english) {
    const month = MONTHS.indexOf(english[2] as string);
    const day = english[1] ?? english[3];
    return month < 0 ? null : checked(english[4] as string, String(month + 1), day);
  }
  return null;
}

function checked(year: string, month: string, day: string | undefined): string | null {
  const text = day === undefined ? `${year}-${pad(month)}` : `${year}-${pad(month)}-${pad(day)}`;
  return normalizeDate(text) === undefined ? null : text;
}

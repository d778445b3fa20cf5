/**
 * Shares and plain decimal numbers as people type them: "12%", "12.5％", "百分之十二", "7.5个百分点",
 * "约5%". A bare number is read as percent as written ("0.5" is 0.5%, never guessed to be 50%).
 * Returns null when the text is not one.
 */
import { bareNorm as bare } from "./normalize.ts";
import { parseNumeral } from "./numerals.ts";

/** A percentage from 0 to 100, decimals kept. */
export function parsePercent(text: string): number | null {
  const answer = bare(text).replace(/\s+/g, "");
  if (/^(没有|没|无|零|none|no)$/.test(answer)) return 0;
  const spoken = /^百分之(.+)$/.exec(answer);
  const body = spoken
    ? spoken[1]
    : answer.replace(/^(约|大约|大概|about|around|~)/, "").replace(/(%|percent|个百分点|百分点|pct)$/, "");
  if (body === undefined || body === "") return null;
  const value = parseNumeral(body);
  if (value === null || value < 0) return null;
  return value <= 100 ? value : null;
}

/** A number that need not be whole ("1.25", "-0.5", "1,250.5", "三十"). */
export function parseDecimal(text: string): number | null {
  const answer = bare(text).replace(/,/g, "");
  if (/^-?\d+(\.\d+)?$/.test(answer)) return Number(answer);
  return parseNumeral(answer);
}

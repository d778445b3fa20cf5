/** Whole numbers of things or levels: "3", "三个", "3级", "level 3", "第二年", "none". */
import { bare } from "./normalize.ts";
import { parseNumeral } from "./numerals.ts";

const ENGLISH: Record<string, number> = {
  zero: 0,
  none: 0,
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  thirteen: 13,
  fourteen: 14,
  fifteen: 15,
  sixteen: 16,
  seventeen: 17,
  eighteen: 18,
  nineteen: 19,
  twenty: 20,
};

/** A non-negative integer, or null. "没有"/"none" read as 0. */
export function parseCount(text: string): number | null {
  const answer = bare(text)
    .replace(/^(第|level|lvl|l|year|years|yr)\s*/, "")
    .replace(
      /\s*(个|項|项|级|級|年|次|家|条|件|人|名|位|people|persons?|staff|employees?|items?|levels?|years?|projects?|datasets?|times?)$/,
      "",
    )
    .trim();
  if (/^(没有|没|无|零|none|no)$/.test(answer)) return 0;
  const english = ENGLISH[answer];
  if (english !== undefined) return english;
  const value = parseNumeral(answer);
  return value !== null && Number.isInteger(value) && value >= 0 && value <= 1e9 ? value : null;
}

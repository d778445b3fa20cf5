/**
 * Reads numbers written with Chinese numerals, Arabic digits or a mix of both
 * ("三千五百万", "3千5百万", "1.5亿", "一万五"). Returns null for anything else.
 */

const DIGITS: Record<string, number> = {
  零: 0,
  〇: 0,
  一: 1,
  壹: 1,
  二: 2,
  贰: 2,
  两: 2,
  俩: 2,
  三: 3,
  叁: 3,
  四: 4,
  肆: 4,
  五: 5,
  伍: 5,
  六: 6,
  陆: 6,
  七: 7,
  柒: 7,
  八: 8,
  捌: 8,
  九: 9,
  玖: 9,
};
const SMALL_UNITS: Record<string, number> = { 十: 10, 拾: 10, 百: 100, 佰: 100, 千: 1000, 仟: 1000 };
const BIG_UNITS: Record<string, number> = { 万: 1e4, 萬: 1e4, 亿: 1e8, 億: 1e8 };

const TOKEN = /\d+(?:\.\d+)?|[零〇一壹二贰两俩三叁四肆五伍六陆七柒八捌九玖]|[十拾百佰千仟万萬亿億]/gy;

/** The value of a numeral string made only of digits, Chinese digits and units; null if it is not one. */
export function parseNumeral(text: string): number | null {
  if (text === "") return null;
  const tokens: string[] = [];
  TOKEN.lastIndex = 0;
  let consumed = 0;
  for (let m = TOKEN.exec(text); m; m = TOKEN.exec(text)) {
    tokens.push(m[0]);
    consumed = TOKEN.lastIndex;
  }
  if (consumed !== text.length) return null;
  return evaluateTokens(tokens);
}

function evaluateTokens(tokens: string[]): number | null {
  let above = 0; // committed at the 亿 level and higher
  let wan = 0; // committed at the 万 level
  let section = 0; // below 万
  let digit: number | null = null;
  let lastUnit = 0;
  let zeroSinceUnit = false;
  for (const token of tokens) {
    const small = SMALL_UNITS[token];
    const big = BIG_UNITS[token];
    if (small !== undefined) {
      section += (digit ?? 1) * small;
      digit = null;
      lastUnit = small;
      zeroSinceUnit = false;
    } else if (big === 1e4) {
      if (digit === null && section === 0) return null;
      wan = (section + (digit ?? 0)) * 1e4;
      section = 0;
      digit = null;
      lastUnit = 1e4;
      zeroSinceUnit = false;
    } else if (big === 1e8) {
      const below = wan + section + (digit ?? 0);
      // A bare 亿 with no digit before it is no number; "0亿" / "0.0亿" is zero.
      if (digit === null && section === 0 && wan === 0 && above === 0) return null;
      above = (above + below) * 1e8;
      wan = section = 0;
      digit = null;
      lastUnit = 1e8;
      zeroSinceUnit = false;
    } else {
      if (digit !== null) {
        // Consecutive digits: only Chinese digits written out positionally ("二〇二五") or a zero filler.
        if (/^\d/.test(token)) return null;
        digit = digit * 10 + (DIGITS[token] ?? 0);
        continue;
      }
      const value = DIGITS[token] ?? Number(token);
      if (value === 0 && lastUnit > 0) zeroSinceUnit = true;
      digit = value === 0 && lastUnit > 0 ? null : value;
    }
  }
  // "一万五" and "三千五" leave the unit off the last digit: it is one step below the last unit.
  if (
    digit !== null &&
    lastUnit >= 100 &&
    !zeroSinceUnit &&
    digit > 0 &&
    digit < 10 &&
    Number.isInteger(digit)
  ) {
    digit *= lastUnit === 1e8 ? 1e7 : lastUnit === 1e4 ? 1e3 : lastUnit / 10;
  }
  const total = above + wan + section + (digit ?? 0);
  return Number.isFinite(total) ? total : null;
}

/**
 * Amounts of money as people type them, to integer yuan: "3000万", "1.5亿", "两百万",
 * "三千五百万元", "2,000,000", "2m", "500k", "1.2 million", "30万元", "0".
 * Returns null when the text is not an amount (never throws, never negative).
 */
import { fold } from "./normalize.ts";
import { parseNumeral } from "./numerals.ts";

/** Larger than any subsidy figure could be; beyond it a typed number is a mistake, not an amount. */
const MAX_YUAN = 1e15;

const ENGLISH_SCALES: Record<string, number> = {
  k: 1e3,
  thousand: 1e3,
  thousands: 1e3,
  m: 1e6,
  mn: 1e6,
  mio: 1e6,
  million: 1e6,
  millions: 1e6,
  b: 1e9,
  bn: 1e9,
  billion: 1e9,
  billions: 1e9,
  w: 1e4,
  wan: 1e4,
};

const CURRENCY = /(人民币|rmb|cny|yuan|元整|元|块钱|块|¥|￥)/g;

export function parseAmount(text: string): number | null {
  const folded = fold(text)
    .replace(CURRENCY, " ")
    .replace(/^(约|大约|大概|差不多|about|approx\.?|approximately|around|roughly)\s*/, "")
    .replace(/左右$/, "")
    .trim();
  const compact = removeGrouping(folded);
  if (compact === null || compact === "") return null;
  const value = parseEnglishScaled(compact) ?? parseNumeral(compact.replace(/\s+/g, ""));
  if (value === null || !Number.isFinite(value) || value < 0 || value > MAX_YUAN) return null;
  return Math.round(value);
}

/** Drops thousands separators ("2,000,000", "30 000"); null when commas are not thousands groups. */
function removeGrouping(text: string): string | null {
  const grouped = /\d{1,3}(?:[, ]\d{3})+(?:\.\d+)?/g;
  const result = text.replace(grouped, (m) => m.replace(/[, ]/g, ""));
  return /\d,\d/.test(result) ? null : result;
}

function parseEnglishScaled(text: string): number | null {
  const m = /^(\d+(?:\.\d+)?|\.\d+)\s*([a-z]+)?$/.exec(text);
  if (!m) return null;
  const number = Number(m[1]);
  if (!m[2]) return number;
  const scale = ENGLISH_SCALES[m[2]];
  return scale === undefined ? null : number * scale;
}

/**
 * Numbers inside a message, as people write them: Arabic or Chinese numerals or both
 * ("1.5亿", "三千五百万", "3千5百万"), colloquial amounts ("一个亿", "3000多万", "五十来万",
 * "两三百万"), English scales ("3kw", "30m", "2.5 million", "400k"), currency marks, a sign,
 * and the word after them that says what is counted ("3个", "三级", "2 years").
 * Works on `norm`ed text; positions are into that text.
 */
import { parseNumeral } from "./numerals.ts";

export interface NumberMention {
  start: number;
  end: number;
  value: number;
  negative: boolean;
  /** Written as money: a 万/亿 or English scale, or a currency mark or word. */
  money: boolean;
  /** A foreign currency was named ("美元", "usd", "$"): not an amount in yuan. */
  foreign: boolean;
  /** The measure word or English noun after the number ("个", "级", "年", "year", "level"). */
  unit?: string;
  /** Written with a level or year word before it ("level 3", "第二", "year 2"). */
  ordinal?: string;
  /** A calendar year ("2024年"), not a count. */
  date: boolean;
  /** Written only with Chinese numerals and no unit: might be part of a word ("一起", "统一"). */
  chineseOnly: boolean;
  /** "多", "余", "来", "几" or a range: the figure is a lower bound of what was meant. */
  approximate: boolean;
  /** Letters glued to the figure that are no scale or unit ("5x", "3abc"): not a clean number. */
  glued: boolean;
  /** Said only as an upper bound ("不到100万", "100万以下", "less than 2 million"): the figure is a
   * limit, not a value; reading it as the value would meet a threshold the real figure misses. */
  below: boolean;
}

/** Words before a bare four-digit figure that make it a year ("in 2024", "since 2023", "march 2025"). */
const YEAR_BEFORE =
  /\b(?:in|since|of|by|from|until|till|before|after|during|early|late|mid|fy|year|jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:tember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?\s*-?\s*$/;
const CN_DIGIT = "零〇一二两俩三四五六七八九壹贰叁肆伍陆柒捌玖";
const CN_UNIT = "十百千万亿萬億拾佰仟";
const CN_ALL = CN_DIGIT + CN_UNIT;
const CN_RUN_START = `[\\d${CN_DIGIT}十百千拾佰仟]`;
// A run of number characters: commas only as thousands groups, a point only before a digit,
// 多/来/余/几 only before a unit ("3000多万"), 个 only before 亿/万 ("一个亿").
const RUN = new RegExp(
  `${CN_RUN_START}(?:[\\d${CN_ALL}]|,(?=\\d{3}(?!\\d))|\\.(?=\\d)|点(?=[${CN_DIGIT}])|[多来余几](?=[${CN_UNIT}个])|个(?=[多来余几]?[万亿萬億]))*`,
  "g",
);
const ENGLISH_SCALE: Record<string, number> = {
  k: 1e3,
  kw: 1e7,
  w: 1e4,
  wan: 1e4,
  m: 1e6,
  mn: 1e6,
  mio: 1e6,
  mil: 1e6,
  million: 1e6,
  millions: 1e6,
  b: 1e9,
  bn: 1e9,
  billion: 1e9,
  billions: 1e9,
  thousand: 1e3,
  thousands: 1e3,
  hundred: 1e2,
  grand: 1e3,
  lakh: 1e5,
};
const SCALE_AFTER =
  /^(?:-?\s?odd)?\s?(kw|k|wan|w|million|millions|mn|mio|mil|m|billion|billions|bn|b|thousands|thousand|hundred|grand)(?![a-z])/;
const YUAN_AFTER = /^\s?(?:元整|元|块钱|块|圆|rmb|cny|yuan|kuai)/;
const FOREIGN_AFTER =
  /^\s?(?:美元|美金|欧元|英镑|日元|港币|港元|usd|dollars?|euros?|eur|gbp|pounds?|jpy|hkd)/;
const YUAN_BEFORE = /(?:¥|rmb|cny|人民币)\s?$/;
const FOREIGN_BEFORE = /(?:\$|€|£|usd|eur|us\$|hk\$|港币|港元|美元|美金|欧元|日元|英镑)\s?$/;
const NEGATIVE_BEFORE = /(?:负|-|−|minus |negative )$/;
const UNIT_AFTER =
  /^\s?(个|項|项|级|級|年|次|家|件|条|套|名|位|人|项目|批|种|轮|倍|%|levels?|lvl|years?|yrs?|times|datasets?|projects?|items?|labs?|platforms?|awards?|cases?|people|persons?|staff|employees?)(?![a-z])/;
const ORDINAL_BEFORE = /(第|level |level|lvl |lvl|lv\.? ?|l|year |yr |dcmm ?)$/;
const APPROX_CN = /[多来余几]/;
const BELOW_BEFORE =
  /(?:不到|不足|不够|少于|低于|小于|未满|未达到?|未到|没到|没达到|没有达到|没有到|不满|不超过|没超过|没有超过|最多|至多|顶多|充其量|less than|fewer than|under|below|at most|no more than|not more than|not even|up to|<|≤)\s?(?:也就|也|就|才|只有|大概|大约|约|just|about|around|roughly)*\s?$/;
const BELOW_AFTER =
  /^\s?(?:以下|以内|之内|之下|不到|都不到|还不到|or less|or under|or below|and under|and below|max\b)/;

/** Every number in `s`, in order. */
export function findNumbers(s: string): NumberMention[] {
  const out: NumberMention[] = [];
  RUN.lastIndex = 0;
  for (let m = RUN.exec(s); m; m = RUN.exec(s)) {
    const raw = m[0];
    const start = m.index;
    let end = start + raw.length;
    const rest = () => s.slice(end);
    const base = evaluateRun(raw);
    if (base === null) continue;
    // "这一项", "那一块", "每一年": a demonstrative, not a count.
    if (raw === "一" && /[这那每同单唯]$/.test(s.slice(0, start))) continue;
    // "几百万" is some hundreds of 万 (one at least), "大几百万" six to nine (six at least).
    const some = s[start - 1] === "几" && /^[十百千万亿]/.test(raw);
    let value = some && s[start - 2] === "大" ? base * 6 : base;
    let englishFactor = 1;
    let money = /[万亿萬億]/.test(raw);
    const approximate =
      some || APPROX_CN.test(raw) || /[一二两三四五六七八九][二两三四五六七八九](?=[十百千万亿])/.test(raw);
    const scale = /\d$/.test(raw) ? SCALE_AFTER.exec(rest()) : null;
    if (scale?.[1]) {
      englishFactor = ENGLISH_SCALE[scale[1]] ?? 1;
      value *= englishFactor;
      end += scale[0].length;
      money = true;
    }
    const before = s.slice(Math.max(0, start - 12), start);
    let foreign = false;
    const yuan = YUAN_AFTER.exec(rest());
    if (yuan) {
      end += yuan[0].length;
      money = true;
    } else if (FOREIGN_AFTER.test(rest())) foreign = true;
    if (YUAN_BEFORE.test(before)) money = true;
    if (FOREIGN_BEFORE.test(before)) foreign = true;
    const unitMatch = money ? null : UNIT_AFTER.exec(rest());
    const unit = unitMatch?.[1];
    if (unitMatch) end += unitMatch[0].length;
    const ordinal = ORDINAL_BEFORE.exec(before)?.[1]?.trim();
    // "2025年", "in 2024", "since 2023", "March 2025": a year, not an amount or a count.
    const date =
      /^(19|20)\d\d$/.test(raw) && (unit === "年" || unit === "year" || (!money && YEAR_BEFORE.test(before)));
    const glued = /^[a-z]/.test(s.slice(end)) && /[\da-z]$/.test(s.slice(start, end));
    const chineseOnly = !/\d/.test(raw) && !money && unit === undefined && ordinal === undefined;
    // "300-500万": the unit written once after the upper figure belongs to the lower one too.
    const previous = out[out.length - 1];
    const between = previous ? s.slice(previous.end, start) : "";
    const range =
      /^\s?(?:-|~|～|到|至|—|–|to)\s?$/.test(between) ||
      (/^\s?and\s?$/.test(between) && /between\s?$/.test(s.slice(0, previous?.start)));
    if (previous && !previous.money && money && range) {
      previous.value *= factorOfUnit(raw) * englishFactor;
      previous.money = true;
      previous.approximate = true;
      previous.end = end;
      continue;
    }
    // "150万-200万": a range written with both units is its lower end, as "150-200万" is.
    if (previous?.money && money && range && !previous.negative) {
      previous.value = Math.min(previous.value, value);
      previous.approximate = true;
      previous.end = end;
      continue;
    }
    out.push({
      start,
      end,
      value,
      below: BELOW_BEFORE.test(before) || BELOW_AFTER.test(s.slice(end)),
      negative: NEGATIVE_BEFORE.test(before),
      money,
      foreign,
      ...(unit ? { unit } : {}),
      ...(ordinal ? { ordinal } : {}),
      date,
      chineseOnly,
      approximate,
      glued,
    });
  }
  return out;
}

/** The multiplier the last unit of a run gives ("500万" → 10,000). */
const factorOfUnit = (raw: string) => (/[万萬]$/.test(raw) ? 1e4 : /[亿億]$/.test(raw) ? 1e8 : 1);

/** The value of one run of number characters, or null. */
function evaluateRun(raw: string): number | null {
  let text = raw
    .replace(/,/g, "")
    .replace(/个(?=[多来余几]?[万亿萬億])/g, "")
    // "一点二个亿": 点 is the decimal point of a number written in words.
    .replace(
      /([零〇一二两三四五六七八九十百千]+)点([零〇一二三四五六七八九]+)/g,
      (all, whole: string, frac: string) => {
        const w = parseNumeral(whole);
        const f = [...frac].map((c) => "零一二三四五六七八九".indexOf(c === "〇" ? "零" : c)).join("");
        return w === null || f.includes("-") ? all : `${w}.${f}`;
      },
    )
    .replace(/[多来余几]/g, "");
  // "两三百万", "三四十万": two neighbouring digits mean "two or three"; the lower is meant at least.
  text = text.replace(
    /([一二两三四五六七八])([二两三四五六七八九])(?=[十百千万亿])/g,
    (all, a: string, b: string) => (digitValue(b) === digitValue(a) + 1 ? a : all),
  );
  const value = parseNumeral(text);
  return value !== null && Number.isFinite(value) ? value : null;
}

const digitValue = (ch: string) => "零一二三四五六七八九".indexOf(ch === "两" ? "二" : ch);

const ENGLISH_NUMBERS: Record<string, number> = {
  zero: 0,
  none: 0,
  once: 1,
  twice: 2,
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
  thirty: 30,
  forty: 40,
  fifty: 50,
  sixty: 60,
  seventy: 70,
  eighty: 80,
  ninety: 90,
  first: 1,
  second: 2,
  third: 3,
  fourth: 4,
  fifth: 5,
};

const FRACTION_OF_SCALE =
  /\b(?:(one|two|three|four|five|six|seven|eight|nine|ten) and )?(half|a half|a quarter|quarter|three quarters)(?: of)? (?:a |one )?(million|mil|mn|billion)\b/g;
const FRACTIONS: Record<string, number> = {
  half: 0.5,
  "a half": 0.5,
  "a quarter": 0.25,
  quarter: 0.25,
  "three quarters": 0.75,
};

/** "half a million", "a quarter million": money. */
function fractionsOfScale(s: string): NumberMention[] {
  const out: NumberMention[] = [];
  FRACTION_OF_SCALE.lastIndex = 0;
  for (let m = FRACTION_OF_SCALE.exec(s); m; m = FRACTION_OF_SCALE.exec(s)) {
    const scale = m[3] === "billion" ? 1e9 : 1e6;
    // "two and a half million": the whole number before the fraction counts too.
    const whole = m[1] ? (ENGLISH_NUMBERS[m[1]] ?? 0) : 0;
    out.push({
      start: m.index,
      end: m.index + m[0].length,
      value: (whole + (FRACTIONS[m[2] as string] ?? 0)) * scale,
      negative: false,
      money: true,
      foreign: false,
      date: false,
      chineseOnly: false,
      approximate: false,
      glued: false,
      below: BELOW_BEFORE.test(s.slice(Math.max(0, m.index - 12), m.index)),
    });
  }
  return out;
}

/** English number words ("two", "twice", "third") with their positions, as counts. */
export function findEnglishNumberWords(s: string): NumberMention[] {
  const out: NumberMention[] = fractionsOfScale(s);
  const inFraction = (i: number) => out.some((f) => i >= f.start && i < f.end);
  const words = /[a-z]+/g;
  for (let m = words.exec(s); m; m = words.exec(s)) {
    if (inFraction(m.index)) continue;
    const word = ENGLISH_NUMBERS[m[0]];
    if (word === undefined) continue;
    const start = m.index;
    let end = start + m[0].length;
    // "twenty-five", "thirty two": the tens and the units are one number.
    const units = word >= 20 && word % 10 === 0 ? /^[ -]([a-z]+)/.exec(s.slice(end)) : null;
    const unitValue = units ? ENGLISH_NUMBERS[units[1] as string] : undefined;
    const value = unitValue !== undefined && unitValue >= 1 && unitValue <= 9 ? word + unitValue : word;
    if (value !== word && units) {
      end += units[0].length;
      words.lastIndex = end;
    }
    const unitMatch = UNIT_AFTER.exec(s.slice(end));
    if (unitMatch) end += unitMatch[0].length;
    // "two million": a scale after a number word makes it money.
    const scale = SCALE_AFTER.exec(s.slice(end));
    const money = Boolean(scale?.[1]) && !unitMatch;
    if (money && scale?.[1]) end += scale[0].length;
    const ordinal = ORDINAL_BEFORE.exec(s.slice(Math.max(0, start - 8), start))?.[1]?.trim();
    out.push({
      start,
      end,
      value: money && scale?.[1] ? value * (ENGLISH_SCALE[scale[1]] ?? 1) : value,
      negative: false,
      money,
      foreign: false,
      ...(unitMatch?.[1] ? { unit: unitMatch[1] } : {}),
      ...(ordinal ? { ordinal } : {}),
      date: false,
      chineseOnly: false,
      approximate: false,
      glued: false,
      below: BELOW_BEFORE.test(s.slice(Math.max(0, start - 12), start)),
    });
  }
  return out;
}

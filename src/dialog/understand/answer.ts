/**
 * Reads the answer to one question: the text a person typed after being asked for `path`.
 * "Don't know" in any form is unknown, never a value; a hedge that leans one way counts that
 * way; a figure that cannot be meant (negative, out of range) is unread with the reason, never
 * clamped or guessed.
 */
import type { PolicySet } from "../../policy/load.ts";
import { getPath } from "../../policy/paths.ts";
import { OUTSIDE } from "../../policy/profile.ts";
import type { Fact } from "../../policy/schema.ts";
import { parseChoice } from "./choice.ts";
import { parseDate } from "./date.ts";
import { understandIn } from "./describe.ts";
import { leanYesNo, negatedAfter, negatedAt, planned, saysNone, saysUnknown } from "./hedges.ts";
import { bareNorm } from "./normalize.ts";
import { findEnglishNumberWords, findNumbers, type NumberMention } from "./numbers.ts";
import { parseDecimal, parsePercent } from "./percent.ts";
import { readRecords } from "./records.ts";
import { scan } from "./scan.ts";
import { labelCore, vocabularyOf } from "./vocab.ts";

/** Why an answer could not be read, so the reply can say what is expected. */
export type UnreadReason =
  /** A negative figure ("负十万", "-5"). */
  | "negative"
  /** A figure outside what the fact allows (DCMM level 7, 5,000 years). */
  | "out_of_range"
  /** No figure where a figure is asked for ("很多"). */
  | "not_a_number"
  /** An amount in another currency ("300万美元"): the advisor counts yuan. */
  | "not_yuan"
  /** Only an upper bound ("不到100万", "less than 2 million"): a limit, not the figure. */
  | "upper_bound"
  /** None of the offered options. */
  | "not_an_option"
  /** Anything else. */
  | "not_understood";

/**
 * How an answer reads. `value` is in CONTRACT.md section 2's type for the fact; `null` means the
 * answer rules out every value the fact can hold (a plain "no" to "which DCMM level?" or to
 * "year 2 or 3 follow-up?"): nothing is stored and the question is answered.
 */
export type AnswerReading =
  | { kind: "value"; value: unknown }
  | { kind: "unknown" }
  | { kind: "unread"; reason: UnreadReason };

export const DISTRICT_PATH = "district";

const value = (v: unknown): AnswerReading => ({ kind: "value", value: v });
const unread = (reason: UnreadReason): AnswerReading => ({ kind: "unread", reason });
const UNKNOWN: AnswerReading = { kind: "unknown" };

/** Largest amount a person could mean for one of these facts; beyond it a typed figure is a slip. */
const MAX_YUAN = 1e13;
/** Counts asked about (years funded, datasets recognised) are small: "3000万" to one is a slip. */
const MAX_COUNT = 1000;

/** Whether `path` is a fact this reader knows (a declared fact or the district). */
export function knowsFact(set: PolicySet, path: string): boolean {
  return path === DISTRICT_PATH || set.facts.has(path);
}

export function readAnswerIn(set: PolicySet, path: string, text: string): AnswerReading {
  const s = bareNorm(text);
  if (s === "") return unread("not_understood");
  if (saysUnknown(s)) return UNKNOWN;
  if (path === DISTRICT_PATH) return readDistrict(set, s);
  const fact = set.facts.get(path);
  if (!fact) return unread("not_understood");
  switch (fact.type) {
    case "boolean":
      return readBoolean(set, fact, s);
    case "amount":
      return readAmount(s, (found) => boundInText(set, path, s, found));
    case "count":
      return readCount(s, (t) => namedValue(set, fact, t), fact.max ?? MAX_COUNT);
    case "integer":
      return readInteger(set, fact, s, fact.min, fact.max);
    case "choice":
      return readChoice(set, fact, s);
    case "set":
      return readSet(set, fact, s);
    case "records":
      return readRecordsAnswer(set, fact, s);
    case "percent":
    case "decimal":
    case "date":
      return readTyped(fact, s);
  }
}

/** Percent ("12.5%"), decimal and date ("2024年6月成立") answers, read by the dialog's parsers. */
function readTyped(fact: Extract<Fact, { type: "percent" | "decimal" | "date" }>, s: string): AnswerReading {
  if (fact.type === "percent" && /^[-负]/.test(s.trim())) return unread("negative");
  switch (fact.type) {
    case "percent": {
      const v = parsePercent(s);
      return v === null ? unread("not_a_number") : value(v);
    }
    case "decimal": {
      const v = parseDecimal(s);
      if (v === null) return unread("not_a_number");
      return v < (fact.min ?? -Infinity) || v > (fact.max ?? Infinity) ? unread("out_of_range") : value(v);
    }
    case "date": {
      const v = parseDate(s);
      return v === null ? unread("not_understood") : value(v);
    }
  }
}

function readBoolean(set: PolicySet, fact: Fact, s: string): AnswerReading {
  // The fact's own words decide first ("不是第一次入盒", "still under construction"), then the
  // answer's yes or no; words and answer disagreeing ("有，只服务本区") read as no.
  const stated: boolean[] = [];
  const spans: [number, number][] = [];
  for (const m of scan(s, vocabularyOf(set))) {
    for (const t of m.targets) {
      if ((t.kind !== "fact" && t.kind !== "factNot") || t.path !== fact.path) continue;
      const negated = negatedAt(s, m.start) || negatedAfter(s, m.end);
      // "预计年底才能投用": something achieved, still to come, has not happened.
      const notYet = t.kind === "fact" && !negated && fact.milestone === true && planned(s);
      stated.push(notYet ? false : t.kind === "fact" ? !negated : negated);
      spans.push([m.start, m.end]);
    }
  }
  // The yes or no of the clauses that say none of the fact's words: a clause that does has
  // been read with its own negation ("之前从没进过沙盒，这是头一回申请" is yes).
  const lean = leanYesNo(clausesWithout(s, spans));
  const all = lean === null ? stated : [...stated, lean];
  if (all.length === 0) return unread("not_understood");
  return value(!all.includes(false));
}

/** The clauses of an answer, by position: what a comma, semicolon or full stop closes (not the
 * point of "1.5"). */
function clauses(s: string): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = [];
  let start = 0;
  for (const m of `${s}。`.matchAll(/[,，;；。!！]|\.(?!\d)/g)) {
    const end = m.index ?? s.length;
    out.push({ start, end });
    start = end + 1;
  }
  return out;
}

/** `s` without the clauses that hold one of `spans`. */
function clausesWithout(s: string, spans: [number, number][]): string {
  if (spans.length === 0) return s;
  return clauses(s)
    .filter(({ start, end }) => !spans.some(([a, b]) => a < end && b > start))
    .map(({ start, end }) => s.slice(start, end))
    .join("，")
    .trim();
}

/** Full-width digits are folded already; "30 000" is one number. */
const joinSpaceGroups = (s: string) => s.replace(/(\d) (?=\d{3}(?!\d))/g, "$1");

function figures(s: string): NumberMention[] {
  const joined = joinSpaceGroups(s);
  return [...findNumbers(joined), ...findEnglishNumberWords(joined)].sort((a, b) => a.start - b.start);
}

/** The figures said as values: an upper bound beside a figure ("不到一百万，大概八十万") gives way
 * to it; `bounded` tells that every figure there was is a bound. */
function values(found: NumberMention[]): { found: NumberMention[]; bounded: boolean } {
  const said = found.filter((n) => !n.below);
  return { found: said, bounded: said.length === 0 && found.length > 0 };
}

/**
 * Of several figures in an answer ("贷了五千万，今年利息付了一百八十万", "we borrowed 30m, the fee
 * was 450k"), the one the description reader binds to the fact asked, by its words; undefined
 * when the text does not say which.
 */
function boundInText(set: PolicySet, path: string, s: string, found: NumberMention[]): number | undefined {
  const { profile, sunk = [] } = understandIn(set, s, { settled: () => true });
  const bound = getPath(profile, path);
  // Every other figure must be another fact's or a word of no fact's ("公司总营收"); one that is
  // nobody's ("总投资三个亿，刨掉土建的话大概两个亿") may be the answer, so the answer is unread.
  const others = new Set([...sunk, ...amountValues(set, profile, path)]);
  const left = new Set(found.map((n) => Math.round(n.value)).filter((v) => v === bound || !others.has(v)));
  const [only] = left;
  return left.size === 1 && (bound === undefined || only === bound) ? only : undefined;
}

/** The amounts a read profile holds, but for `path`'s. */
function amountValues(set: PolicySet, profile: Record<string, unknown>, path: string): number[] {
  return [...set.facts.values()]
    .filter((f) => f.type === "amount" && f.path !== path)
    .map((f) => getPath(profile, f.path))
    .filter((v): v is number => typeof v === "number");
}

/** `bound`: for several different figures, the one the text says is the fact's. */
export function readAmount(
  s: string,
  bound: (found: NumberMention[]) => number | undefined = () => undefined,
): AnswerReading {
  if (saysNone(s)) return value(0);
  const { found, bounded } = values(figures(s).filter((n) => !n.date));
  if (bounded) return unread("upper_bound");
  if (found.length === 0) {
    if (saysNone(s) || leanYesNo(s) === false) return value(0);
    return unread("not_a_number");
  }
  // A figure written as money wins over a bare number beside it ("first loan, 50万").
  const money = found.some((n) => n.money) ? found.filter((n) => n.money) : found.filter((n) => !n.unit);
  const [first] = money.length > 0 ? money : found;
  if (!first) return unread("not_a_number");
  if (money.length > 1 && money.some((n) => n.value !== first.value)) {
    const chosen = bound(money);
    return chosen === undefined ? unread("not_understood") : value(Math.round(chosen));
  }
  if (first.negative) return unread("negative");
  if (first.foreign) return unread("not_yuan");
  if (first.glued) return unread("not_a_number");
  if (first.unit && !first.money) return unread("not_a_number");
  if (!Number.isFinite(first.value) || first.value > MAX_YUAN) return unread("out_of_range");
  return value(Math.round(first.value));
}

/** A count; `named` reads a value a word of the data names ("稳健级"). */
export function readCount(
  s: string,
  named: (s: string) => string | number | undefined = () => undefined,
  max = MAX_COUNT,
): AnswerReading {
  if (saysNone(s)) return value(0);
  const { found, bounded } = values(figures(s).filter((n) => !n.date && !n.money));
  if (bounded) return unread("upper_bound");
  const [first] = found;
  if (!first) {
    const word = named(s);
    if (word !== undefined) return value(word);
    if (saysNone(s) || leanYesNo(s) === false) return value(0);
    if (figures(s).some((n) => n.money)) return unread("out_of_range");
    return unread("not_a_number");
  }
  if (first.negative) return unread("negative");
  if (!Number.isInteger(first.value)) return unread("not_a_number");
  if (first.value > max) return unread("out_of_range");
  return value(first.value);
}

function readInteger(set: PolicySet, fact: Fact, s: string, min: number, max: number): AnswerReading {
  const named = namedValue(set, fact, s);
  if (named !== undefined) return value(named);
  const all = figures(s).filter((n) => !n.date && !n.money);
  // "正在冲四级，目前证书还是三级": a level worked towards is not the one held.
  const held = all.filter((n) => !planned(partAround(s, n)));
  const found = held.length > 0 && held.length < all.length ? held : all;
  const [first] = found;
  if (!first) {
    if (saysNone(s) || leanYesNo(s) === false) return value(min <= 0 ? 0 : null);
    return unread("not_a_number");
  }
  if (first.negative) return unread("negative");
  if (!Number.isInteger(first.value)) return unread("not_a_number");
  if (first.value === 0 && min > 0) return value(null);
  if (first.value < min || first.value > max) return unread("out_of_range");
  return value(first.value);
}

/** The clause of `s` a figure is in. */
function partAround(s: string, n: NumberMention): string {
  const clause = clauses(s).find(({ end }) => n.start < end);
  return clause ? s.slice(clause.start, clause.end) : s;
}

/** A value named by a word of the data ("稳健级" is DCMM level 3). */
function namedValue(set: PolicySet, fact: Fact, s: string): string | number | undefined {
  for (const m of scan(s, vocabularyOf(set)))
    for (const t of m.targets) if (t.kind === "option" && t.path === fact.path) return t.value;
  return undefined;
}

interface Choosable {
  value: string | number;
  names: string[];
}

function choosable(fact: Fact): Choosable[] {
  if (fact.type !== "choice" && fact.type !== "set") return [];
  return fact.options.map((o) => ({
    value: o.value,
    names: [o.label.zh, o.label.en, labelCore(o.label.zh), labelCore(o.label.en), String(o.value)]
      .concat(o.words ? [...o.words.zh, ...o.words.en] : [])
      .concat(o.answerWords ? [...o.answerWords.zh, ...o.answerWords.en] : [])
      .map(bareNorm)
      .filter(Boolean),
  }));
}

/** Options named in `s`: by a word of the data anywhere, by the whole label, or by number. */
function optionsNamed(set: PolicySet, fact: Fact, s: string): (string | number)[] {
  const options = choosable(fact);
  const whole = options.find((o) => o.names.includes(s));
  if (whole) return [whole.value];
  const picked = new Set<string | number>();
  // Each part of "融资和DCMM", "1,3" on its own: a word of the data or a label inside it, else a
  // part of one label ("融资") or a close misspelling ("enterprize") where exactly one fits.
  const choosables = options.map((o, i) => ({ id: String(i), names: o.names }));
  for (const part of s
    .split(/\s*(?:[,，、;；/+&]|\band\b|\bbut\b|以及|和|与|及|还有|跟)\s*/)
    .filter(Boolean)) {
    const before = picked.size;
    // "入表还没有", "国家的没进决赛", "no trades yet": an option said not to be so is not picked.
    let ruledOut = false;
    const said = (start: number, end: number) => {
      const not = negatedAt(part, start) || negatedAfter(part, end);
      ruledOut ||= not;
      return !not;
    };
    for (const m of scan(part, vocabularyOf(set)))
      for (const t of m.targets)
        if (t.kind === "option" && t.path === fact.path && said(m.start, m.end)) picked.add(t.value);
    for (const o of options)
      for (const n of o.names) {
        const at = n.length >= 2 ? part.indexOf(n) : -1;
        if (at >= 0 && said(at, at + n.length)) picked.add(o.value);
      }
    if (picked.size > before || ruledOut || figures(part).length > 0) continue;
    const id = parseChoice(part, choosables);
    const o = id === null ? undefined : options[Number(id)];
    if (o) picked.add(o.value);
  }
  // By number: the option's own value where options are numbers (follow-up year 2 or 3),
  // otherwise its place in the list ("2", "第2个", "1,3").
  if (picked.size === 0) {
    const numeric = options.every((o) => typeof o.value === "number");
    for (const n of figures(s).filter((x) => !x.money && !x.negative)) {
      // A place in the list has no unit but 个/项: "second year", "5人" are not option 2 or 5.
      if (!numeric && n.unit && !/^(?:个|项|項)$/.test(n.unit)) continue;
      const o = numeric ? options.find((x) => x.value === n.value) : options[n.value - 1];
      if (o) picked.add(o.value);
    }
  }
  return options.map((o) => o.value).filter((v) => picked.has(v));
}

/** The part of an answer that says what is so now ("现在要申第二年的", "this year is our second"). */
const NOW = /今年|现在|目前|这次|本次|这回|要申|申请|申报|this year|now|currently|applying/;

function readChoice(set: PolicySet, fact: Fact, s: string): AnswerReading {
  const named = optionsNamed(set, fact, s);
  if (named.length === 1) return value(named[0]);
  // "第一年的一百万拿了，现在要申第二年的": of several, the one said of now.
  if (named.length > 1) {
    const now = clauses(s)
      .map(({ start, end }) => s.slice(start, end))
      .filter((part) => NOW.test(part));
    const inNow = now.length === 1 ? optionsNamed(set, fact, now[0] as string) : [];
    return inNow.length === 1 ? value(inNow[0]) : unread("not_an_option");
  }
  if ((saysNone(s) || leanYesNo(s) === false) && !fact.neverNone) {
    const none = fact.type === "choice" ? fact.options.find((o) => o.value === "none") : undefined;
    return value(none ? none.value : null);
  }
  return unread("not_an_option");
}

const ALL =
  /^(?:都有|全都有|全部|全部都有|都是|都|四个都有|全有|都做了|都完成了|全都做了|all|all of them|both|both of them|all four|all four of them|all three|all three of them|all of the above|all the above|everything)(?:了|的|吧)?$/;

function readSet(set: PolicySet, fact: Fact, s: string): AnswerReading {
  if (fact.type !== "set") return unread("not_understood");
  if (ALL.test(s)) return value(fact.options.map((o) => o.value));
  // "这四个一个都还没做": none, though it holds numbers.
  if (saysNone(s)) return value([]);
  const named = optionsNamed(set, fact, s);
  if (named.length > 0) return value(named);
  if (leanYesNo(s) === false) return value([]);
  return unread("not_an_option");
}

function readRecordsAnswer(set: PolicySet, fact: Fact, s: string): AnswerReading {
  if (fact.type !== "records") return unread("not_understood");
  const records = readRecords(set, fact, s);
  if (records.length > 0) return value(records);
  // "1,3": the ready-made records shown as buttons, by their place in the list.
  const numbers = figures(s).filter((n) => !n.money && !n.negative && !n.unit);
  const presets = numbers.map((n) => fact.presets[n.value - 1]?.value).filter((v) => v !== undefined);
  if (presets.length > 0 && presets.length === numbers.length) return value(presets.map((p) => ({ ...p })));
  if (saysNone(s) || leanYesNo(s) === false) return value([]);
  return unread("not_understood");
}

function readDistrict(set: PolicySet, s: string): AnswerReading {
  const ids = new Set<string>();
  for (const m of scan(s, vocabularyOf(set)))
    for (const t of m.targets) if (t.kind === "district") ids.add(t.id);
  if (ids.size === 1) return value([...ids][0]);
  if (ids.size > 1) return unread("not_an_option");
  if (
    /^(其他|其它|其他区|其它区|别的区|外区|都不是|都不在|other|others|elsewhere|neither|none of them|somewhere else)$/.test(
      s,
    )
  )
    return value(OUTSIDE);
  const [n] = figures(s).filter((x) => !x.money && !x.negative);
  if (n && figures(s).length === 1) {
    const documents = set.documents;
    if (n.value >= 1 && n.value <= documents.length) return value(documents[n.value - 1]?.id);
    if (n.value === documents.length + 1) return value(OUTSIDE);
  }
  return unread("not_an_option");
}

/**
 * Measures the reader on sets of answers and descriptions (test/fixtures/understand-*.json):
 * answers read right, "don't know" stored as a value, stated facts extracted, facts invented.
 * Used by scripts/understand-quality.ts and by the test that holds the thresholds.
 */
import type { PolicySet } from "../../policy/load.ts";
import { type AnswerReading, readAnswer, understandText } from "./index.ts";

export interface AnswerCase {
  fact: string;
  text: string;
  want: { value: unknown } | { unknown: true } | { unread: true };
  split?: string;
}

export interface DescriptionCase {
  text: string;
  profile: Record<string, unknown>;
  unknown: string[];
  /** Facts the text rules out every value of ("还没做过DCMM认证": no DCMM level). */
  none?: string[];
  split?: string;
}

export interface Quality {
  answers: number;
  answersRight: number;
  /** Answers that say "don't know" but were read as a value. */
  dontKnowAsValue: number;
  statedFacts: number;
  extracted: number;
  /** Facts set (or said unknown) that the text does not state, or set to a value it does not state. */
  invented: number;
  descriptions: number;
  misses: string[];
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** Leaf facts of a nested profile by dotted path (arrays are leaves). */
export function flatten(x: unknown, pre = ""): [string, unknown][] {
  return Object.entries((x ?? {}) as Record<string, unknown>).flatMap(([k, v]) =>
    v && typeof v === "object" && !Array.isArray(v)
      ? flatten(v, `${pre}${k}.`)
      : [[`${pre}${k}`, v] as [string, unknown]],
  );
}

function answerRight(got: AnswerReading, want: AnswerCase["want"]): boolean {
  if ("unknown" in want) return got.kind === "unknown";
  if ("unread" in want) return got.kind === "unread";
  return got.kind === "value" && same(got.value, want.value);
}

export function measure(answers: AnswerCase[], descriptions: DescriptionCase[], set?: PolicySet): Quality {
  const q: Quality = {
    answers: answers.length,
    answersRight: 0,
    dontKnowAsValue: 0,
    statedFacts: 0,
    extracted: 0,
    invented: 0,
    descriptions: descriptions.length,
    misses: [],
  };
  for (const a of answers) {
    const got = readAnswer(a.fact, a.text, set);
    if (answerRight(got, a.want)) q.answersRight++;
    else
      q.misses.push(
        `answer ${a.fact} ${JSON.stringify(a.text)}: got ${JSON.stringify(got)}, want ${JSON.stringify(a.want)}`,
      );
    if ("unknown" in a.want && got.kind === "value") q.dontKnowAsValue++;
  }
  for (const d of descriptions) {
    const got = understandText(d.text, set);
    const have = new Map(flatten(got.profile));
    const want = new Map(flatten(d.profile));
    for (const [path, value] of want) {
      q.statedFacts++;
      if (same(have.get(path), value)) q.extracted++;
      else
        q.misses.push(
          `description ${JSON.stringify(d.text)}: ${path} = ${JSON.stringify(have.get(path))}, want ${JSON.stringify(value)}`,
        );
    }
    for (const path of d.unknown) {
      q.statedFacts++;
      if (got.unknown.includes(path)) q.extracted++;
      else q.misses.push(`description ${JSON.stringify(d.text)}: ${path} not read as unknown`);
    }
    const gotNone = got.none ?? [];
    for (const path of d.none ?? []) {
      q.statedFacts++;
      if (gotNone.includes(path)) q.extracted++;
      else q.misses.push(`description ${JSON.stringify(d.text)}: ${path} not read as none`);
    }
    for (const path of gotNone) {
      if (!(d.none ?? []).includes(path)) {
        q.invented++;
        q.misses.push(`description ${JSON.stringify(d.text)}: invented none ${path}`);
      }
    }
    for (const [path, value] of have) {
      if (want.has(path) && !same(want.get(path), value)) q.invented++;
      if (!want.has(path)) {
        q.invented++;
        q.misses.push(`description ${JSON.stringify(d.text)}: invented ${path} = ${JSON.stringify(value)}`);
      }
    }
    for (const path of got.unknown) {
      if (!d.unknown.includes(path)) {
        q.invented++;
        q.misses.push(`description ${JSON.stringify(d.text)}: invented unknown ${path}`);
      }
    }
  }
  return q;
}

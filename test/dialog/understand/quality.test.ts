/**
 * The reader holds issue 13's targets on our own sets (test/fixtures/understand-*.json, written
 * before tuning, a third held out): >= 97% of answers read right, no "don't know" stored as a
 * value, >= 90% of stated facts extracted, at most one invented fact in 30 descriptions.
 * scripts/understand-quality.ts prints the figures and the misses.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { type AnswerCase, type DescriptionCase, measure } from "../../../src/dialog/understand/quality.ts";

const load = <T>(name: string): T =>
  JSON.parse(readFileSync(new URL(`../../fixtures/${name}`, import.meta.url), "utf8"));
const answers = load<{ answers: AnswerCase[] }>("understand-answers.json").answers;
const descriptions = load<{ descriptions: DescriptionCase[] }>("understand-descriptions.json").descriptions;

describe("reading free text, measured on our own sets", () => {
  const q = measure(answers, descriptions);

  it("has sets of the size the issue asks for, in both languages", () => {
    expect(answers.length).toBeGreaterThanOrEqual(150);
    expect(descriptions.length).toBeGreaterThanOrEqual(30);
    for (const texts of [answers.map((a) => a.text), descriptions.map((d) => d.text)]) {
      expect(texts.some((t) => /\p{Script=Han}/u.test(t))).toBe(true);
      expect(texts.some((t) => /^[\x20-\x7e]+$/.test(t))).toBe(true);
    }
  });

  it("reads at least 97% of answers right", () => {
    expect(q.answersRight / q.answers, q.misses.join("\n")).toBeGreaterThanOrEqual(0.97);
  });

  it("never stores a 'don't know' as a value", () => {
    expect(q.dontKnowAsValue, q.misses.join("\n")).toBe(0);
  });

  it("extracts at least 90% of the facts descriptions state", () => {
    expect(q.extracted / q.statedFacts, q.misses.join("\n")).toBeGreaterThanOrEqual(0.9);
  });

  it("invents at most one fact in 30 descriptions", () => {
    expect(q.invented / q.descriptions, q.misses.join("\n")).toBeLessThanOrEqual(1 / 30);
  });

  // tune13 (session 22): the kinds missed on a private set, in other words; tune15: money received in a
  // clause about another area; tune16: years in English, 'has been running', 'funded at level N';
  // tune17: a pledge loan's figures, data bought by others, a word inside a phrase. Each must be read whole.
  it("reads every tune13 case exactly: first transfers abroad, gapped breakthroughs, funds 'got', prize money", () => {
    const cases = descriptions.filter((d) =>
      ["tune13", "tune15", "tune16", "tune17"].includes(d.split ?? ""),
    );
    expect(cases.length).toBeGreaterThanOrEqual(10);
    const m = measure([], cases);
    expect(m.misses).toEqual([]);
  });

  // tune14 (session 22): "n/a", "not applicable", "nothing yet" say the fact does not apply: none.
  it("reads every tune14 answer exactly: what does not apply is none, not don't know", () => {
    const cases = answers.filter((a) => a.split === "tune14");
    expect(cases.length).toBeGreaterThanOrEqual(10);
    expect(measure(cases, []).misses).toEqual([]);
  });
});

import { describe, expect, it } from "vitest";
import { compileWords, coverage, readContent } from "../../src/faq/evidence.ts";

const none = compileWords([]);
/** The share of a question a clause covers, given which of its content words the clause has. */
function shareOf(question: string, has: string[]): number {
  const { units } = readContent(question, compileWords(["subsidy"]), none);
  const coverages = units.map((u) => (has.includes(u.text) ? 1 : 0));
  return coverage(
    units,
    coverages,
    units.map(() => 1),
  ).share;
}

describe("modifier rule", () => {
  it("lets a missing modifier outweigh the words it qualifies (another kind of loan)", () => {
    expect(shareOf("patent pledge loan", ["pledge", "loan"])).toBeCloseTo(0.5);
  });

  it("does not take an English verb before its object for a modifier", () => {
    // "exporting data overseas" asks about data going overseas; the clause that has both
    // words covers two of the three, not half.
    expect(shareOf("exporting data overseas", ["data", "oversea"])).toBeCloseTo(2 / 3);
    // "booked", a past form, weighs half a word (the past-form rule below), not a modifier's share.
    expect(shareOf("booked data assets", ["data", "asset"])).toBeCloseTo(2 / 2.5);
  });

  it("weighs a past form of a verb at half a word: the asker's story, not what is asked about", () => {
    // "we passed DCMM level 4": the clause has DCMM and level, not "passed".
    expect(shareOf("passed dcmm level", ["dcmm", "level"])).toBeCloseTo(2 / 2.5);
    expect(shareOf("converted encryption research", ["encryption", "research"])).toBeCloseTo(2 / 2.5);
    // Not a word that merely ends in -ed.
    expect(shareOf("seed data", ["data"])).toBeCloseTo(1 / 2);
  });

  it("reads a contraction by the word before it", () => {
    // "we're" is "we", a stop word: no content of its own.
    expect(readContent("we're sandbox", none, none).units.map((u) => u.text)).toEqual(["sandbox"]);
    expect(readContent("they've sandbox", none, none).units.map((u) => u.text)).toEqual(["sandbox"]);
  });

  it("weighs a rare covered word above a common missing one when asked to", () => {
    const { units } = readContent("养老 数据", none, none);
    const share = (idf?: { max: number; unseen: number; least: number }) =>
      coverage(units, [0, 1], [0, 3], idf).share;
    expect(share()).toBeCloseTo(0.5);
    expect(share({ max: 3, unseen: 0.5, least: 0.2 })).toBeCloseTo(2 / 3);
  });
});

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
    expect(shareOf("booked data assets", ["data", "asset"])).toBeCloseTo(2 / 3);
  });

  it("weighs a rare covered word above a common missing one when asked to", () => {
    const { units } = readContent("养老 数据", none, none);
    const share = (idf?: { max: number; unseen: number; least: number }) =>
      coverage(units, [0, 1], [0, 3], idf).share;
    expect(share()).toBeCloseTo(0.5);
    expect(share({ max: 3, unseen: 0.5, least: 0.2 })).toBeCloseTo(2 / 3);
  });
});

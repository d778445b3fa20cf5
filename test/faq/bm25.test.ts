import { describe, expect, it } from "vitest";
import { createBm25 } from "../../src/faq/bm25.ts";

const bag = (entries: Record<string, number>) => new Map(Object.entries(entries));

describe("BM25 scores", () => {
  const documents = [
    bag({ pledge: 1, loan: 1 }),
    bag({ pledge: 1, loan: 1, lab: 5, award: 5, incubator: 5, park: 5 }),
    bag({ lab: 2, award: 1 }),
    bag({ talent: 1 }),
  ];
  const bm25 = createBm25(documents);

  it("prefers the short document when two mention the query terms equally often", () => {
    const [short, long] = bm25.score(["pledge", "loan"]);
    expect(short).toBeGreaterThan(long as number);
  });

  it("weighs rare terms above common ones", () => {
    expect(bm25.idf("talent")).toBeGreaterThan(bm25.idf("lab"));
  });

  it("stays within 0..1 and gives 0 to documents without any query term", () => {
    const scores = bm25.score(["lab", "lab", "award"]);
    for (const score of scores) expect(score).toBeGreaterThanOrEqual(0);
    for (const score of scores) expect(score).toBeLessThan(1);
    expect(scores[0]).toBe(0);
    expect(scores[3]).toBe(0);
    expect(bm25.score(["unknown"])).toEqual([0, 0, 0, 0]);
  });

  it("lets a weighted query term decide between documents", () => {
    // Document 0 has pledge, document 3 has talent; the heavier term wins.
    const [pledgeDoc, , , talentDoc] = bm25.score(["pledge", "talent"], (t) => (t === "pledge" ? 5 : 1));
    expect(pledgeDoc).toBeGreaterThan(talentDoc as number);
  });
});

/**
 * Whether a word counts as content, and which words of a clause it meets (issue 9), on the
 * real policy data: a word listed as generic in one form ("funding") is not generic in
 * another that names a thing ("fund"); an agent noun ("officer", "computer") is not the
 * word it is made from ("office", "compute"), though Porter gives both one stem. Cases are
 * data (cases/content-words.json).
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { createFaqIndex } from "../../src/faq/index.ts";
import { loadPolicySet } from "../../src/policy/load.ts";

interface Case {
  rule: string;
  q: string;
  first?: string;
  none?: boolean;
  notAmong?: string[];
}
const { cases } = JSON.parse(readFileSync(join(import.meta.dirname, "cases/content-words.json"), "utf8")) as {
  cases: Case[];
};
const index = createFaqIndex(loadPolicySet());

describe("content words and words that clash", () => {
  it.each(cases.map((c) => [c.q, c] as const))("%s", (_, c) => {
    const got = index.ask(c.q).map((a) => `${a.policy}:${a.article}`);
    if (c.none) expect(got, c.rule).toEqual([]);
    if (c.first) expect(got[0], c.rule).toBe(c.first);
    for (const id of c.notAmong ?? []) expect(got, c.rule).not.toContain(id);
  });
});

/**
 * Scenario tests as data: each profile in scenarios.json, with the amounts worked out by
 * hand from the source texts (sum of amount.max per article; null where the matches there
 * are not money or lack a figure; articles not listed must not match).
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { evaluate } from "../../src/policy/evaluate.ts";
import { loadPolicySet } from "../../src/policy/load.ts";
import type { BenefitOutcome } from "../../src/policy/outcome.ts";
import { parseProfile } from "../../src/policy/profile.ts";
import { explainAmount, words } from "../../src/render/explain.ts";

interface Scenario {
  name: string;
  profile: unknown;
  expect: Record<string, number | null>;
  totalMax?: Record<string, number>;
  nearMisses?: string[];
}

const scenarios: Scenario[] = JSON.parse(readFileSync(new URL("./scenarios.json", import.meta.url), "utf8"));
const set = loadPolicySet();
const key = (o: BenefitOutcome) => `${o.policy}:${o.article}`;

function byArticle(matches: BenefitOutcome[]) {
  const sums: Record<string, number | null> = {};
  for (const m of matches) {
    const k = key(m);
    if (!(k in sums)) sums[k] = null;
    if (m.amount.max !== null) sums[k] = (sums[k] ?? 0) + m.amount.max;
  }
  return sums;
}

describe.each(scenarios)("$name", (scenario) => {
  const profile = parseProfile(set.profileSchema, scenario.profile);
  const result = evaluate(profile, set);

  it("matches the articles and amounts worked out by hand", () => {
    expect(byArticle(result.matches)).toEqual(scenario.expect);
    const sum = Object.values(scenario.expect).reduce<number>((a, b) => a + (b ?? 0), 0);
    expect(result.totals.max).toBe(sum);
  });

  if (scenario.totalMax) {
    it("states the most over the whole support period", () => {
      const totals = Object.fromEntries(
        result.matches.filter((m) => m.amount.totalMax !== null).map((m) => [key(m), m.amount.totalMax]),
      );
      expect(totals).toMatchObject(scenario.totalMax as Record<string, number>);
    });
  }

  if (scenario.nearMisses) {
    it("reports the near misses with what is missing", () => {
      expect(result.nearMisses.map(key)).toEqual(scenario.nearMisses);
      for (const miss of result.nearMisses) expect(miss.reason).toBeTruthy();
    });
  }

  it("never states an amount without its working and its source", () => {
    for (const m of result.matches) {
      if (m.amount.max !== null)
        expect(explainAmount(m, set, words(set, "zh"))).toContain(m.amount.max.toLocaleString("en-US"));
      expect(m.quote.length).toBeGreaterThanOrEqual(10);
    }
  });
});

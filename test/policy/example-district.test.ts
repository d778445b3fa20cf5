/**
 * The fictional third document (test/fixtures/policies/example-district.json), loaded by the same
 * loader as the real ones: every worked example at the end of its text, and both sides of every
 * boundary of the new kinds, as scenario data (example-district.scenarios.json).
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { evaluate } from "../../src/policy/evaluate.ts";
import { defaultDataDir, loadPolicySet } from "../../src/policy/load.ts";
import type { BenefitOutcome, WhatIf } from "../../src/policy/outcome.ts";
import { parseProfile } from "../../src/policy/profile.ts";
import { reasonText, whatIfText, words } from "../../src/render/explain.ts";
import { amountText } from "../../src/render/report.ts";
import { exampleFixtures, exampleVariant } from "../support/example-variant.ts";

interface Scenario {
  name: string;
  asOf: string;
  profile: unknown;
  expect: Record<string, number | null>;
  nearMisses?: string[];
  excluded?: Record<string, number>;
  notices?: string[];
  whatIf?: Record<string, WhatIf>;
  reasons?: Record<string, string[]>;
  explains?: Record<string, string[]>;
  adjustments?: { rule: string; removed: { benefit: string; before: number; removed: number }[] }[];
}

const scenarios: Scenario[] = JSON.parse(
  readFileSync(new URL("./example-district.scenarios.json", import.meta.url), "utf8"),
);
const set = loadPolicySet(defaultDataDir(), [exampleFixtures]);
const key = (o: BenefitOutcome) => `${o.policy}:${o.article}`;
const byKey = (list: BenefitOutcome[]) => new Map(list.map((o) => [key(o), o]));

describe("the example document loads beside the real ones", () => {
  it("adds its district and its own facts, and leaves the real documents as they are", () => {
    expect(set.documents.map((d) => d.id)).toEqual(
      expect.arrayContaining(["tongzhou", "shijingshan", "example"]),
    );
    expect(set.facts.get("foundedOn")?.type).toBe("date");
    expect(loadPolicySet().documents.map((d) => d.id)).not.toContain("example");
  });
});

/** What the reader is told, in Chinese: the rendered reason and working. */
const said = (o: BenefitOutcome | undefined) => {
  const w = words(set, "zh");
  return `${o?.reason ? reasonText(o.reason, w) : ""}${o?.whatIf ? `；${whatIfText(o.whatIf, w)}` : ""}`;
};
const worked = (o: BenefitOutcome | undefined) => (o ? amountText(o, set, words(set, "zh")) : "");

describe.each(scenarios)("$name", (scenario) => {
  const profile = parseProfile(set.profileSchema, scenario.profile);
  const zh = evaluate(profile, set, { asOf: scenario.asOf });
  const en = evaluate(profile, set, { asOf: scenario.asOf, lang: "en" });

  it("matches the articles and amounts worked out by hand", () => {
    const sums: Record<string, number | null> = {};
    for (const m of zh.matches)
      sums[key(m)] = m.amount.max === null ? null : (sums[key(m)] ?? 0) + m.amount.max;
    expect(sums).toEqual(scenario.expect);
    expect(zh.totals.max).toBe(Object.values(scenario.expect).reduce<number>((a, b) => a + (b ?? 0), 0));
    expect(en.totals).toEqual(zh.totals);
  });

  it("says what is missing, what was excluded and why", () => {
    expect(zh.nearMisses.map(key)).toEqual(scenario.nearMisses ?? []);
    for (const miss of [...zh.nearMisses, ...en.nearMisses]) expect(miss.reason).toBeTruthy();
    const excluded = Object.fromEntries((zh.excluded ?? []).map((o) => [key(o), o.amount.max]));
    expect(excluded).toEqual(scenario.excluded ?? {});
    for (const o of [...(zh.excluded ?? []), ...(en.excluded ?? [])]) expect(o.reason).toBeTruthy();
    expect((zh.notices ?? []).map((n) => n.code)).toEqual(scenario.notices ?? []);
  });

  it("gives the what-if, the reasons and the working it promises", () => {
    const all = byKey([...zh.matches, ...zh.nearMisses]);
    for (const [k, whatIf] of Object.entries(scenario.whatIf ?? {}))
      expect(all.get(k)?.whatIf).toEqual(whatIf);
    for (const [k, words] of Object.entries(scenario.reasons ?? {}))
      for (const w of words) expect(said(all.get(k))).toContain(w);
    for (const [k, words] of Object.entries(scenario.explains ?? {}))
      for (const w of words) expect(worked(all.get(k))).toContain(w);
    if (scenario.adjustments) expect(zh.adjustments).toMatchObject(scenario.adjustments);
    for (const m of [...zh.matches, ...en.matches])
      if (m.amount.max !== null) expect(worked(m)).toContain(m.amount.max.toLocaleString("en-US"));
  });
});

describe("outside the validity window", () => {
  it("gives the window, the date and the words that set it, and no benefits", () => {
    const profile = { district: "example", dataEnterprise: true };
    const evaluation = evaluate(profile, set, { asOf: "2028-01-01" });
    expect(evaluation.notices).toEqual([
      {
        policy: "example",
        code: "expired",
        from: "2026-01-01",
        to: "2027-12-31",
        asOf: "2028-01-01",
        quote: expect.stringContaining("有效期至2027年12月31日"),
      },
    ]);
    expect(evaluation.possible).toEqual([]);
    expect(evaluation.matches).toEqual([]);
  });
});

describe("a band rule whose lowest band is above the clause's threshold", () => {
  // Article 5 with its threshold lowered to 1 yuan: the bands, not the condition, say no.
  const variant = exampleVariant([{ path: ["articles", 4, "benefits", 0, "conditions", "value"], value: 1 }]);
  const at = (revenue: number) =>
    evaluate({ district: "example", dataServiceRevenue: revenue }, variant, {
      asOf: "2026-06-30",
      whatIf: true,
    });

  it("is a near miss below the lowest band, with the gap and what the lowest band pays", () => {
    const [miss] = at(6_000_000).nearMisses;
    expect(miss?.benefit).toBe("service-revenue-award");
    expect(miss?.reason).toEqual({
      code: "belowBands",
      value: 6_000_000,
      lowest: { from: 10_000_000, amount: 200_000 },
      next: { band: { from: 10_000_000, amount: 200_000 }, gap: 4_000_000, adds: 200_000 },
    });
    expect(miss?.whatIf).toEqual({ fact: "dataServiceRevenue", value: 10_000_000, adds: 200_000 });
  });

  it("matches from the lowest band's edge, with the band, its upper bound and the next band", () => {
    const [match] = at(10_000_000).matches;
    expect(match?.amount.max).toBe(200_000);
    expect(match?.trace).toMatchObject({
      kind: "dated",
      from: "2026-01-01",
      inner: {
        kind: "band",
        value: 10_000_000,
        band: { from: 10_000_000 },
        upper: { from: 50_000_000 },
        next: { gap: 40_000_000, adds: 300_000 },
        result: 200_000,
      },
    });
  });
});

describe("rules across benefits, as data", () => {
  const both = { district: "example", dataFirsts: ["balance_sheet", "transaction"] };
  const entry = { value: 3_000_000, serviceFees: 800_000 };
  const ref = (benefit: string) => ({ policy: "example", benefit });
  const quote = expect.stringContaining("就高");

  it("择一享受: the higher keeps its computation inside the group's, the other names it and both amounts", () => {
    const evaluation = evaluate(
      { ...both, balanceSheetEntry: entry, productTrade: { firstYearValue: 20_000_000 } },
      set,
      { asOf: "2026-06-30" },
    );
    const [kept] = evaluation.matches;
    expect(kept?.trace).toMatchObject({
      kind: "exclusiveKept",
      inner: { kind: "rate", result: 800_000 },
      others: [ref("balance-sheet-subsidy")],
      result: 800_000,
      quote,
    });
    expect(evaluation.excluded?.[0]?.reason).toEqual({
      code: "exclusiveLower",
      kept: ref("product-trade-award"),
      keptAmount: 800_000,
      amount: 240_000,
    });
  });

  it("择一享受 with an amount not known yet: both stay, each naming the other", () => {
    // Article 4 without its figure condition: a match whose amount waits for the first year's value.
    const open = exampleVariant([
      {
        path: ["articles", 3, "benefits", 0, "conditions", "of"],
        value: [{ kind: "includesAny", fact: "dataFirsts", values: ["transaction"] }],
      },
    ]);
    const evaluation = evaluate({ ...both, balanceSheetEntry: entry }, open, { asOf: "2026-06-30" });
    expect(evaluation.excluded).toBeUndefined();
    expect(evaluation.matches.map((m) => [m.benefit, m.amount.max, m.trace.kind])).toEqual([
      ["balance-sheet-subsidy", 240_000, "exclusiveOpen"],
      ["product-trade-award", null, "exclusiveOpen"],
    ]);
    expect(evaluation.matches[0]?.trace).toMatchObject({ others: [ref("product-trade-award")], quote });
  });

  it("the cap: the cut in the largest benefit's trace, or the reason when it takes it all", () => {
    const profile = {
      district: "example",
      dataEnterprise: true,
      operatingRevenue: 300_000_000,
      rdSpend: 30_000_000,
      dataFirsts: ["transaction"],
      productTrade: { firstYearValue: 100_000_000 },
      dataServiceRevenue: 100_000_000,
      foundedOn: "2025-01",
      equityFinancing: { first: true, amount: 30_000_000 },
    };
    const capQuote = expect.stringContaining("合计不超过500万元");
    const cut = evaluate(profile, set, { asOf: "2026-06-30" });
    // 3,000,000 + 2,000,000 + 1,000,000 + 1,000,000 = 7,000,000: 2,000,000 over, off article 1.
    expect(cut.matches.find((m) => m.benefit === "rd-support")?.trace).toMatchObject({
      kind: "capCut",
      inner: { kind: "rate", result: 3_000_000 },
      cap: 5_000_000,
      sum: 7_000_000,
      cut: 2_000_000,
      result: 1_000_000,
      quote: capQuote,
    });
    // Article 4 allowed 4,000,000: the 4,000,000 over takes all of it.
    const larger = exampleVariant([
      { path: ["articles", 3, "benefits", 0, "amount", "cap"], value: 4_000_000 },
    ]);
    const taken = evaluate(profile, larger, { asOf: "2026-06-30" });
    expect(taken.excluded?.map((o) => [o.benefit, o.reason])).toEqual([
      [
        "product-trade-award",
        { code: "capReached", cap: 5_000_000, sum: 9_000_000, cut: 4_000_000, quote: capQuote },
      ],
    ]);
    expect(taken.totals.max).toBe(5_000_000);
  });
});

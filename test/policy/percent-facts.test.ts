/** Percent and decimal facts, declared by a document of its own: in profiles, in conditions on
 * both sides of a bound, and in near-miss messages as percentages. */
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ProfileError } from "../../src/policy/errors.ts";
import { evaluate } from "../../src/policy/evaluate.ts";
import { defaultDataDir, loadPolicySet } from "../../src/policy/load.ts";
import { parseProfile } from "../../src/policy/profile.ts";
import type { Reason } from "../../src/policy/trace.ts";
import { reasonText, words } from "../../src/render/explain.ts";

const fixtureDir = new URL("../fixtures/third-district/", import.meta.url).pathname;
const dir = mkdtempSync(join(tmpdir(), "percent-facts-"));
const doc = JSON.parse(readFileSync(join(fixtureDir, "haidian.json"), "utf8"));
doc.facts.push(
  { path: "labelling.share", type: "percent", label: { zh: "标注收入占比", en: "Labelling share" } },
  {
    path: "labelling.score",
    type: "decimal",
    min: 0,
    max: 5,
    label: { zh: "质量评分", en: "Quality score" },
  },
);
doc.articles[0].benefits[0].conditions = {
  kind: "all",
  of: [
    { kind: "atLeast", fact: "labelling.share", value: 12.5 },
    { kind: "above", fact: "labelling.score", value: 3.5 },
    { kind: "atLeast", fact: "labelling.annualRevenue", value: 10_000_000 },
  ],
};
writeFileSync(join(dir, "haidian.json"), JSON.stringify(doc));
copyFileSync(join(fixtureDir, "haidian.zh.txt"), join(dir, "haidian.zh.txt"));
const set = loadPolicySet(defaultDataDir(), [dir]);
const at = (share: number, score = 4) =>
  evaluate(
    parseProfile(set.profileSchema, {
      district: "haidian",
      labelling: { annualRevenue: 20_000_000, share, score },
    }),
    set,
  );

const said = (reason: Reason | undefined) => (reason ? reasonText(reason, words(set, "zh")) : "");

describe("percent and decimal facts", () => {
  it("accept decimals in profiles and refuse a share over 100 or a score out of range, naming the field", () => {
    expect(() =>
      parseProfile(set.profileSchema, { district: "haidian", labelling: { share: 12.5 } }),
    ).not.toThrow();
    expect(() => parseProfile(set.profileSchema, { district: "haidian", labelling: { share: 120 } })).toThrow(
      ProfileError,
    );
    expect(() => parseProfile(set.profileSchema, { district: "haidian", labelling: { score: 6 } })).toThrow(
      /labelling\.score/,
    );
  });

  it("12.5% qualifies and 12.49% does not; the near miss speaks in percent", () => {
    expect(at(12.5).matches.map((m) => m.amount.max)).toEqual([1_000_000]);
    const miss = at(12.49).nearMisses[0];
    expect(said(miss?.reason)).toContain("12.49% 低于门槛 12.5%");
  });

  it("a strict bound on a decimal: 3.5 is not above 3.5, 3.51 is, and no what-if is guessed", () => {
    expect(at(20, 3.51).matches).toHaveLength(1);
    const miss = at(20, 3.5).nearMisses[0];
    expect(said(miss?.reason)).toContain("质量评分 3.5 未超过 3.5");
    expect(miss?.whatIf).toBeUndefined();
  });
});

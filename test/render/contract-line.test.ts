/** `triage --batch --json` writes its lines as bytes (render/contract-line.ts); they must be the
 * bytes of the contract object through JSON.stringify, for every kind of outcome and field. */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { variedProfiles } from "../../scripts/varied-profiles.ts";
import { evaluate } from "../../src/policy/evaluate.ts";
import { defaultDataDir, loadPolicySet, type PolicySet } from "../../src/policy/load.ts";
import { createOutcomeMemo } from "../../src/policy/memo.ts";
import { identityOf, parseProfile } from "../../src/policy/profile.ts";
import type { Lang } from "../../src/policy/schema.ts";
import { contractLineWriter } from "../../src/render/contract-line.ts";
import { toContractJson } from "../../src/render/report.ts";

const exampleDir = new URL("../fixtures/policies/", import.meta.url).pathname;
const real = loadPolicySet(defaultDataDir(), []);
const withExample = loadPolicySet(defaultDataDir(), [exampleDir]);

/** Names JSON must escape: quotes, backslashes, controls, an emoji and a lone surrogate half. */
const NAMES = ['数据 "甲" 公司', "back\\slash", "tab\there\nnewline\u0001", "emoji 📊", "lone \ud800 half"];

/** The Example District's hand-worked scenarios: 择一享受 exclusions and document caps among them. */
const scenarios: { asOf: string; profile: Record<string, unknown> }[] = JSON.parse(
  readFileSync(new URL("../policy/example-district.scenarios.json", import.meta.url), "utf8"),
);

function both(
  set: PolicySet,
  lang: Lang,
  asOf: string,
  count: number,
  extra: typeof scenarios = [],
  shared = false,
) {
  // As the batch evaluates: outcomes remembered across profiles, shared and frozen (policy/memo.ts).
  const memo = shared ? createOutcomeMemo({ lang, asOf, whatIf: true }) : undefined;
  const lines = [...variedProfiles(set, count).map((profile) => ({ asOf, profile })), ...extra];
  const profiles = lines.map(({ profile }, i) =>
    parseProfile(
      set.profileSchema,
      i % 7 === 0 ? { id: `E${i}`, name: NAMES[i % NAMES.length], ...profile } : profile,
    ),
  );
  const chunks: Buffer[] = [];
  const out = contractLineWriter(set, lang, (chunk) => chunks.push(Buffer.from(chunk)));
  let expected = "";
  for (const [i, p] of profiles.entries()) {
    const evaluation = evaluate(p, set, {
      lang,
      asOf: lines[i]?.asOf ?? asOf,
      whatIf: true,
      ...(memo && { memo }),
    });
    out.line(identityOf(p), evaluation, p.district);
    expected += `${JSON.stringify({ ...identityOf(p), ...toContractJson(evaluation, set, p.district, lang) })}\n`;
  }
  out.json({ line: 3, error: "not valid JSON" });
  out.end();
  expected += '{"line":3,"error":"not valid JSON"}\n';
  return { written: Buffer.concat(chunks).toString("utf8"), expected };
}

describe.each(["zh", "en"] as const)("the --json line writer (%s)", (lang) => {
  it("writes the contract object's JSON for varied profiles of the two documents", () => {
    const { written, expected } = both(real, lang, "2026-06-30", 1_500);
    expect(written.length).toBeGreaterThan(1_000_000);
    expect(written).toBe(expected);
  });

  it("writes the same JSON when the batch shares outcomes between profiles", () => {
    const { written, expected } = both(real, lang, "2026-06-30", 1_500, [], true);
    expect(written).toBe(expected);
  });

  it.each(["2025-01-01", "2026-06-30", "2029-12-31"])(
    "writes excluded benefits, adjustments and notices of the Example District as of %s",
    (asOf) => {
      const { written, expected } = both(withExample, lang, asOf, 600, scenarios);
      for (const field of ['"excluded":', '"adjustments":', '"whatIf":']) expect(written).toContain(field);
      expect(written).toBe(expected);
    },
  );
});

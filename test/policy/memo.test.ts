/** A batch remembers outcomes across its profiles (policy/memo.ts): every profile must still get
 * exactly the evaluation it gets alone, whatever documents, language and date. */
import { describe, expect, it } from "vitest";
import { variedProfiles } from "../../scripts/varied-profiles.ts";
import { evaluate } from "../../src/policy/evaluate.ts";
import { defaultDataDir, loadPolicySet, type PolicySet } from "../../src/policy/load.ts";
import { createOutcomeMemo } from "../../src/policy/memo.ts";
import { parseProfile } from "../../src/policy/profile.ts";
import type { Lang } from "../../src/policy/schema.ts";

const fixtures = (dir: string) => new URL(`../fixtures/${dir}/`, import.meta.url).pathname;
const real = loadPolicySet(defaultDataDir(), []);
const SETS: Record<string, PolicySet> = {
  "the two documents": real,
  "the Example District (rules across benefits, validity)": loadPolicySet(defaultDataDir(), [
    fixtures("policies"),
  ]),
  "the third district": loadPolicySet(defaultDataDir(), [fixtures("third-district")]),
};

function sameAlone(set: PolicySet, lang: Lang, asOf: string, count: number) {
  const profiles = variedProfiles(set, count).map((p) => parseProfile(set.profileSchema, p));
  const memo = createOutcomeMemo({ lang, asOf, whatIf: true });
  const batch = profiles.map((p) => JSON.stringify(evaluate(p, set, { lang, asOf, whatIf: true, memo })));
  const alone = profiles.map((p) => JSON.stringify(evaluate(p, set, { lang, asOf, whatIf: true })));
  return { batch, alone };
}

describe("outcomes remembered across a batch", () => {
  it.each([
    ["the two documents", "zh", "2026-06-30"],
    ["the two documents", "en", "2026-06-30"],
    ["the Example District (rules across benefits, validity)", "zh", "2025-01-01"],
    ["the Example District (rules across benefits, validity)", "en", "2026-06-30"],
    ["the Example District (rules across benefits, validity)", "zh", "2029-12-31"],
    ["the third district", "zh", "2026-06-30"],
  ] as const)("give each profile of %s (%s, as of %s) its own evaluation", (name, lang, asOf) => {
    const { batch, alone } = sameAlone(SETS[name] as PolicySet, lang, asOf, 3_000);
    for (let i = 0; i < alone.length; i++) expect(batch[i], `profile ${i}`).toBe(alone[i]);
  });

  it("are frozen, so no caller can change what another profile is told", () => {
    const memo = createOutcomeMemo({ lang: "zh", asOf: "2026-06-30", whatIf: true });
    const options = { lang: "zh", asOf: "2026-06-30", whatIf: true, memo } as const;
    const profile = parseProfile(real.profileSchema, { district: "shijingshan", dcmm: { level: 3 } });
    evaluate(profile, real, options);
    const again = evaluate(profile, real, options);
    const dcmm = again.matches.find((o) => o.benefit === "dcmm-certification");
    expect(dcmm?.amount.max).toBe(200_000);
    expect(Object.isFrozen(dcmm)).toBe(true);
    expect(() => {
      (dcmm as { status: string }).status = "near_miss";
    }).toThrow(TypeError);
  });

  it("serve only the options they were made for", () => {
    const memo = createOutcomeMemo({ lang: "zh", asOf: "2026-06-30", whatIf: true });
    const profile = parseProfile(real.profileSchema, { district: "tongzhou" });
    expect(() => evaluate(profile, real, { lang: "en", asOf: "2026-06-30", whatIf: true, memo })).toThrow(
      /one memo per set of options/,
    );
    expect(() => evaluate(profile, real, { lang: "zh", asOf: "2027-01-01", whatIf: true, memo })).toThrow(
      /one memo per set of options/,
    );
  });
});

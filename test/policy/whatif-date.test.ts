/**
 * What-if advice is worked out on the evaluation's own date (`--as-of`), like the rest of the
 * evaluation: a duration condition ("成立不满3年") that holds on that date holds for the advice too.
 */
import { describe, expect, it } from "vitest";
import { evaluate } from "../../src/policy/evaluate.ts";
import { defaultDataDir, loadPolicySet } from "../../src/policy/load.ts";
import { parseProfile } from "../../src/policy/profile.ts";

const exampleDir = new URL("../fixtures/policies/", import.meta.url).pathname;
const set = loadPolicySet(defaultDataDir(), [exampleDir]);
// Founded September 2023, first financing not yet stated: under 3 years old until September 2026.
const profile = parseProfile(set.profileSchema, {
  district: "example",
  dataEnterprise: true,
  foundedOn: "2023-09",
  equityFinancing: { amount: 10_000_000 },
});
const startUpAward = (asOf: string) =>
  evaluate(profile, set, { asOf, whatIf: true }).possible.find(
    (o) => o.benefit === "startup-financing-award",
  );

describe("what-if advice on the evaluation date", () => {
  it("offers the start-up award for a first financing while the firm is under 3 years old", () => {
    expect(startUpAward("2026-06-30")?.whatIf).toEqual({
      fact: "equityFinancing.first",
      value: true,
      adds: 500_000,
    });
  });

  it("offers nothing once the firm is 3 years old on that date", () => {
    expect(startUpAward("2026-10-01")).toBeUndefined();
  });
});

/**
 * English as people type it, from the never-tuned English set understand-fresh5.json (session
 * 25): "-odd" and spelled-out fractions of a million, indirect yes and no, "TBD", a typo'd
 * platform, and English sentences as sentences (a word in one does not describe a platform in
 * the next).
 */
import { describe, expect, it } from "vitest";
import { readAnswer, understandText } from "../../../src/dialog/understand/index.ts";
import { loadPolicySet } from "../../../src/policy/load.ts";

const set = loadPolicySet();
const read = (fact: string, text: string) => readAnswer(fact, text, set);

describe("English answers", () => {
  it.each([
    ["infrastructure.fixedAssetInvestment", "30-odd million", 30_000_000],
    ["techTransfer.projectInvestment", "two and a half million", 2_500_000],
    ["pledgeLoan.annualInterestPaid", "half a mil", 500_000],
    ["keyTechBreakthrough", "kind of - our federated learning gateway was an industry first", true],
    ["keyTechBreakthrough", "I'd say no", false],
    ["sandbox.exitCertificate", "got the exit cert in June", true],
    ["sandbox.exitCertificate", "still in testing", false],
    ["serviceWindowOperator", "we're the operator", true],
  ])("%s: %j → %j", (fact, text, want) => {
    expect(read(fact, text)).toEqual({ kind: "value", value: want });
  });

  it("'TBD, still waiting on the supplier invoices' is not known", () => {
    expect(read("guaranteedFinancing.eligibleCosts", "TBD, still waiting on the supplier invoices")).toEqual({
      kind: "unknown",
    });
  });

  it("a typo'd incubator is an incubator", () => {
    expect(read("platforms", "national incubater, first recognised last year")).toEqual({
      kind: "value",
      value: [{ kind: "incubator", level: "national", newlyRecognized: true }],
    });
  });
});

describe("English descriptions", () => {
  it("a word of one sentence ('new campus') says nothing of a platform in the next", () => {
    const { profile } = understandText(
      "We are a university in Tongzhou (new campus). we run an innovation consortium with local firms, recognized at Beijing municipal level.",
      set,
    );
    expect(profile.platforms).toEqual([{ kind: "innovation_platform", level: "municipal" }]);
  });

  it("money invested in a subsidiary is no infrastructure's fixed-asset investment", () => {
    expect(
      understandText(
        "Tongzhou. Our parent group also set up a data-tech subsidiary here with 100m invested.",
        set,
      ).profile,
    ).not.toHaveProperty("infrastructure");
  });

  it("'the city gave us 400k for that' is the municipal award for the data firsts", () => {
    expect(
      understandText(
        "shijingshan company here. we did 首登记 on the Beijing data exchange last year, the city gave us 400k for that.",
        set,
      ).profile.municipalFirstsAward,
    ).toBe(400_000);
  });
});

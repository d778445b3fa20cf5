import { describe, expect, it } from "vitest";
import { resultReply } from "../../src/dialog/result.ts";
import { evaluate } from "../../src/policy/evaluate.ts";
import { loadPolicySet } from "../../src/policy/load.ts";
import type { Profile } from "../../src/policy/profile.ts";

const set = loadPolicySet();

/** A Tongzhou enterprise that qualifies for nearly everything, so the result is as long as it gets. */
const everything: Profile = {
  district: "tongzhou",
  entityType: "enterprise",
  dataBusinessUnit: true,
  infrastructure: { inOperation: true, fixedAssetInvestment: 30_000_000, supportYearsReceived: 0 },
  trustedDataSpacePilot: true,
  platforms: [
    { kind: "key_lab", level: "national", newlyRecognized: true },
    { kind: "innovation_platform", level: "national", upgradedFromMunicipal: true },
  ],
  keyTechBreakthrough: true,
  datasets: { nationalCaseOrPilot: true, standardPilotTypicalUnit: true },
  publicDataOperation: "ministry",
  sandbox: { firstEntry: true, exitCertificate: true, smeVoucherAmount: 150_000 },
  dataFirsts: ["registration", "balance_sheet", "transaction", "opening"],
  dataProductPurchases: 3_000_000,
  firstCrossBorderTransfer: true,
  challengeWinner: true,
  competitionAwards: ["national", "municipal"],
  pledgeLoan: { annualInterestPaid: 1_000_000 },
  equityContribution: true,
  parkOperator: true,
  ecosystemOrganizer: true,
};

describe("result reply", () => {
  for (const lang of ["zh", "en"] as const) {
    it(`keeps every section within what Slack (3,000) and Telegram (4,096) take in one piece (${lang})`, () => {
      const evaluation = evaluate(everything, set, { lang });
      const reply = resultReply([{ policy: "tongzhou", evaluation }], set, lang, {
        early: false,
        compare: false,
      });
      expect(reply.sections.length).toBeGreaterThan(5);
      for (const section of reply.sections) {
        expect(section.heading.length + section.body.length).toBeLessThanOrEqual(3_000);
        expect(section.detail?.length ?? 0).toBeLessThanOrEqual(3_000);
      }
    });
  }

  it("gives each benefit of an article a section under the article's heading, its quote verbatim in the detail", () => {
    const evaluation = evaluate(everything, set, { lang: "zh" });
    const reply = resultReply([{ policy: "tongzhou", evaluation }], set, "zh", {
      early: false,
      compare: false,
    });
    const article6 = reply.sections.filter((s) => s.heading.includes("第六条"));
    expect(article6).toHaveLength(5);
    expect(new Set(article6.map((s) => s.heading)).size).toBe(1);
    // The quotes are folded away on chat apps: in the detail, never in the body.
    expect(article6.map((s) => s.body).join("\n")).not.toContain("原文");
    const body = article6.map((s) => `${s.body}\n${s.detail}`).join("\n\n");
    const source = set.sources.get("tongzhou")?.replace(/\s+/g, "") ?? "";
    const quotes = [...body.matchAll(/原文：“([^”]+)”/g)].map((m) => m[1] ?? "");
    // Tongzhou article 6 grants five benefits: sandbox entry, exit matching, data firsts, voucher, cross-border.
    expect(quotes).toHaveLength(5);
    for (const quote of quotes) expect(source).toContain(quote.replace(/\s+/g, ""));
    // Exit matching: the SME voucher 150,000 matched 1:1, under the 200,000 cap.
    expect(body).toContain("150,000 元");
  });

  it("says the Tongzhou text is a draft and names the authorities that decide the amounts", () => {
    const evaluation = evaluate({ district: "tongzhou", keyTechBreakthrough: true }, set, { lang: "en" });
    const reply = resultReply([{ policy: "tongzhou", evaluation }], set, "en", {
      early: true,
      compare: false,
    });
    const all = reply.sections.map((s) => `${s.heading}\n${s.body}`).join("\n");
    expect(all).toContain("draft for comments");
    expect(all).toContain("Tongzhou District Bureau of Economy and Information Technology");
    expect(reply.title).toContain("so far");
  });
});

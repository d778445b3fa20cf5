/** The policy data itself: complete, verbatim, and validated at load with useful errors. */
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { PolicyDataError } from "../../src/policy/errors.ts";
import { defaultDataDir, loadPolicySet, squashSpace } from "../../src/policy/load.ts";

const set = loadPolicySet();
const shared = (name: string) =>
  readFileSync(new URL(`../../../shared/policies/${name}`, import.meta.url), "utf8");

describe("the two documents as data", () => {
  it("keeps verbatim copies of the published texts", () => {
    for (const id of ["tongzhou", "shijingshan"]) {
      expect(squashSpace(set.sources.get(id) ?? "")).toBe(squashSpace(shared(`${id}.zh.txt`)));
    }
  });

  it("covers every article: Tongzhou 1-10 and Shijingshan items 1-13, each with its text outside them (0)", () => {
    const numbers = (id: string) => set.documents.find((d) => d.id === id)?.articles.map((a) => a.number);
    expect(numbers("tongzhou")).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 0]);
    expect(numbers("shijingshan")).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 0]);
  });

  it("quotes every benefit verbatim from the source text", () => {
    for (const document of set.documents) {
      const source = squashSpace(set.sources.get(document.id) ?? "");
      for (const benefit of document.articles.flatMap((a) => a.benefits)) {
        expect(source, benefit.id).toContain(squashSpace(benefit.quote));
      }
    }
  });

  it("marks the articles without money as non-monetary or informational", () => {
    const article = (id: string, n: number) =>
      set.documents.find((d) => d.id === id)?.articles.find((a) => a.number === n);
    for (const [id, n] of [
      ["tongzhou", 1],
      ["shijingshan", 2],
      ["shijingshan", 12],
      ["shijingshan", 13],
    ] as const) {
      const a = article(id, n);
      expect(
        a?.kind === "informational" || a?.benefits.every((b) => b.amount.kind === "none"),
        `${id} ${n}`,
      ).toBe(true);
    }
  });

  it("gives Tongzhou article 6 its five distinct benefits", () => {
    const six = set.documents.find((d) => d.id === "tongzhou")?.articles.find((a) => a.number === 6);
    expect(six?.benefits).toHaveLength(5);
  });

  it("states the documents' status: Tongzhou a draft, Shijingshan in force", () => {
    expect(set.documents.find((d) => d.id === "tongzhou")?.status).toBe("draft");
    expect(set.documents.find((d) => d.id === "shijingshan")?.status).toBe("in_force");
  });
});

describe("a broken data file fails at start-up naming file, clause and field", () => {
  // biome-ignore lint/suspicious/noExplicitAny: tests poke at raw JSON on purpose
  function brokenCopy(edit: (doc: any) => void): string {
    const dir = mkdtempSync(join(tmpdir(), "policy-data-"));
    cpSync(defaultDataDir(), dir, { recursive: true });
    const file = join(dir, "policies", "shijingshan.json");
    const doc = JSON.parse(readFileSync(file, "utf8"));
    edit(doc);
    writeFileSync(file, JSON.stringify(doc));
    return dir;
  }

  it("a negative cap", () => {
    const dir = brokenCopy((doc) => {
      doc.articles[4].benefits[0].amount.tiers[2].amount = -1;
    });
    expect(() => loadPolicySet(dir)).toThrow(PolicyDataError);
    expect(() => loadPolicySet(dir)).toThrow(
      /shijingshan\.json: article 5\.benefit dcmm-certification\.amount\.tiers\.2\.amount: Too small/,
    );
  });

  it("a quote that is not in the source", () => {
    const dir = brokenCopy((doc) => {
      doc.articles[2].benefits[0].quote = "给予每家企业一千万元无条件奖励";
    });
    expect(() => loadPolicySet(dir)).toThrow(
      /article 3\.benefit guarantee-fee-subsidy\.quote: is not verbatim/,
    );
  });

  it("a condition on a fact no file declares", () => {
    const dir = brokenCopy((doc) => {
      doc.articles[11].benefits[0].conditions = { kind: "flag", fact: "seeksTalentSuport" };
    });
    expect(() => loadPolicySet(dir)).toThrow(/names the fact "seeksTalentSuport"/);
  });
});

describe("a third district is data only", () => {
  const fixture = new URL("../fixtures/third-district/haidian.json", import.meta.url).pathname;
  const withHaidian = loadPolicySet(defaultDataDir(), [fixture]);

  it("accepts the new district and its new fact in profiles", () => {
    const profile = withHaidian.profileSchema.parse({
      district: "haidian",
      labelling: { annualRevenue: 80_000_000 },
    });
    expect(profile.district).toBe("haidian");
  });

  it("evaluates the new clause with no code change", async () => {
    const { evaluate } = await import("../../src/policy/evaluate.ts");
    const at = (revenue: number) =>
      evaluate({ district: "haidian", labelling: { annualRevenue: revenue } }, withHaidian);
    expect(at(20_000_000).matches.map((m) => m.amount.max)).toEqual([1_000_000]); // 5% of 20,000,000
    expect(at(80_000_000).matches.map((m) => m.amount.max)).toEqual([3_000_000]); // capped
    expect(at(9_000_000).nearMisses.map((m) => m.benefit)).toEqual(["labelling-revenue-award"]);
  });
});

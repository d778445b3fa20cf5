/** A malformed new kind stops loading with a message naming file, article, benefit and field,
 * and showing how the kind is written. */
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { defaultDataDir, loadPolicySet } from "../../src/policy/load.ts";

const fixtureDir = new URL("../fixtures/third-district/", import.meta.url).pathname;

// biome-ignore lint/suspicious/noExplicitAny: tests poke at raw JSON on purpose
function brokenDocument(edit: (doc: any) => void): string {
  const dir = mkdtempSync(join(tmpdir(), "policy-kinds-"));
  const doc = JSON.parse(readFileSync(join(fixtureDir, "haidian.json"), "utf8"));
  edit(doc);
  writeFileSync(join(dir, "haidian.json"), JSON.stringify(doc));
  copyFileSync(join(fixtureDir, "haidian.zh.txt"), join(dir, "haidian.zh.txt"));
  return join(dir, "haidian.json");
}

const load = (file: string) => () => loadPolicySet(defaultDataDir(), [file]);
const benefit = "article 1.benefit labelling-revenue-award";

describe("errors in the new kinds", () => {
  it("a ratio condition without its whole", () => {
    const file = brokenDocument((doc) => {
      doc.articles[0].benefits[0].conditions = {
        kind: "ratio",
        part: "labelling.annualRevenue",
        bound: "atLeast",
        percent: 5,
      };
    });
    expect(load(file)).toThrow(`haidian.json: ${benefit}.conditions.whole:`);
    expect(load(file)).toThrow(/a "ratio" is written \{"kind": "ratio", "part": "PATH", "whole": "PATH"/);
    expect(load(file)).toThrow(/Fix the data file/);
  });

  it("an age condition with a duration of nothing", () => {
    const file = brokenDocument((doc) => {
      doc.articles[0].benefits[0].conditions = {
        kind: "age",
        fact: "labelling.annualRevenue",
        bound: "below",
        duration: {},
      };
    });
    expect(load(file)).toThrow(/conditions\.duration: give years or months.*a "age" is written/);
  });

  it("a band with a negative amount", () => {
    const file = brokenDocument((doc) => {
      doc.articles[0].benefits[0].amount = {
        kind: "bands",
        figure: { kind: "fact", fact: "labelling.annualRevenue" },
        bands: [{ from: 10_000_000, amount: -1 }],
      };
    });
    expect(load(file)).toThrow(
      new RegExp(`${benefit}.amount.bands.0.amount: Too small.*a "bands" is written`),
    );
  });

  it("a dated value whose start is not a date, and one whose reference is not the article's", () => {
    const dated = (from: string, reference: string) => ({
      kind: "dated",
      values: [{ from, reference, rule: { kind: "upTo", cap: 3_000_000 } }],
    });
    const badDate = brokenDocument((doc) => {
      doc.articles[0].benefits[0].amount = dated("2027", "最高300万元");
    });
    expect(load(badDate)).toThrow(/amount\.values\.0\.from: a date as YYYY-MM-DD.*a "dated" is written/);
    const badQuote = brokenDocument((doc) => {
      doc.articles[0].benefits[0].amount = dated("2027-01-01", "2027年度起下调20%");
    });
    expect(load(badQuote)).toThrow(
      `${benefit}.amount.values.0.reference: is not verbatim from the article's text`,
    );
  });

  it("a document rule naming a benefit the document does not have", () => {
    const file = brokenDocument((doc) => {
      doc.rules = [
        {
          kind: "cap",
          amount: 1,
          benefits: ["no-such-benefit"],
          quote: "按营业收入的5%给予奖励，最高300万元",
        },
      ];
    });
    expect(load(file)).toThrow(/rules\.0 \(cap\)\.benefits: names the benefit "no-such-benefit"/);
  });
});

/** `advisor triage` as staff and other programs use it (CONTRACT.md section 1). */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { main } from "../../src/cli/main.ts";
import { runCommand } from "../support/cli-io.ts";

const dir = mkdtempSync(join(tmpdir(), "triage-"));
const file = (name: string, text: string) => {
  writeFileSync(join(dir, name), text);
  return join(dir, name);
};
const triage = (...args: string[]) => runCommand((a, io) => main(["triage", ...a], io), args);

describe("triage --profile", () => {
  it("prints the contract's JSON with the worked amount", async () => {
    const profile = file(
      "e.json",
      JSON.stringify({
        district: "tongzhou",
        infrastructure: { inOperation: true, fixedAssetInvestment: 30_000_000 },
      }),
    );
    const run = await triage("--profile", profile, "--json");
    expect(run.code).toBe(0);
    const out = JSON.parse(run.stdout);
    expect(out.matches[0]).toMatchObject({
      policy: "tongzhou",
      article: 2,
      amount: { max: 6_000_000, period: "multi_year" },
    });
    expect(out.matches[0].amount.explanation).toContain("30,000,000 × 20% = 6,000,000");
    expect(out.totals.max).toBe(6_000_000);
  });

  it("prints a readable Chinese report, or English with --lang en", async () => {
    const profile = file("d.json", JSON.stringify({ district: "shijingshan", dcmm: { level: 3 } }));
    const zh = await triage("--profile", profile);
    expect(zh.stdout).toContain("符合条件的支持：1 项");
    expect(zh.stdout).toContain("200,000 元");
    const en = await triage("--profile", profile, "--lang", "en");
    expect(en.stdout).toContain("Benefits you qualify for: 1");
  });

  it.each([
    ['{"district":"chaoyang"}', "district"],
    [
      '{"district":"tongzhou","infrastructure":{"fixedAssetInvestment":-5}}',
      "infrastructure.fixedAssetInvestment",
    ],
    ['{"district":"tongzhou","dcmmLevel":3}', "dcmmLevel"],
    ['{"district":"shijingshan","dcmm":{"level":7}}', "dcmm.level"],
    ['{"keyTechBreakthrough":true}', "district"],
    ["not json", "JSON"],
  ])("refuses %s with exit 2, one line naming %s, nothing on stdout", async (raw, named) => {
    const run = await triage("--profile", file("bad.json", raw), "--json");
    expect(run.code).toBe(2);
    expect(run.stdout).toBe("");
    expect(run.stderr.trim().split("\n")).toHaveLength(1);
    expect(run.stderr).toContain(named);
    expect(run.stderr).not.toMatch(/\n\s+at /);
  });

  it("refuses an unreadable file and unknown flags with exit 2", async () => {
    expect((await triage("--profile", join(dir, "missing.json"))).code).toBe(2);
    expect(await triage("--profile", file("ok.json", '{"district":"other"}'), "--colour")).toMatchObject({
      code: 2,
    });
    expect((await triage("--profile", file("ok2.json", '{"district":"other"}'), "--lang", "fr")).code).toBe(
      2,
    );
  });
});

describe("triage --batch", () => {
  it("prints one line per profile in input order, reports bad lines inline and loses nothing", async () => {
    const batch = file(
      "b.jsonl",
      [
        JSON.stringify({ district: "shijingshan", dcmm: { level: 2 } }),
        "",
        "{broken",
        JSON.stringify({ district: "tongzhou", pledgeLoan: { annualInterestPaid: 1_000_000 } }),
        JSON.stringify({ district: "mars" }),
        JSON.stringify({ district: "other" }),
      ].join("\n"),
    );
    const run = await triage("--batch", batch, "--json");
    expect(run.code).toBe(0);
    const lines = run.stdout
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l));
    expect(lines).toHaveLength(5);
    expect(lines[0].totals.max).toBe(150_000);
    expect(lines[1]).toMatchObject({ line: 3 });
    expect(lines[2].totals.max).toBe(500_000);
    expect(lines[3]).toMatchObject({ line: 5 });
    expect(lines[3].error).toContain("district");
    expect(lines[4].matches).toEqual([]);
  });
});

describe("triage --compare", () => {
  it("shows what each district would offer for the same facts", async () => {
    const profile = file(
      "c.json",
      JSON.stringify({ district: "other", dataFirsts: ["registration"], municipalFirstsAward: 600_000 }),
    );
    const run = await triage("--profile", profile, "--compare", "--json");
    const out = JSON.parse(run.stdout);
    const total = (id: string) => out.compare.find((d: { policy: string }) => d.policy === id).totals.max;
    expect(total("tongzhou")).toBe(1_000_000); // one award for data firsts, up to 1,000,000
    expect(total("shijingshan")).toBe(300_000); // 1:0.5 of the municipal award
  });

  it.each([
    ["zh", "合计（最高）"],
    ["en", "Total (at most)"],
  ])("prints one table in the readable report (%s), totals last", async (lang, totalLabel) => {
    const profile = file(
      "t.json",
      JSON.stringify({ district: "other", municipalFirstsAward: 600_000, dataFirsts: ["registration"] }),
    );
    const run = await triage("--profile", profile, "--compare", "--lang", lang);
    expect(run.code).toBe(0);
    const lines = run.stdout.split("\n");
    const totals = lines.filter((l) => l.startsWith(totalLabel));
    expect(totals).toHaveLength(1);
    expect(
      totals[0]
        ?.trim()
        .split(/\s{2,}/)
        .slice(1),
    ).toEqual(["1,000,000", "300,000"]);
    expect(lines.filter((l) => l.startsWith("=="))).toEqual([]);
  });
});

/** `triage --compare` as one table: a row per benefit, a column per district, totals at the bottom. */
import { describe, expect, it } from "vitest";
import { compareDistricts } from "../../src/policy/evaluate.ts";
import { defaultDataDir, loadPolicySet } from "../../src/policy/load.ts";
import { parseProfile } from "../../src/policy/profile.ts";
import type { Lang } from "../../src/policy/schema.ts";
import { compareOverview, renderCompareTable, width } from "../../src/render/compare.ts";

const exampleDir = new URL("../fixtures/policies/", import.meta.url).pathname;
const real = loadPolicySet(defaultDataDir(), []);
const withExample = { ...loadPolicySet(defaultDataDir(), [exampleDir]), asOf: "2026-06-30" };

// 30,000,000 of fixed assets at 20% is 6,000,000 for the infrastructure clause; DCMM level 3
// already funded is a near miss; a municipal firsts award of 600,000 is matched 1:0.5 where that applies.
const facts = {
  district: "other",
  infrastructure: { inOperation: true, fixedAssetInvestment: 30_000_000 },
  dcmm: { level: 3, previousAwardedLevel: 3 },
  dataFirsts: ["registration"],
  municipalFirstsAward: 600_000,
};

function tableOf(set: typeof real, lang: Lang) {
  const districts = compareDistricts(parseProfile(set.profileSchema, facts), set, { lang, whatIf: true });
  const text = renderCompareTable(districts, set, lang);
  const lines = text.split("\n");
  const rules = lines.flatMap((l, i) => (/^-+( +-+)+$/.test(l) ? [i] : []));
  const [top = 0, bottom = 0] = rules;
  return {
    districts,
    text,
    lines,
    header: lines[top - 1] ?? "",
    body: lines.slice(top + 1, bottom),
    foot: lines.slice(bottom + 1, bottom + 3),
  };
}

describe.each(["zh", "en"] as const)("the compare table (%s)", (lang) => {
  it("has one header naming every district and one totals row at the bottom", () => {
    const { districts, lines, header, foot } = tableOf(real, lang);
    for (const d of districts) expect(header).toContain(d.district);
    // One table: a rule under the header and one above the totals, nothing printed per district.
    expect(lines.filter((l) => /^-+( +-+)+$/.test(l))).toHaveLength(2);
    const totals = foot.at(-1) ?? "";
    expect(
      totals
        .trim()
        .split(/\s{2,}/)
        .slice(1),
    ).toEqual(districts.map((d) => d.totals.max.toLocaleString("en-US")));
  });

  it("puts each benefit's figure in its own district's column only", () => {
    const { districts, body } = tableOf(real, lang);
    const infra = body.find((l) => l.includes("6,000,000"));
    expect(infra).toBeDefined();
    const cells = (infra ?? "").trim().split(/\s{2,}/);
    expect(cells.slice(1)).toEqual(["6,000,000", "—"]);
    expect(districts[0]?.matches.map((m) => m.amount.max)).toContain(6_000_000);
    // The near miss says what the next DCMM level would add.
    expect(body.some((l) => l.includes(lang === "zh" ? "差一点" : "nearly") && l.includes("50,000"))).toBe(
      true,
    );
  });

  it("lines up its columns (Chinese characters take two cells)", () => {
    const { header, body, foot } = tableOf(real, lang);
    const widths = new Set([header, ...body, ...foot].map(width));
    expect([...widths]).toHaveLength(1);
  });

  it("takes a third document as one more column", () => {
    const { districts, header, body } = tableOf(withExample, lang);
    expect(districts).toHaveLength(3);
    expect(header).toContain(withExample.documents.find((d) => d.id === "example")?.district[lang]);
    for (const row of body) expect(row.trim().split(/\s{2,}/)).toHaveLength(4);
  });
});

describe.each(["zh", "en"] as const)("the chat's compare overview (%s)", (lang) => {
  function overviewOf(set: typeof real) {
    const districts = compareDistricts(parseProfile(set.profileSchema, facts), set, { lang, whatIf: true });
    const [rows, totals, ...rest] = compareOverview(districts, set, lang);
    return { districts, rows: rows?.blocks ?? [], totals: totals?.blocks ?? [], rest };
  }
  /** "Tongzhou: CNY 6,000,000; Shijingshan: no such clause" → the districts' names, in order. */
  const named = (line: string, districts: { district: string }[]) =>
    districts
      .filter((d) => line.includes(`${d.district}${lang === "zh" ? "：" : ": "}`))
      .map((d) => d.district);

  it("gives a line per benefit naming every district, and nothing else after the totals", () => {
    const { districts, rows, totals, rest } = overviewOf(real);
    expect(rest).toEqual([]);
    const outcomes = districts.flatMap((d) => [
      ...d.matches,
      ...(d.excluded ?? []),
      ...d.nearMisses,
      ...d.possible,
    ]);
    expect(rows).toHaveLength(outcomes.length);
    for (const row of [...rows, ...totals])
      expect(named(row, districts)).toEqual(districts.map((d) => d.district));
    const infra = rows.find((r) => r.includes(lang === "zh" ? "6,000,000 元" : "CNY 6,000,000"));
    expect(infra?.indexOf(districts[0]?.district ?? "?")).toBeLessThan(
      infra?.indexOf(districts[1]?.district ?? "?") ?? 0,
    );
    expect(
      rows.some((r) => r.includes(lang === "zh" ? "差一点（可得 50,000 元）" : "nearly (CNY 50,000)")),
    ).toBe(true);
  });

  it("ends with the matched count and each district's total", () => {
    const { districts, totals } = overviewOf(real);
    const [count = "", total = ""] = totals;
    for (const d of districts) {
      expect(count).toContain(`${d.district}${lang === "zh" ? "：" : ": "}${d.matches.length}`);
      expect(total).toContain(d.totals.max.toLocaleString("en-US"));
    }
  });

  it("takes a third document as one more district on every line", () => {
    const { districts, rows } = overviewOf(withExample);
    expect(districts).toHaveLength(3);
    for (const row of rows) expect(named(row, districts)).toHaveLength(3);
  });
});

import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { createAnalyzer } from "../../src/faq/analyzer.ts";
import { loadSynonyms } from "../../src/faq/synonyms.ts";
import { PolicyDataError } from "../../src/policy/errors.ts";

const write = (content: string) => {
  const file = join(mkdtempSync(join(tmpdir(), "synonyms-")), "synonyms.json");
  writeFileSync(file, content);
  return file;
};

describe("the shipped synonym list", () => {
  const analyze = createAnalyzer(loadSynonyms());
  const meet = (a: string, b: string) => analyze(a).some((t) => t.startsWith("=") && analyze(b).includes(t));

  it("joins the colloquial, formal and English names of the policy topics", () => {
    expect(meet("入表", "balance sheet")).toBe(true);
    expect(meet("计入财务报表", "入表")).toBe(true);
    expect(meet("传到境外", "cross-border")).toBe(true);
    expect(meet("出境", "overseas")).toBe(true);
    expect(meet("拿数据去银行贷款", "质押")).toBe(true);
    expect(meet("pledge", "质押")).toBe(true);
    expect(meet("贴息", "interest subsidy")).toBe(true);
    expect(meet("DCMM", "数据管理能力成熟度")).toBe(true);
    expect(meet("孵化器", "incubator")).toBe(true);
    expect(meet("算力", "computing power")).toBe(true);
  });

  it("keeps unrelated topics apart", () => {
    expect(meet("孵化器", "质押")).toBe(false);
    expect(meet("DCMM", "cross-border")).toBe(false);
  });
});

describe("loading a synonym file", () => {
  it("rejects a file that is not JSON, naming the file", () => {
    const file = write("{ groups: ");
    expect(() => loadSynonyms(file)).toThrow(PolicyDataError);
    expect(() => loadSynonyms(file)).toThrow(file);
  });

  it("rejects a group without terms, naming the place", () => {
    const file = write(JSON.stringify({ groups: [{ id: "pledge", terms: [] }] }));
    expect(() => loadSynonyms(file)).toThrow(/groups\.0\.terms/);
  });

  it("rejects a group id used twice", () => {
    const file = write(
      JSON.stringify({
        groups: [
          { id: "a", terms: ["x"] },
          { id: "a", terms: ["y"] },
        ],
      }),
    );
    expect(() => loadSynonyms(file)).toThrow(/used twice/);
  });
});

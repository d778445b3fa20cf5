import { describe, expect, it } from "vitest";
import { createAnalyzer, languageOf, stem } from "../../src/faq/analyzer.ts";
import { synonyms } from "./fixtures.ts";

const analyze = createAnalyzer(synonyms);
const shared = (a: string, b: string) => analyze(a).filter((term) => analyze(b).includes(term));

describe("Chinese segmentation", () => {
  it("finds a policy word the word segmenter splits, through character bigrams", () => {
    // ICU segments 质押 as 质/押 and 贴息 as 贴/息; the question must still meet the clause.
    const terms = shared("有贴息吗", "按实际支付利息的50%给予贴息");
    expect(terms.length).toBeGreaterThan(0);
    expect(shared("质押", "数据资产质押融资").length).toBeGreaterThan(0);
  });

  it("drops question words that carry no topic", () => {
    expect(analyze("什么？多少？可以吗？我们公司")).toEqual([]);
  });

  it("keeps words of different topics apart", () => {
    expect(shared("实验室", "担保费")).toEqual([]);
  });
});

describe("English stemming", () => {
  it("lets inflected forms meet", () => {
    expect(shared("subsidies for laboratories", "subsidy for a laboratory")).toEqual(
      expect.arrayContaining([stem("subsidy"), stem("laboratory")]),
    );
    expect(shared("pledged", "pledge").length).toBeGreaterThan(0);
    expect(shared("Tongzhou's incubators", "incubator in tongzhou").length).toBe(2);
  });

  it("lets British and American spellings meet", () => {
    expect(analyze("recognised centres")).toEqual(analyze("recognized centers"));
    expect(analyze("authorisation programme licence")).toEqual(analyze("authorization program license"));
    expect(analyze("commercialisation")).toEqual(analyze("commercialization"));
    expect(analyze("analysed")).toEqual(analyze("analyzed"));
  });

  it("ignores English stop words and case", () => {
    expect(analyze("What is the")).toEqual([]);
    expect(analyze("DATA")).toEqual(analyze("data"));
  });

  it("folds full-width letters and digits", () => {
    expect(analyze("ＤＣＭＭ ３级")).toEqual(analyze("dcmm 3级"));
  });
});

describe("synonyms", () => {
  it("joins a colloquial Chinese phrase, the formal term and English in one concept", () => {
    const colloquial = analyze("能拿数据去银行贷款吗");
    expect(shared("能拿数据去银行贷款吗", "数据资产质押").length).toBeGreaterThan(0);
    expect(colloquial.filter((t) => analyze("pledge").includes(t)).length).toBe(1);
    expect(shared("chief data officer", "首席数据官").length).toBe(1);
  });

  it("matches English terms as whole words only", () => {
    // "collaboratory" contains "lab" but is not the word lab.
    expect(shared("collaboratory", "lab")).toEqual([]);
  });

  it("adds no concept without synonyms", () => {
    const bare = createAnalyzer([]);
    expect(bare("pledge").filter((t) => bare("质押").includes(t))).toEqual([]);
  });
});

describe("languageOf", () => {
  it("calls a question with any Chinese character Chinese", () => {
    expect(languageOf("DCMM 认证")).toBe("zh");
    expect(languageOf("DCMM award")).toBe("en");
  });
});

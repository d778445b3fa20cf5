/**
 * A figure said only as an upper bound ("不到一百万", "less than 2 million") is no value of the
 * fact: reading it as the bound itself would meet a threshold the true figure misses. The answer
 * is unread (the dialog asks for an approximate figure); a description leaves the fact out.
 * A lower bound ("超过一个亿", "3000多万") stays the figure, as CONTRACT.md section 7 reads it.
 */
import { describe, expect, it } from "vitest";
import { readAnswer, understandText } from "../../../src/dialog/understand/index.ts";
import { loadPolicySet } from "../../../src/policy/load.ts";

const set = loadPolicySet();
const INVESTMENT = "infrastructure.fixedAssetInvestment";

describe("an upper bound alone is not a figure", () => {
  it.each([
    "不到一百万",
    "不到500万吧",
    "还不到一个亿",
    "少于50万",
    "低于两千万",
    "不足300万",
    "100万以下",
    "200万以内",
    "最多80万",
    "顶多一百来万",
    "less than 2 million",
    "under 500k",
    "below 3m",
    "at most 1.5 million",
  ])("%j to an amount question is unread", (text) => {
    expect(readAnswer(INVESTMENT, text, set)).toMatchObject({ kind: "unread", reason: "upper_bound" });
  });

  it.each([
    ["超过一个亿", 100_000_000],
    ["3000多万", 30_000_000],
    ["一百万左右", 1_000_000],
    ["more than 2 million", 2_000_000],
    ["不到一百万，大概八十万", 800_000],
  ])("%j is still read as %d", (text, yuan) => {
    expect(readAnswer(INVESTMENT, text, set)).toEqual({ kind: "value", value: yuan });
  });

  it("a count said as 'fewer than' is unread", () => {
    expect(readAnswer("datasets.recognizedTrainingDatasets", "不到3个", set)).toMatchObject({
      kind: "unread",
    });
  });

  it("a description leaves out a figure said only as an upper bound, keeping the rest", () => {
    const { profile } = understandText("我们在石景山，担保费20万，贷款不到500万", set);
    expect(profile).toEqual({ district: "shijingshan", guaranteedFinancing: { guaranteeFee: 200_000 } });
  });
});

/**
 * Answers as people type them that a never-tuned set (understand-fresh3.json, session 25) found
 * misread: "not a cent" in words, a foreign currency named before the figure, English numbers
 * past twelve, "all of them" and "neither" to a several-answers question, a place named for
 * whose public data it is.
 */
import { describe, expect, it } from "vitest";
import { readAnswer } from "../../../src/dialog/understand/index.ts";
import { loadPolicySet } from "../../../src/policy/load.ts";

const set = loadPolicySet();

describe("everyday answers", () => {
  it.each([
    ["appInnovationAwardsReceived", "一分钱都还没拿到", 0],
    ["appInnovationAwardsReceived", "一分钱也没领过", 0],
    ["appInnovationAwardsReceived", "not a cent", 0],
    ["guaranteedFinancing.loanAmount", "fifteen million", 15_000_000],
    ["guaranteedFinancing.loanAmount", "twenty-five million", 25_000_000],
    ["guaranteedFinancing.loanAmount", "about thirty two million yuan", 32_000_000],
    ["publicDataOperation", "拿到了市里的公共数据授权运营", "municipal"],
  ])("%s: %j → %j", (fact, text, value) => {
    expect(readAnswer(fact, text, set)).toEqual({ kind: "value", value });
  });

  it("'all four of them' ticks every option, 'neither' none", () => {
    expect(readAnswer("dataFirsts", "all four of them", set)).toEqual({
      kind: "value",
      value: ["registration", "balance_sheet", "transaction", "opening"],
    });
    expect(readAnswer("typicalCases", "neither", set)).toEqual({ kind: "value", value: [] });
  });

  it.each([
    ["municipalFirstsAward", "港币100万", "not_yuan"],
    ["dataProductPurchases", "最多也就五十万", "upper_bound"],
  ])("%s: %j is unread (%s)", (fact, text, reason) => {
    expect(readAnswer(fact, text, set)).toEqual({ kind: "unread", reason });
  });
});

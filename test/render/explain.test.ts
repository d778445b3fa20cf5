/** The render layer on its own: each kind of trace and reason code in both languages, from
 * hand-built traces, so wording is tested apart from the arithmetic (test/policy). */
import { describe, expect, it } from "vitest";
import { loadPolicySet } from "../../src/policy/load.ts";
import type { AmountTrace, Reason } from "../../src/policy/trace.ts";
import { explainTrace, reasonText, whatIfText, words } from "../../src/render/explain.ts";

const set = loadPolicySet();
const zh = words(set, "zh");
const en = words(set, "en");
const fee = { fact: "guaranteedFinancing.guaranteeFee", value: 300000 };

describe("explaining a trace", () => {
  const cases: { name: string; trace: AmountTrace; zh: string; en: string }[] = [
    {
      name: "a rate under its cap",
      trace: {
        kind: "rate",
        base: { kind: "fact", figure: fee },
        factor: 50,
        raw: 150000,
        cap: 1000000,
        result: 150000,
      },
      zh: "300,000 × 50% = 150,000（上限 1,000,000）",
      en: "300,000 × 50% = 150,000 (cap 1,000,000)",
    },
    {
      name: "a rate above its cap",
      trace: {
        kind: "rate",
        base: { kind: "fact", figure: { fact: "x", value: 150000000 } },
        factor: 20,
        raw: 30000000,
        cap: 20000000,
        result: 20000000,
      },
      zh: "150,000,000 × 20% = 30,000,000，超过上限，按 20,000,000 计",
      en: "150,000,000 × 20% = 30,000,000, above the cap, so 20,000,000",
    },
    {
      name: "a 1:1 match says no multiplication",
      trace: {
        kind: "matching",
        base: { kind: "fact", figure: { fact: "x", value: 150000 } },
        factor: 1,
        raw: 150000,
        cap: 200000,
        result: 150000,
      },
      zh: "按 1:1 配套：150,000（上限 200,000）",
      en: "matched 1:1: 150,000 (cap 200,000)",
    },
    {
      name: "a tier difference",
      trace: {
        kind: "tier",
        tier: { key: 5, label: { zh: "5级", en: "level 5" } },
        amount: 300000,
        from: { key: 3, label: { zh: "3级", en: "level 3" }, amount: 200000 },
        result: 100000,
      },
      zh: "5级标准 300,000，减去已获的3级支持 200,000，差额 100,000",
      en: "300,000 for level 5, less the 200,000 already received for level 3: 100,000",
    },
    {
      name: "a single item is said once, without '= x = x'",
      trace: { kind: "items", each: [{ kind: "fixed", amount: 500000 }], sum: 500000, result: 500000 },
      zh: "定额 500,000",
      en: "a fixed 500,000",
    },
    {
      name: "identical items are counted, the review said once",
      trace: {
        kind: "items",
        each: [
          { kind: "upTo", cap: 200000 },
          { kind: "upTo", cap: 200000 },
        ],
        sum: 400000,
        result: 400000,
      },
      zh: "共 2 项：2 × 最高 200,000，合计 400,000",
      en: "2 items: 2 × up to 200,000, together 400,000",
    },
  ];
  it.each(cases)("$name", (c) => {
    expect(explainTrace(c.trace, zh)).toBe(c.zh);
    expect(explainTrace(c.trace, en)).toBe(c.en);
  });

  it("an open share names what is missing and says it is a ceiling", () => {
    const trace: AmountTrace = {
      kind: "rate",
      base: { kind: "openShare", figure: fee, open: ["guaranteedFinancing.loanAmount"] },
      factor: 50,
      raw: 150000,
      cap: 1000000,
      result: 150000,
    };
    expect(explainTrace(trace, zh)).toContain("尚缺该笔贷款金额");
    expect(explainTrace(trace, en)).toContain("without the amount of that loan");
  });
});

describe("reason codes", () => {
  const reasons: { reason: Reason; zh: string; en: string }[] = [
    {
      reason: {
        code: "belowThreshold",
        fact: "techTransfer.salesRevenue",
        value: 4000000,
        threshold: 5000000,
      },
      zh: "科技成果转化项目销售收入 4,000,000 低于门槛 5,000,000",
      en: "Sales revenue of the technology-transfer project 4,000,000 is below the 5,000,000 threshold",
    },
    {
      reason: { code: "zeroFigure", facts: ["guaranteedFinancing.loanAmount"] },
      zh: "该笔贷款金额为 0",
      en: "Amount of that loan is 0",
    },
    {
      reason: { code: "limitUsed", cap: 1000000, received: 1000000 },
      zh: "累计上限 1,000,000 已用完",
      en: "the cumulative limit of 1,000,000 is used up",
    },
    {
      reason: { code: "notForEntity", allowed: ["enterprise"], actual: "university" },
      zh: "本条支持对象为企业",
      en: "supports enterprises only",
    },
  ];
  it.each(reasons)("$reason.code", ({ reason, zh: z, en: e }) => {
    expect(reasonText(reason, zh)).toContain(z);
    expect(reasonText(reason, en)).toContain(e);
  });

  it("a what-if names the change and what it adds", () => {
    const whatIf = { fact: "dcmm.level", value: 4, adds: 50000 };
    expect(whatIfText(whatIf, zh)).toBe("若DCMM 认证等级达到 4，可再得 50,000 元");
    expect(whatIfText(whatIf, en)).toBe("DCMM certified level of 4 would add CNY 50,000");
  });
});

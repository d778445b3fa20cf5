/** The reader of free text: answers to one question and one-message descriptions (issue 13). */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { readAnswerIn } from "../../../src/dialog/understand/answer.ts";
import { understandIn } from "../../../src/dialog/understand/describe.ts";
import {
  detectLang,
  MAX_TEXT,
  readAnswer,
  requestedLang,
  understandText,
} from "../../../src/dialog/understand/index.ts";
import { loadPolicySet } from "../../../src/policy/load.ts";

describe("readAnswer", () => {
  it.each([
    ["infrastructure.fixedAssetInvestment", "一个亿", 100_000_000],
    ["infrastructure.fixedAssetInvestment", "两个亿", 200_000_000],
    ["infrastructure.fixedAssetInvestment", "3000多万", 30_000_000],
    ["pledgeLoan.annualInterestPaid", "一百多万", 1_000_000],
    ["infrastructure.fixedAssetInvestment", "3kw", 30_000_000],
    ["guaranteedFinancing.guaranteeFee", "五十来万", 500_000],
    ["guaranteedFinancing.loanAmount", "2.5 million", 2_500_000],
    ["guaranteedFinancing.loanAmount", "30m", 30_000_000],
    ["guaranteedFinancing.loanAmount", "￥300,000", 300_000],
    ["infrastructure.crossRegionService", "好像没有", false],
    ["infrastructure.crossRegionService", "应该有", true],
    ["infrastructure.crossRegionService", "我们没有", false],
    ["dcmm.previousAwardedLevel", "never", 0],
    ["dcmm.level", "level 5", 5],
    ["dataFirsts", "首入表", ["balance_sheet"]],
    ["dataFirsts", "首登记和首交易", ["registration", "transaction"]],
    ["competitionAwards", "national and municipal awards", ["national", "municipal"]],
    ["infrastructure.fixedAssetInvestment", "1个亿", 100_000_000],
    ["infrastructure.fixedAssetInvestment", "1.5亿", 150_000_000],
    ["infrastructure.fixedAssetInvestment", "八千万", 80_000_000],
    ["infrastructure.fixedAssetInvestment", "约2000万", 20_000_000],
    ["infrastructure.fixedAssetInvestment", "1,200万", 12_000_000],
    ["infrastructure.crossRegionService", "好像有吧", true],
    ["infrastructure.crossRegionService", "应该没有", false],
    ["infrastructure.supportYearsReceived", "从来没有", 0],
    ["dcmm.level", "三级", 3],
    ["dcmm.followUpYear", "no", null],
    ["topics", "融资和DCMM", ["finance", "dcmm"]],
    ["topics", "1,3", ["infrastructure", "technology"]],
    ["entityType", "enterprize", "enterprise"],
    [
      "platforms",
      "we have a municipal key lab recognised this year",
      [{ kind: "key_lab", level: "municipal", newlyRecognized: true }],
    ],
    [
      "platforms",
      "市级重点实验室，今年新认定",
      [{ kind: "key_lab", level: "municipal", newlyRecognized: true }],
    ],
    [
      "platforms",
      "从市级升到国家级的实验室",
      [{ kind: "key_lab", level: "national", upgradedFromMunicipal: true }],
    ],
  ])("%s: %j → %j", (fact, text, want) => {
    expect(readAnswer(fact, text)).toEqual({ kind: "value", value: want });
  });

  it.each(["没印象", "没概念", "没底", "无法确定", "说不准", "不太清楚", "记不清了", "no idea", "not sure"])(
    "%j is unknown, never yes or no",
    (text) => {
      expect(readAnswer("infrastructure.crossRegionService", text)).toEqual({ kind: "unknown" });
    },
  );

  it.each([
    ["guaranteedFinancing.guaranteeFee", "300万美元", "not_yuan"],
    ["dcmm.level", "7级", "out_of_range"],
    ["guaranteedFinancing.guaranteeFee", "很多", "not_a_number"],
    ["entityType", "外星人", "not_an_option"],
    // Every entity is of some type: "none" is no answer to it (was stored and shown as 都没有).
    ["entityType", "没有", "not_an_option"],
    ["entityType", "none", "not_an_option"],
  ])("%s: %j is unread (%s)", (fact, text, reason) => {
    expect(readAnswer(fact, text)).toEqual({ kind: "unread", reason });
  });

  it("refuses a negative amount, saying why", () => {
    expect(readAnswer("guaranteedFinancing.guaranteeFee", "负十万")).toEqual({
      kind: "unread",
      reason: "negative",
    });
  });
});

describe("understandText", () => {
  it("reads every fact a description states and what it says is not known", () => {
    expect(
      understandText("我们是石景山的数据公司，DCMM三级，有个市级重点实验室，今年新认定，担保费还不清楚"),
    ).toEqual({
      lang: "zh",
      profile: {
        district: "shijingshan",
        dcmm: { level: 3 },
        platforms: [{ kind: "key_lab", level: "municipal", newlyRecognized: true }],
      },
      unknown: ["guaranteedFinancing.guaranteeFee"],
      // 公司 says enterprise, the default: answered, not in the profile (CONTRACT.md section 7).
      defaults: ["entityType"],
    });
  });
});

describe("language", () => {
  it.each([
    ["Hello, we are a company registered in Shijingshan", "en"],
    ["我们在通州", "zh"],
    ["Tongzhou company; we won a 揭榜挂帅 challenge project", "en"],
    ["DCMM三级", "zh"],
    ["3000", undefined],
  ])("%j is %s", (text, lang) => expect(detectLang(text)).toBe(lang));

  it.each([
    ["English please", "en"],
    ["in English", "en"],
    ["说中文", "zh"],
    ["中文", "zh"],
    ["切换成中文", "zh"],
    ["切到英文界面", "en"],
    ["换回中文吧", "zh"],
    ["switch to Chinese", "zh"],
    ["我们在通州", undefined],
    ["中文名称是什么", undefined],
  ])("%j asks for %s", (text, lang) => expect(requestedLang(text)).toBe(lang));
});

describe("any message", () => {
  // The inner readers, without the public functions' safety net, so a throw fails here.
  const set = loadPolicySet();
  const paths = ["district", ...set.facts.keys()];
  const pieces = fc.constantFrom(
    "石景山",
    "副中心",
    "DCMM",
    "三级",
    "一个亿",
    "3000多万",
    "负",
    "-",
    "没有",
    "不清楚",
    "好像",
    "市级",
    "国家级",
    "重点实验室",
    "孵化器",
    "升到国家级",
    "新认定",
    "担保费",
    "贷款",
    "首登记",
    "和",
    "，",
    "。",
    "and",
    "not",
    "key lab",
    "3kw",
    "1,200万",
    "level",
    "😀",
    "🇨🇳",
    "\u0000",
    "￥",
    "%",
    "２０２４年",
    "个",
    "多",
    "万",
    "亿",
  );
  const messages = fc.oneof(
    fc.string({ unit: "grapheme", maxLength: 300 }),
    fc.string({ unit: "binary", maxLength: 300 }),
    fc.array(pieces, { maxLength: 40 }).map((xs) => xs.join("")),
    fc
      .array(fc.oneof(pieces, fc.string({ unit: "grapheme", maxLength: 5 })), { maxLength: 60 })
      .map((xs) => xs.join(" ")),
  );

  it("never throws, whatever the script, and reads into the contract's shapes", () => {
    fc.assert(
      fc.property(messages, fc.constantFrom(...paths), (text, fact) => {
        const u = understandIn(set, text);
        expect(set.profileSchema.safeParse({ district: "other", ...u.profile }).success).toBe(true);
        expect(["zh", "en"]).toContain(u.lang);
        const r = readAnswerIn(set, fact, text);
        expect(["value", "unknown", "unread"]).toContain(r.kind);
      }),
      { numRuns: 300 },
    );
  });

  it("takes a message at the size limit", () => {
    const long = "我们在石景山，DCMM三级，有个市级重点实验室 😀 ".repeat(400).slice(0, MAX_TEXT);
    expect(understandText(long).profile.district).toBe("shijingshan");
    expect(readAnswer("dcmm.level", long).kind).toBeDefined();
  });
});

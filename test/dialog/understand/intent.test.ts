import { describe, expect, it } from "vitest";
import { isUnknown, looksLikeQuestion } from "../../../src/dialog/understand/simple.ts";

describe("isUnknown", () => {
  it.each([
    "不知道",
    "不清楚",
    "跳过",
    "skip",
    "Skip!",
    "don't know",
    "I don’t know",
    "not sure",
    "idk",
    "不是很清楚",
    "我也不知道",
    "really not sure",
  ])("%j", (t) => expect(isUnknown(t)).toBe(true));
  it.each(["是", "no", "3000万", "知道", "skipping rope is fun for everyone"])("%j is an answer", (t) =>
    expect(isUnknown(t)).toBe(false),
  );
});

describe("looksLikeQuestion", () => {
  it.each([
    "DCMM认证有什么奖励？",
    "算力补贴怎么申请",
    "数据券是什么",
    "石景山有没有人才政策",
    "可以同时申请两个区吗",
    "what is the data voucher",
    "How much for a key lab",
    "?",
  ])("%j is a question", (t) => expect(looksLikeQuestion(t)).toBe(true));
  it.each(["是", "没有", "还没有呢", "3000万", "1,3", "yes", "企业", "what"])("%j is not", (t) =>
    expect(looksLikeQuestion(t)).toBe(false),
  );
});

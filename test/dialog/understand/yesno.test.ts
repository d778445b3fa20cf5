import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseYesNo } from "../../../src/dialog/understand/simple.ts";

describe("parseYesNo", () => {
  it.each([
    "是",
    "是的",
    "有",
    "有的",
    "对",
    "对的",
    "嗯",
    "已经建成了",
    "没错",
    "yes",
    "Y",
    "yep",
    "Yeah!",
    "sure",
    "OK",
    "Yes, we have",
  ])("%j is yes", (text) => expect(parseYesNo(text)).toBe(true));
  it.each([
    "否",
    "不是",
    "没有",
    "没",
    "不",
    "无",
    "还没有",
    "尚未建成",
    "no",
    "N",
    "nope",
    "No.",
    "not yet",
    "nah",
    "不对",
  ])("%j is no", (text) => expect(parseYesNo(text)).toBe(false));
  it.each(["不知道", "不清楚", "不是很清楚", "skip", "don't know", "跳过", "", "3000万", "banana", "？"])(
    "%j is neither",
    (text) => expect(parseYesNo(text)).toBeNull(),
  );
});

describe("parseYesNo properties", () => {
  const yes = fc.constantFrom("是", "是的", "有", "对", "yes", "y", "yep", "yeah", "sure");
  const no = fc.constantFrom("否", "不是", "没有", "没", "不", "no", "n", "nope");
  const decorate = (word: string, upper: boolean, before: string, after: string) =>
    `${before}${upper ? word.toUpperCase() : word}${after}`;
  const padding = fc.constantFrom("", " ", "  ", "\t");
  const closing = fc.constantFrom("", "!", "。", ".", "！", " ");

  it("reads yes and no whatever the case, surrounding spaces and closing punctuation", () => {
    fc.assert(
      fc.property(yes, no, fc.boolean(), padding, closing, (y, n, upper, before, after) => {
        expect(parseYesNo(decorate(y, upper, before, after))).toBe(true);
        expect(parseYesNo(decorate(n, upper, before, after))).toBe(false);
      }),
    );
  });

  it("never throws on arbitrary text", () => {
    fc.assert(
      fc.property(fc.string({ unit: "grapheme" }), (text) => {
        expect([true, false, null]).toContain(parseYesNo(text));
      }),
    );
  });
});

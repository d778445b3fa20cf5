/**
 * Where the entity is when the text says it moved, one platform named twice, and "有没有" asking
 * rather than saying no: found by the never-tuned persona set personas-fresh6.json (session 25).
 */
import { describe, expect, it } from "vitest";
import { understandText } from "../../../src/dialog/understand/index.ts";
import { loadPolicySet } from "../../../src/policy/load.ts";

const set = loadPolicySet();
const read = (text: string) => understandText(text, set).profile;

describe("who the entity is and what it has", () => {
  it.each([
    ["去年从亦庄整体搬到了通州，现在注册和办公都在通州", "tongzhou"],
    ["我们原来在海淀，后来迁到了石景山", "shijingshan"],
    ["We moved from Haidian to Shijingshan last year", "shijingshan"],
    ["我们公司注册在朝阳区，明年可能会整体搬到通州副中心去", "other"],
  ])("%j is in %s", (text, district) => {
    expect(read(text).district).toBe(district);
  });

  it("a lab 'recognised as' a key lab is one platform, with all it was said to be", () => {
    expect(
      read("我们是石景山区的一所高校，学院牵头建的数据科学实验室今年刚被认定为国家级重点实验室").platforms,
    ).toEqual([{ kind: "key_lab", level: "national", newlyRecognized: true }]);
  });

  it("'想了解人才引进方面有没有支持' asks about talent support, it does not say no", () => {
    expect(read("石景山的企业，想了解人才引进方面有没有支持").seeksTalentSupport).not.toBe(false);
  });
});

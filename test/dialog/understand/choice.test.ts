import { describe, expect, it } from "vitest";
import { parseChoice, parseChoices } from "../../../src/dialog/understand/simple.ts";

const entity = [
  { id: "enterprise", names: ["企业", "Enterprise"] },
  { id: "social_org", names: ["社会组织（联盟、协会等）", "Social organisation (alliance, association…)"] },
  { id: "university", names: ["高等院校", "University"] },
  { id: "research_institute", names: ["科研院所", "Research institute"] },
];
const firsts = [
  { id: "registration", names: ["首登记", "First registration"] },
  { id: "balance_sheet", names: ["首入表（数据资产入表）", "First on the balance sheet"] },
  { id: "transaction", names: ["首交易", "First transaction"] },
  { id: "opening", names: ["首开放", "First opening"] },
];
const districts = [
  { id: "tongzhou", names: ["通州区", "Tongzhou", "副中心", "城市副中心"] },
  { id: "shijingshan", names: ["石景山区", "Shijingshan"] },
  { id: "other", names: ["其他区", "Elsewhere"] },
];

describe("parseChoice", () => {
  it.each([
    ["1", "enterprise"],
    ["2.", "social_org"],
    ["第3个", "university"],
    ["第三个", "university"],
    ["企业", "enterprise"],
    ["ENTERPRISE", "enterprise"],
    ["社会组织", "social_org"],
    ["enterprize", "enterprise"],
    ["univercity", "university"],
    ["research institut", "research_institute"],
    ["我们是企业", "enterprise"],
  ])("%j picks %s", (text, id) => expect(parseChoice(text, entity)).toBe(id));

  it.each([
    ["通州", "tongzhou"],
    ["副中心", "tongzhou"],
    ["shijingshan", "shijingshan"],
    ["shijingshang", "shijingshan"],
    ["Tongzhou district", "tongzhou"],
  ])("district %j picks %s", (text, id) => expect(parseChoice(text, districts)).toBe(id));

  it.each(["0", "5", "", "banana", "区", "3000万"])("%j picks nothing", (text) =>
    expect(parseChoice(text, entity)).toBeNull(),
  );
});

describe("parseChoices picks several at once", () => {
  it.each([
    ["1,3", ["registration", "transaction"]],
    ["1 3", ["registration", "transaction"]],
    ["1，3，3", ["registration", "transaction"]],
    ["首登记和首交易", ["registration", "transaction"]],
    ["首登记、首入表、首开放", ["registration", "balance_sheet", "opening"]],
    ["first registration and first opening", ["registration", "opening"]],
    ["First transaction", ["transaction"]],
    ["2", ["balance_sheet"]],
  ])("%j picks %j", (text, ids) => expect(parseChoices(text, firsts)).toEqual(ids));

  it.each(["1, banana", "9", "", "首登记和香蕉"])("%j is unreadable as a whole", (text) =>
    expect(parseChoices(text, firsts)).toBeNull(),
  );
});

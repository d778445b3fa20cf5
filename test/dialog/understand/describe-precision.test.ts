/**
 * What a description must not state: a bank loan that is not the guaranteed data-asset loan, a
 * 'no incubator' read as no platforms at all, 'this one' read as a count, an option said not to
 * be so, a choice said not to be known. Found by the never-tuned set understand-fresh4.json.
 */
import { describe, expect, it } from "vitest";
import { understandText } from "../../../src/dialog/understand/index.ts";
import { loadPolicySet } from "../../../src/policy/load.ts";

const set = loadPolicySet();
const read = (text: string) => understandText(text, set);

describe("what a description does not say", () => {
  it("a working-capital or pledge loan is not the guaranteed financing's loan", () => {
    expect(read("通州的企业，银行给了我们一笔2000万的流动资金贷款，不是数据资产质押贷款。").profile).toEqual({
      district: "tongzhou",
    });
    expect(
      read("通州的，我们的数据资产质押贷款今年付的利息大概90万，贷款本金三千万。").profile,
    ).not.toHaveProperty("guaranteedFinancing");
  });

  it("the guaranteed financing's loan is read where the text is about it", () => {
    expect(read("石景山这边，我们做数据资产融资，担保费20万，贷款金额是4000万。").profile).toEqual({
      district: "shijingshan",
      guaranteedFinancing: { guaranteeFee: 200_000, loanAmount: 40_000_000 },
    });
  });

  it("'没有孵化器' rules out incubators, not every platform", () => {
    expect(read("通州企業，我們沒有園區也沒有孵化器。").profile).not.toHaveProperty("platforms");
  });

  it("'这一项还没领过' is never funded, not level 1", () => {
    expect(
      read("我們是石景山的數據公司，DCMM穩健級去年首次通過，這一項還沒領過區裡的補貼。").profile.dcmm,
    ).toEqual({
      level: 3,
      previousAwardedLevel: 0,
    });
  });

  it("'picked at the municipal level, not the national one' is municipal only", () => {
    expect(
      read(
        "Tongzhou data company. Typical cases: we were picked at the municipal level, not the national one.",
      ).profile.typicalCases,
    ).toEqual(["municipal"]);
  });

  it("'市里的大赛拿没拿过奖我记不清了' leaves the competition awards unknown", () => {
    const u = read("我们公司在通州。市里的大赛拿没拿过奖我记不清了。");
    expect(u.profile).not.toHaveProperty("competitionAwards");
    expect(u.unknown).toContain("competitionAwards");
  });

  it("'人才引进 isn't something we need right now' does not seek talent support", () => {
    expect(
      read("We're in Shijingshan. 人才引进 isn't something we need right now.").profile.seeksTalentSupport,
    ).not.toBe(true);
  });
});

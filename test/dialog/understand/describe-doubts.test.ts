/**
 * "Don't know" in a description, said once for several things, and questions-whether that are
 * no "no": found by the never-tuned set understand-fresh3.json (session 25).
 */
import { describe, expect, it } from "vitest";
import { understandText } from "../../../src/dialog/understand/index.ts";
import { loadPolicySet } from "../../../src/policy/load.ts";

const set = loadPolicySet();

describe("doubts in a description", () => {
  it("a 'don't know' after two things asked covers both, and '拿没拿过' is no 'never'", () => {
    const u = understandText(
      "我们在通州有个智算中心已经投运了，不过固定资产投资是多少、之前拿没拿过支持，我都不太清楚。",
      set,
    );
    expect(u.profile).toEqual({ district: "tongzhou", infrastructure: { inOperation: true } });
    expect(u.unknown.sort()).toEqual([
      "infrastructure.fixedAssetInvestment",
      "infrastructure.supportYearsReceived",
    ]);
  });

  it("'做过，但是几级我不清楚': the level is not known (nothing stored)", () => {
    const u = understandText("通州的企业，DCMM好像做过，但是几级我不清楚，得问下数据部门。", set);
    expect(u.unknown).toContain("dcmm.level");
    expect(u.profile).toEqual({ district: "tongzhou" });
  });

  it("a first still being negotiated ('首交易还在谈') is not done", () => {
    const u = understandText("我们在城市副中心，首登记和首入表都做完了，首交易还在谈。", set);
    expect(u.profile).toEqual({ district: "tongzhou", dataFirsts: ["registration", "balance_sheet"] });
  });
});

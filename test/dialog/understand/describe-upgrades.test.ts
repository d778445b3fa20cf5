/**
 * A DCMM level reached from a lower one ("之前是二级…今年升到了四级", "upgraded to level 4") is the
 * level held now; the lower one is the level funded where the text says the award was paid.
 */
import { describe, expect, it } from "vitest";
import { understandText } from "../../../src/dialog/understand/index.ts";
import { loadPolicySet } from "../../../src/policy/load.ts";

const set = loadPolicySet();
const dcmm = (text: string) => understandText(text, set).profile.dcmm;

describe("an upgrade in a description", () => {
  it.each([
    ["石景山的企业，我们之前是DCMM二级，区里给过奖励，今年升到了四级", { level: 4 }],
    ["石景山企业，DCMM三级，今年刚升到四级，之前按三级拿过奖励", { level: 4, previousAwardedLevel: 3 }],
    ["石景山企业，DCMM从二级升级到了四级，二级的时候拿过补贴", { level: 4, previousAwardedLevel: 2 }],
    [
      "Shijingshan company. We were DCMM level 2 and got the award for it; this year we were upgraded to level 4.",
      { level: 4, previousAwardedLevel: 2 },
    ],
    ["石景山的公司，今年通过了DCMM三级", { level: 3 }],
  ])("%j", (text, want) => {
    expect(dcmm(text)).toEqual(want);
  });
});

/**
 * A word several facts could take ("拿过", "总投资", "got") goes to the fact of what the
 * description talks about, or to none: found by the never-tuned set understand-fresh3.json.
 */
import { describe, expect, it } from "vitest";
import { understandText } from "../../../src/dialog/understand/index.ts";
import { loadPolicySet } from "../../../src/policy/load.ts";

const set = loadPolicySet();
const read = (text: string) => understandText(text, set).profile;

describe("shared words go to the fact talked about", () => {
  it("'没拿过区里的基础设施支持' is the infrastructure project's, not the DCMM award's", () => {
    expect(
      read("注册在通州，算力中心已经投入使用了，这个项目之前没拿过区里的基础设施支持。另外我们DCMM是三级。"),
    ).toEqual({
      district: "tongzhou",
      infrastructure: { inOperation: true, supportYearsReceived: 0 },
      dcmm: { level: 3 },
    });
  });

  it("'以前没领过DCMM的钱' is the DCMM award's", () => {
    expect(read("石景山的，今年刚拿到DCMM稳健级的证书，以前没领过DCMM的钱。")).toEqual({
      district: "shijingshan",
      dcmm: { level: 3, previousAwardedLevel: 0 },
    });
  });

  it("the total investment of a technology-transfer project is that project's", () => {
    expect(
      read("石景山这边，我们有个科技成果转化项目在区内落地了，去年销售收入3000多万，项目总投资大概八百万。"),
    ).toEqual({
      district: "shijingshan",
      techTransfer: { salesRevenue: 30_000_000, projectInvestment: 8_000_000 },
    });
  });

  it("the standard verification pilot is not the national dataset case", () => {
    expect(read("我们在通州，参加了国家高质量数据集标准验证试点，被评为典型单位。")).toEqual({
      district: "tongzhou",
      datasets: { standardPilotTypicalUnit: true },
    });
  });

  it("'got the 200k award' said of DCMM is no application-innovation award", () => {
    const profile = read(
      "Shijingshan enterprise here. We were certified at DCMM level 3 and got the 200k award for that level.",
    );
    expect(profile).not.toHaveProperty("appInnovationAwardsReceived");
  });

  it("English: 'haven't received any support for it' of a data center is its years of support", () => {
    expect(
      read(
        "We're in Shijingshan. Our data center has been up and running since March. We haven't received any support for it yet.",
      ),
    ).toMatchObject({ infrastructure: { supportYearsReceived: 0 } });
  });
});

/**
 * What a description says beside the facts: company-wide revenue, rent and tax, a GPU cluster,
 * Taiwan wording in Traditional script, a negation over a list, an application that failed.
 * Found by the never-tuned persona set personas-fresh6.json (session 25).
 */
import { describe, expect, it } from "vitest";
import { understandText } from "../../../src/dialog/understand/index.ts";
import { loadPolicySet } from "../../../src/policy/load.ts";

const set = loadPolicySet();
const read = (text: string) => understandText(text, set).profile;

describe("a description's distractors", () => {
  it("company-wide revenue is not the technology-transfer project's sales", () => {
    expect(
      read(
        "石景山的公司，公司整体年营收三千多万。我们有个科技成果转化项目在区里落地实施了，今年销售收入六百来万。",
      ).techTransfer,
    ).toEqual({ salesRevenue: 6_000_000 });
  });

  it("a GPU cluster is no industrial cluster", () => {
    expect(
      read("We're in Shijingshan. Our GPU cluster has been up and running since last spring."),
    ).not.toHaveProperty("clusterOperator");
  });

  it("軟體採購和網路建設 are the loan's eligible costs, not data purchases", () => {
    expect(
      read(
        "石景山區的企業，通過數據資產融資貸款三千萬，擔保費六十萬，項目設備購置安裝、軟體採購和網路建設加起來兩千萬左右。",
      ),
    ).toEqual({
      district: "shijingshan",
      guaranteedFinancing: { loanAmount: 30_000_000, guaranteeFee: 600_000, eligibleCosts: 20_000_000 },
    });
  });

  it("'沒有營運園區或孵化器' rules out both", () => {
    const profile = read("我們是通州區的一個數據產業聯盟。我們自己沒有營運園區或孵化器。");
    expect(profile.parkOperator).toBe(false);
    expect(profile.platforms ?? []).toEqual([]);
  });

  it("'报了但没评上' is not selected", () => {
    expect(read("我们在通州，国家高质量数据集典型案例那个我们报了但没评上。")).toEqual({
      district: "tongzhou",
      datasets: { nationalCaseOrPilot: false },
    });
  });

  it("'the district already supported the project for one year' is one year of support", () => {
    expect(
      read(
        "We're in Shijingshan; our computing centre is up and running and the district already supported the project for one year.",
      ),
    ).toMatchObject({ infrastructure: { supportYearsReceived: 1 } });
  });
});

describe("a question the description asks itself", () => {
  it("'do we run a cluster? no.' is no, '运营数据标注基地吗？有的。' yes", () => {
    expect(read("We're in Shijingshan. do we run a cluster? no.").clusterOperator).toBe(false);
    expect(read("石景山企业，运营数据标注基地吗？有的。").clusterOperator).toBe(true);
  });
});

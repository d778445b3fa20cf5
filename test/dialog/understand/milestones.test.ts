/**
 * Descriptions that name an area, a plan or a failure are not milestones: a first transaction,
 * an infrastructure in use, a DCMM level, a won challenge need the text to say they happened;
 * "not yet" and plans say they did not; a negation before 不过/but does not reach past it; a
 * shared "we got it before" goes to the area just talked about (session 21).
 */
import { describe, expect, it } from "vitest";
import { understandOne } from "../../../src/cli/understand.ts";
import { understandText } from "../../../src/dialog/understand/index.ts";
import { loadPolicySet } from "../../../src/policy/load.ts";

const read = (text: string) => understandText(text);

describe("milestones need the text to say they happened", () => {
  it.each([
    "我们公司做数据交易业务",
    "在数据交易所挂了几个产品，还没卖出去",
    "We provide data registration consulting",
    "数据资产入表正在推进",
    "我们计划明年完成首次交易",
  ])("%s states no data first", (text) => {
    expect(read(text).profile.dataFirsts).toBeUndefined();
  });

  it("the same words with the deed done state the first", () => {
    expect(read("我们做数据交易业务，今年完成了首笔数据交易").profile.dataFirsts).toEqual(["transaction"]);
    expect(read("数据资产入表正在推进，数据登记已经完成").profile.dataFirsts).toEqual(["registration"]);
    expect(read("We did our first data registration in March").profile.dataFirsts).toEqual(["registration"]);
  });

  it("an area of cross-border data is not the first transfer; done, it is", () => {
    expect(read("我们提供数据出境咨询").profile.firstCrossBorderTransfer).toBeUndefined();
    expect(read("我们已实现数据合规出境").profile.firstCrossBorderTransfer).toBe(true);
    expect(read("our data was transferred abroad compliantly for the first time").profile).toEqual({
      firstCrossBorderTransfer: true,
    });
  });
});

describe("plans and work in progress", () => {
  it.each(["打算后年建一个数据中心", "智算中心还在规划", "we are planning to build a computing centre"])(
    "%s: the infrastructure is not in operation",
    (text) => {
      expect(read(text).profile).toEqual({ infrastructure: { inOperation: false } });
    },
  );

  it.each(["DCMM还在准备", "还没做过DCMM认证", "we haven't got DCMM yet"])(
    "%s: no DCMM level, and none stored (levels are 1-5)",
    (text) => {
      const u = read(text);
      expect(u.profile).toEqual({});
      expect(u.none).toEqual(["dcmm.level"]);
      // understand's output keeps to section 7.
      expect(Object.keys(understandOne(text, undefined, loadPolicySet()))).toEqual([
        "lang",
        "profile",
        "unknown",
      ]);
    },
  );
});

describe("negation scope", () => {
  it("a failure before 不过/但 is not the case after it", () => {
    expect(read("揭榜挂帅项目没揭上，不过入选了国家级典型案例").profile).toEqual({
      challengeWinner: false,
      typicalCases: ["national"],
    });
    expect(read("We joined a challenge project but didn't win").profile).toEqual({ challengeWinner: false });
  });

  it("a negation after a phrase that names another thing is that thing's", () => {
    expect(read("有揭榜挂帅项目但没有典型案例").profile).toEqual({ challengeWinner: true, typicalCases: [] });
  });
});

describe("the area just talked about", () => {
  it("'this area, never got an award' after training datasets is their award, not DCMM's", () => {
    expect(read("有2个数据集认定为高质量训练数据集，这方面以前没拿过奖励").profile).toEqual({
      datasets: { recognizedTrainingDatasets: 2, trainingDatasetAwardsReceived: 0 },
    });
  });

  it("two areas: each 'received' goes to the one before it", () => {
    expect(read("DCMM四级，之前按三级拿过补贴；一个训练数据集获认定，这方面还没拿过奖励").profile).toEqual({
      dcmm: { level: 4, previousAwardedLevel: 3 },
      datasets: { recognizedTrainingDatasets: 1, trainingDatasetAwardsReceived: 0 },
    });
  });

  it("a cluster's operating funds received", () => {
    expect(read("我们运营数据标注基地，去年运营经费已经拿了300万").profile).toEqual({
      clusterOperator: true,
      clusterSupport: { received: 3_000_000 },
    });
  });
});

describe("statements read", () => {
  it("攻克了关键技术 is a key-technology breakthrough", () => {
    expect(read("我们攻克了数据合成的关键技术").profile).toEqual({ keyTechBreakthrough: true });
  });

  it("投进去 an amount in a technology-transfer project is its investment", () => {
    expect(read("科技成果转化项目投进去五百万").profile).toEqual({
      techTransfer: { projectInvestment: 5_000_000 },
    });
  });

  it("first passing the sandbox test is the exit certificate, not a first entry", () => {
    expect(read("第一次通过了数据监管沙盒试验").profile).toEqual({ sandbox: { exitCertificate: true } });
    // A first entry is something applied for: planned, it is still stated.
    expect(read("打算首次申请进入数据监管沙盒").profile).toEqual({ sandbox: { firstEntry: true } });
  });
});

describe("second batch: other names, later plans, the support year", () => {
  it("an exchange named with the word 数据交易 inside is not a transaction", () => {
    expect(read("产品已经挂到数据交易所了").profile).toEqual({});
    expect(read("去年第一次在数据交易所完成交易").profile).toEqual({ dataFirsts: ["transaction"] });
  });

  it.each([
    ["机房明年才开工", { infrastructure: { inOperation: false } }],
    ["the data centre is expected to go live in 2028", { infrastructure: { inOperation: false } }],
    ["准备申请揭榜挂帅", { challengeWinner: false }],
    ["打算参加全国数据大赛", {}],
  ])("%s: planned, not achieved", (text, profile) => {
    expect(read(text).profile).toEqual(profile);
  });

  it("a yes/no fact's word names the support year of its own family", () => {
    expect(read("we operate the service window, third year of support").profile).toEqual({
      serviceWindowOperator: true,
      serviceWindowSupport: { year: 3 },
    });
  });

  it("a year said in the cue's own clause wins over one said in the next", () => {
    expect(read("标注基地这是第三年申请运营经费，第一年拿了500万").profile.clusterSupport).toEqual({
      year: 3,
      received: 5_000_000,
    });
  });

  it("'invested' in a technology-transfer project is that project's, not fixed assets", () => {
    expect(read("tech transfer project: sales of 9 million, 4 million invested").profile).toEqual({
      techTransfer: { salesRevenue: 9_000_000, projectInvestment: 4_000_000 },
    });
  });

  it("no data moved across borders yet is no first transfer", () => {
    expect(read("we haven't sent any data across borders").profile).toEqual({
      firstCrossBorderTransfer: false,
    });
  });
});

describe("ongoing is not planned", () => {
  it.each(["智算中心正在运行", "the data center is still in service"])("%s: in operation", (text) => {
    expect(read(text).profile).toEqual({ infrastructure: { inOperation: true } });
  });

  it("模拟 is not 拟 (a plan), 未来 is not 未 (a negation)", () => {
    expect(read("数据模拟平台已投入使用").profile).toEqual({ infrastructure: { inOperation: true } });
    expect(read("入选了国家级典型案例，未来还会参加大赛").profile.typicalCases).toEqual(["national"]);
  });
});

describe("third batch: negated verbs with objects, filings, receipts", () => {
  it("a negated verb with its object before the phrase negates it", () => {
    expect(read("还没做数据资产作价入股").profile).toEqual({ equityContribution: false });
    expect(read("没参加过揭榜挂帅").profile).toEqual({ challengeWinner: false });
  });

  it("a pilot still being filed for is not held", () => {
    expect(read("可信数据空间试点还在申报").profile).toEqual({ trustedDataSpacePilot: false });
  });

  it("not yet out of the sandbox is no exit certificate", () => {
    const { sandbox } = read("we entered the sandbox but haven't exited yet").profile as {
      sandbox?: { exitCertificate?: boolean };
    };
    expect(sandbox?.exitCertificate).toBe(false);
  });

  it("data assets that went on the balance sheet are the first", () => {
    expect(read("our data assets went on the balance sheet in May").profile).toEqual({
      dataFirsts: ["balance_sheet"],
    });
  });

  it("no award received for a typical case is its award 0, not a competition", () => {
    expect(read("a municipal typical case, and we have not received any award for it").profile).toEqual({
      typicalCases: ["municipal"],
      appInnovationAwardsReceived: 0,
    });
  });
});

describe("fourth batch: a planned level, a lost competition, a filing without result", () => {
  it.each(["正在准备DCMM三级认证", "we plan to apply for DCMM level 2 next year"])(
    "%s: the level is planned, not held",
    (text) => {
      const u = read(text);
      expect(u.profile).toEqual({});
      expect(u.none).toEqual(["dcmm.level"]);
    },
  );

  it.each(["参加过国家级大赛但没获奖", "we entered a municipal competition but did not win anything"])(
    "%s: no competition award",
    (text) => {
      expect(read(text).profile).toEqual({ competitionAwards: [] });
    },
  );

  it("a joined negated clause that names another fact is that fact's, not the competition's", () => {
    expect(
      read("we entered a national competition but did not win, and were selected as a national typical case")
        .profile,
    ).toEqual({
      competitionAwards: [],
      typicalCases: ["national"],
    });
    expect(
      read("we won a municipal competition award but were not selected as a typical case").profile,
    ).toEqual({ competitionAwards: ["municipal"], typicalCases: [] });
  });

  it("filed for a typical case with no result is not selected; sold for the first time is a first", () => {
    expect(read("申报了国家级典型案例，还在等结果").profile).toEqual({});
    expect(read("去年第一次卖出了数据产品").profile).toEqual({ dataFirsts: ["transaction"] });
  });
});

/**
 * Two small made-up districts in the PolicyDocument schema, so ranking tests do not
 * depend on the real policy data: each has a loan clause, a lab clause and an
 * informational clause, worded differently in each district.
 */

import type { SynonymGroup } from "../../src/faq/synonyms.ts";
import { PolicyDocument } from "../../src/policy/schema.ts";

const benefit = (id: string, zh: string, en: string, quote: string) => ({
  id,
  title: { zh, en },
  summary: { zh, en },
  conditions: { kind: "flag", fact: "x" },
  amount: { kind: "upTo", cap: 1_000_000 },
  period: "one_time",
  quote,
});

const document = (id: string, zh: string, en: string, aliases: string[], articles: unknown[]) =>
  PolicyDocument.parse({
    id,
    district: { zh, en },
    aliases,
    title: { zh: `${zh}数据政策`, en: `${en} data policy` },
    issuer: { zh: "区政府", en: "District government" },
    interpretingAuthority: { zh: "区政府", en: "District government" },
    status: "in_force",
    version: "1",
    caveat: { zh: `${zh}说明`, en: `${en} note` },
    effective: { zh: "发布之日", en: "on issue" },
    sourceFile: "none.txt",
    articles,
  });

export const east = document(
  "east",
  "东城区",
  "Dongcheng",
  ["东城", "Dongcheng District", "East Side"],
  [
    {
      number: 1,
      heading: "第一条 支持数据资产融资",
      title: { zh: "支持数据资产融资", en: "Data asset financing" },
      text: "对通过数据资产质押获得贷款的企业，按实际支付利息的50%给予贴息，每年最高100万元。",
      kind: "benefits",
      benefits: [
        benefit(
          "east-loan",
          "质押贷款贴息",
          "Interest subsidy on pledge loans",
          "按实际支付利息的50%给予贴息",
        ),
      ],
    },
    {
      number: 2,
      heading: "第二条 支持实验室建设",
      title: { zh: "支持实验室建设", en: "Laboratories" },
      text: "对新认定的重点实验室给予最高100万元奖励。对新认定的企业孵化器给予最高50万元奖励。",
      kind: "benefits",
      benefits: [
        benefit(
          "east-lab",
          "重点实验室奖励",
          "Key laboratory award",
          "对新认定的重点实验室给予最高100万元奖励",
        ),
        benefit("east-incubator", "孵化器奖励", "Incubator award", "对新认定的企业孵化器给予最高50万元奖励"),
      ],
    },
    {
      number: 3,
      heading: "第三条 附则",
      title: { zh: "附则", en: "Final provisions" },
      text: "本办法自发布之日起施行，有效期三年。",
      kind: "informational",
      benefits: [],
    },
  ],
);

export const west = document(
  "west",
  "西城区",
  "Xicheng",
  ["西城"],
  [
    {
      number: 1,
      heading: "（1）拓宽融资渠道",
      title: { zh: "拓宽融资渠道", en: "Financing channels" },
      text: "鼓励金融机构开展数据资产质押融资，对融资贷款的担保费给予50%补助。",
      kind: "benefits",
      benefits: [
        benefit("west-guarantee", "担保费补助", "Guarantee fee subsidy", "对融资贷款的担保费给予50%补助"),
      ],
    },
    {
      number: 2,
      heading: "（2）人才培养",
      title: { zh: "人才培养", en: "Talent" },
      text: "鼓励企业设立首席数据官，加大数据人才培养力度。",
      kind: "informational",
      benefits: [],
    },
  ],
);

export const synonyms: SynonymGroup[] = [
  { id: "pledge", terms: ["质押", "抵押", "拿数据去银行贷款", "pledge", "collateral"] },
  { id: "lab", terms: ["实验室", "lab", "laboratory"] },
  { id: "cdo", terms: ["首席数据官", "CDO", "chief data officer"] },
];

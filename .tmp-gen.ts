import { evaluate } from "./src/policy/evaluate.ts";
import { loadPolicySet } from "./src/policy/load.ts";
import { parseProfile } from "./src/policy/profile.ts";
import { toContractJson } from "./src/render/report.ts";
const set = loadPolicySet();
const cases: [string, unknown][] = [
  ["tongzhou:infrastructure-investment", { district: "tongzhou", infrastructure: { inOperation: true, fixedAssetInvestment: 30000000, supportYearsReceived: 1 } }],
  ["tongzhou:infrastructure-investment", { district: "tongzhou", infrastructure: { inOperation: true, fixedAssetInvestment: 150000000 } }],
  ["tongzhou:trusted-data-space-pilot", { district: "tongzhou", trustedDataSpacePilot: true }],
  ["tongzhou:innovation-platform-award", { district: "tongzhou", platforms: [{ kind: "key_lab", level: "national" }, { kind: "innovation_platform", level: "municipal" }] }],
  ["tongzhou:innovation-platform-upgrade", { district: "tongzhou", platforms: [{ kind: "key_lab", level: "national", upgradedFromMunicipal: true }] }],
  ["tongzhou:public-data-operation", { district: "tongzhou", publicDataOperation: "ministry" }],
  ["tongzhou:dataset-standard-pilot", { district: "tongzhou", datasets: { standardPilotTypicalUnit: true } }],
  ["tongzhou:sandbox-exit-matching", { district: "tongzhou", sandbox: { exitCertificate: true, smeVoucherAmount: 150000 } }],
  ["tongzhou:competition-award", { district: "tongzhou", competitionAwards: ["national", "municipal"] }],
  ["tongzhou:data-business-unit", { district: "tongzhou", dataBusinessUnit: true }],
  ["shijingshan:guarantee-fee-subsidy", { district: "shijingshan", guaranteedFinancing: { guaranteeFee: 100000, loanAmount: 10000000, eligibleCosts: 5000000 } }],
  ["shijingshan:guarantee-fee-subsidy", { district: "shijingshan", guaranteedFinancing: { guaranteeFee: 300000 } }],
  ["shijingshan:dcmm-certification", { district: "shijingshan", dcmm: { level: 5, previousAwardedLevel: 3 } }],
  ["shijingshan:dcmm-follow-up", { district: "shijingshan", dcmm: { level: 3, previousAwardedLevel: 3, followUpYear: 2 } }],
  ["shijingshan:application-innovation-award", { district: "shijingshan", typicalCases: ["national"], competitionAwards: ["municipal"], appInnovationAwardsReceived: 200000 }],
  ["shijingshan:firsts-matching", { district: "shijingshan", dataFirsts: ["registration"], municipalFirstsAward: 400000 }],
  ["shijingshan:cross-region-infrastructure", { district: "shijingshan", infrastructure: { inOperation: true, crossRegionService: true, annualOperatingInvestment: 12000000 } }],
  ["shijingshan:cluster-operating-funds", { district: "shijingshan", clusterOperator: true }],
  ["shijingshan:service-window-funds", { district: "shijingshan", serviceWindowOperator: true, serviceWindowSupport: { year: 2, received: 1000000 } }],
];
const out = cases.map(([key, profile]) => {
  const [policy, benefit] = key.split(":");
  const p = parseProfile(set.profileSchema, profile);
  const r: Record<string, unknown> = { benefit: key, profile };
  for (const lang of ["zh", "en"] as const) {
    const json = toContractJson(evaluate(p, set, { lang }), set, p.district, lang);
    const m = json.matches.find((x) => x.policy === policy && x.benefit === benefit);
    r[lang] = m?.amount.explanation ?? "(no match)";
  }
  return r;
});
console.log(JSON.stringify(out, null, 2));

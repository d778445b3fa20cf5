/**
 * The message catalogue: every sentence the advisor builds around an amount, a near miss or a
 * what-if, once per language. A typed catalogue of functions rather than i18next or Fluent: the
 * messages take typed values (yuan already formatted, fact labels, counts), the compiler checks
 * that both languages have every message with the same arguments, and the only grammar that
 * differs (English plurals) is one word in two places — a library would add a dependency and
 * untyped string keys for no gain here.
 */
import type { Notice } from "../policy/outcome.ts";
import type { Lang } from "../policy/schema.ts";

export interface Catalogue {
  list: (items: string[]) => string;
  yuan: (amount: string) => string;
  notMoney: string;
  fixed: (amount: string) => string;
  upTo: (cap: string) => string;
  upToOnReview: (cap: string) => string;
  amountDepends: string;
  /** "30,000,000 × 20% = 6,000,000" with the cap said as it applies. */
  capNote: (cap: string) => string;
  capApplied: (formula: string, cap: string) => string;
  matching: (ratio: number) => string;
  share: (figure: string, part: string, whole: string, partLabel: string, wholeLabel: string) => string;
  covered: (figure: string, partLabel: string, wholeLabel: string) => string;
  openShare: (labels: string[]) => string;
  missingFigure: (labels: string) => string;
  tier: (tier: string, amount: string) => string;
  tierShare: (tier: string, amount: string, percent: string, result: string) => string;
  tierDifference: (tier: string, amount: string, from: string, fromAmount: string, result: string) => string;
  items: (count: number, parts: string, sum: string) => string;
  limit: (cap: string, received: string, room: string, result: string) => string;
  schedule: (firstYear: string, later: string | null, years: number, total: string) => string;
  scheduleYear: (year: number, received: string, room: string, result: string) => string;
  years: (count: number, left: number, perYear: string, total: string) => string;
  /** A band's bounds: its lower edge (included unless `strict`) and, when a band lies above, that
   * band's edge (`upperIncluded` when the band above excludes it, as 超过 does). */
  bandRange: (from: string, strict: boolean, upper: string | null, upperIncluded: boolean) => string;
  band: (value: string, range: string, amount: string) => string;
  /** Below the lowest band; `reach`: how far the lowest band is and what it pays. */
  belowBands: (value: string, lowestEdge: string, reach: { gap: string; amount: string } | null) => string;
  nextBand: (gap: string, edge: string, amount: string, adds: string) => string;
  /** Which of a rule's dated values applied; `reference` when it is not the clause as written. */
  dated: (asOf: string, from: string, reference: string | null) => string;
  /** Rules across a document's benefits, said after the benefit's own computation: 择一享受 (就高)
   * with `others` by title, and a document-wide cap on the sum. */
  exclusiveKept: (others: string[], amount: string, quote: string) => string;
  exclusiveOpen: (others: string[], quote: string) => string;
  capCut: (r: {
    cap: string;
    sum: string;
    over: string;
    cut: string;
    result: string;
    quote: string;
  }) => string;
  reading: (text: string) => string;
  join: string;
  // reasons
  unknown: (labels: string) => string;
  unmet: (label: string) => string;
  belowThreshold: (label: string, value: string, threshold: string) => string;
  zeroFigure: (labels: string) => string;
  alreadyFunded: (tier: string) => string;
  noTier: (tier: string) => string;
  limitUsed: (cap: string) => string;
  yearsUsed: (count: number) => string;
  totalUsed: (total: string, years: number) => string;
  notForEntity: (allowed: string) => string;
  nothingDue: string;
  aboveLimit: (label: string, value: string, limit: string) => string;
  notAbove: (label: string, value: string, limit: string) => string;
  notBelow: (label: string, value: string, limit: string) => string;
  ratioMissed: (r: {
    part: string;
    whole: string;
    partValue: string;
    wholeValue: string;
    share: string;
    percent: string;
    gap: number;
    upper: boolean;
    strict: boolean;
    needed: string | null;
  }) => string;
  zeroWhole: (part: string, whole: string) => string;
  /** Not counted: another of its 择一享受 group is paid (`tie`: as much, and first), or the cap is used up. */
  exclusiveLower: (kept: string, keptAmount: string, amount: string, tie: boolean) => string;
  capReached: (r: { cap: string; sum: string; over: string; cut: string; quote: string }) => string;
  durationMissed: (r: {
    label: string;
    date: string;
    asOf: string;
    deadline: string;
    span: string;
    passed: boolean;
    wantsShort: boolean;
  }) => string;
  /** A validity window: both dates, only a start, or only an end. */
  validityWindow: (from: string | null, to: string | null) => string;
  outsideValidity: (n: {
    name: string;
    window: string;
    asOf: string;
    code: Notice["code"];
    quote: string;
  }) => string;
  whatIf: (change: string, adds: string | null) => string;
  setTo: (label: string, value: string) => string;
  yes: (label: string) => string;
  entity: Record<string, string>;
  /** FAQ answers in the chat (src/render/faq.ts). */
  faq: {
    /** The user's district has no clause on what was asked, only a related one. */
    onlyHas: (district: string, thing: string, has: string) => string;
    /** The user's district has no clause on what was asked; another district has. */
    otherHas: (district: string, thing: string, other: string) => string;
    /** A district the question names has no such clause; these are the others'. */
    missingIn: (named: string, others: string) => string;
    notYours: (theirs: string, yours: string) => string;
    /** The most per item, for awards counted per item with no limit on their sum. */
    perItem: (amount: string, period: string) => string;
    source: string;
    english: string;
    colon: string;
  };
  // reports
  outsideScope: (districts: string[]) => string;
  reportHeading: (count: number, total: string) => string;
  nearMissHeading: string;
  excludedHeading: string;
  possibleHeading: string;
  notMoneyShort: string;
  amountOpen: string;
  amountLine: (amount: string, period: string) => string;
  wholePeriod: (amount: string) => string;
  upToSuffix: (amount: string) => string;
  aside: (text: string) => string;
  label: (name: "working" | "note" | "whatIf" | "source") => string;
  /** A match's working in one plain line for a phone (explain.ts `briefAmount`); amounts with units. */
  brief: {
    rate: (label: string, percent: string, result: string) => string;
    share: (label: string, percent: string, whole: string, share: string, result: string) => string;
    capped: (line: string, cap: string) => string;
    tier: (tier: string, result: string) => string;
    tierShare: (tier: string, percent: string, result: string) => string;
    difference: (tier: string, from: string, result: string) => string;
    fixed: (result: string) => string;
  };
  /** The cells and lines of the `--compare` table (src/render/compare.ts). */
  compare: {
    heading: string;
    benefit: string;
    noClause: string;
    notMoney: string;
    open: string;
    perYear: (amount: string) => string;
    near: (adds: string | null) => string;
    possible: (upTo: string | null) => string;
    excluded: string;
    count: string;
    total: string;
    colon: string;
    detail: string;
    /** The chat's overview (compareOverview): headings, a missing clause in words, how to see the working. */
    overview: string;
    totals: string;
    noClauseWords: string;
    separator: string;
    chatDetail: string;
  };
}

const zh: Catalogue = {
  list: (items) => items.join("、"),
  yuan: (amount) => `${amount} 元`,
  notMoney: "非资金支持（服务或优先支持），不涉及金额",
  fixed: (amount) => `定额 ${amount}`,
  upTo: (cap) => `最高 ${cap}`,
  upToOnReview: (cap) => `最高 ${cap}，具体金额经评审确定，估算取上限`,
  amountDepends: "金额视具体情况而定",
  capNote: (cap) => `（上限 ${cap}）`,
  capApplied: (formula, cap) => `${formula}，超过上限，按 ${cap} 计`,
  matching: (ratio) => `按 1:${ratio} 配套：`,
  share: (figure, part, whole, partLabel, wholeLabel) =>
    `${figure} × ${partLabel} ${part} ÷ ${wholeLabel} ${whole}`,
  covered: (figure, partLabel, wholeLabel) => `${figure}（${partLabel}覆盖全部${wholeLabel}）`,
  openShare: (labels) => `；尚缺${labels.join("、")}，覆盖比例未知，按全额估算上限`,
  missingFigure: (labels) => `尚缺${labels}，暂无法估算`,
  tier: (tier, amount) => `${tier}标准 ${amount}`,
  tierShare: (tier, amount, percent, result) => `${tier}标准 ${amount} 的 ${percent}，即 ${result}`,
  tierDifference: (tier, amount, from, fromAmount, result) =>
    `${tier}标准 ${amount}，减去已获的${from}支持 ${fromAmount}，差额 ${result}`,
  items: (count, parts, sum) => `共 ${count} 项：${parts}，合计 ${sum}`,
  limit: (cap, received, room, result) =>
    `；单个主体累计上限 ${cap}，已获 ${received}，尚可 ${room}，本次按 ${result} 计`,
  schedule: (firstYear, later, years, total) =>
    `第一年不超过 ${firstYear}，${later ? `此后每年不超过 ${later}（按绩效考核）` : "第二、三年按年度绩效考核结果拨付"}，${years} 年合计不超过 ${total}`,
  scheduleYear: (year, received, room, result) =>
    `；本次为第 ${year} 年，已获 ${received}，尚可 ${room}，本年最多 ${result}`,
  years: (count, left, perYear, total) =>
    `；按年计算，同一项目最多支持 ${count} 年，尚余 ${left} 年，合计最多 ${perYear} × ${left} = ${total}`,
  bandRange: (from, strict, upper, upperIncluded) => {
    if (upper === null) return strict ? `超过 ${from}` : `${from}（含）以上`;
    return `${strict ? `超过 ${from} ` : `${from}（含）`}至 ${upper}${upperIncluded ? "（含）" : "（不含）"}`;
  },
  band: (value, range, amount) => `${value} 属于“${range}”档：${amount}`,
  belowBands: (value, lowestEdge, reach) =>
    `${value} 低于最低档（${lowestEdge}）${reach ? `；还差 ${reach.gap}，达到后可得 ${reach.amount}` : ""}`,
  nextBand: (gap, edge, amount, adds) => `距下一档（${edge}）还差 ${gap}，达到后为 ${amount}，可多得 ${adds}`,
  dated: (asOf, from, reference) =>
    `（按评估日期 ${asOf}，适用自 ${from} 起的标准${reference ? `：“${reference}”` : ""}）`,
  exclusiveKept: (others, amount, quote) =>
    `；与${quoted(others, "、")}择一享受，按就高原则取本项 ${amount}（“${quote}”）`,
  exclusiveOpen: (others, quote) => `；与${quoted(others, "、")}只能择一享受，按就高原则执行（“${quote}”）`,
  capCut: (r) =>
    `；同一主体各项合计不超过 ${r.cap}，合计 ${r.sum} 超出 ${r.over}，从本项扣减 ${r.cut} 后为 ${r.result}（“${r.quote}”）`,
  reading: (text) => `。解读：${text}`,
  join: "；",
  unknown: (labels) => `尚不清楚：${labels}`,
  unmet: (label) => `尚不满足：${label}`,
  belowThreshold: (label, value, threshold) =>
    `${label} ${value} 低于门槛 ${threshold}；达到 ${threshold}（含本数）即可符合`,
  zeroFigure: (labels) => `${labels}为 0；本条按实际发生的金额计算，大于 0 才可申请`,
  alreadyFunded: (tier) => `已按${tier}获得支持，同一等级不重复享受；晋升到更高等级可获差额`,
  noTier: (tier) => `${tier}不在奖励等级内`,
  limitUsed: (cap) => `累计上限 ${cap} 已用完`,
  yearsUsed: (count) => `同一项目最多支持 ${count} 年，已全部享受`,
  totalUsed: (total, years) => `${years} 年合计上限 ${total} 已用完`,
  notForEntity: (allowed) => `本条支持对象为${allowed}，贵单位类型不在其列`,
  nothingDue: "按现有情况计算金额为 0",
  aboveLimit: (label, value, limit) =>
    `${label} ${value} 超过上限 ${limit}；不超过 ${limit}（含本数）即可符合`,
  notAbove: (label, value, limit) => `${label} ${value} 未超过 ${limit}；须大于 ${limit}（不含本数）`,
  notBelow: (label, value, limit) => `${label} ${value} 不低于 ${limit}；须低于 ${limit}（不含本数）`,
  ratioMissed: (r) =>
    `${r.part}占${r.whole}的比例为 ${r.share}（${r.partValue} ÷ ${r.wholeValue}），${r.upper ? "高于" : "低于"}要求的 ${r.percent}${r.strict ? "（不含本数）" : ""}，${r.upper ? "超出" : "差"} ${r.gap} 个百分点${r.needed ? `；${r.part}达到 ${r.needed} 即可符合` : ""}`,
  zeroWhole: (part, whole) => `${whole}为 0，无法计算${part}所占比例`,
  exclusiveLower: (kept, keptAmount, amount, tie) =>
    tie
      ? `与“${kept}”择一享受，两项同为 ${amount}，取在先的“${kept}”，本项不再计入`
      : `与“${kept}”择一享受，按就高原则取“${kept}” ${keptAmount}，本项 ${amount} 不再计入`,
  capReached: (r) =>
    `同一主体各项合计不超过 ${r.cap}，合计 ${r.sum} 超出 ${r.over}，本项 ${r.cut} 全部扣减，不再计入（“${r.quote}”）`,
  durationMissed: (r) =>
    `${r.label} ${r.date}，至评估日期 ${r.asOf} ${r.passed ? "已满" : "未满"}${r.span}（${r.deadline} 满${r.span}）；本条要求${r.wantsShort ? "不满" : "已满"}${r.span}`,
  validityWindow: (from, to) => (from && to ? `${from}至${to}` : from ? `${from}起` : `至${to}`),
  outsideValidity: (n) => {
    const why = { expired: "已过有效期", not_yet_in_force: "尚未施行" }[n.code];
    return `${n.name}的有效期为${n.window}，评估日期 ${n.asOf} ${why}，各条均不适用（“${n.quote}”）`;
  },
  whatIf: (change, adds) => (adds ? `若${change}，可再得 ${adds}` : `若${change}，即可符合`),
  setTo: (label, value) => `${label}达到 ${value}`,
  yes: (label) => `满足“${label}”`,
  entity: {
    enterprise: "企业",
    social_org: "社会组织",
    university: "高校",
    research_institute: "科研院所",
    tech_service_org: "科技服务机构",
  },
  faq: {
    onlyHas: (district, thing, has) => `${district}没有${thing}条款，只有${has}。`,
    otherHas: (district, thing, other) =>
      `${district}没有${thing}条款；${other}有，但不适用于在${district}注册经营的单位。`,
    missingIn: (named, others) => `${named}的措施中没有相关条款；以下是${others}的：`,
    notYours: (theirs, yours) => `这是${theirs}的条款，不适用于在${yours}注册经营的单位`,
    perItem: (amount, period) => `每项最高 ${amount}（${period}）`,
    source: "原文：",
    english: "English (translation, not official): ",
    colon: "：",
  },
  outsideScope: (districts) =>
    `这些措施只适用于在${districts.join("或")}注册并实际经营的主体；可用 --compare 查看在各区可获得的支持。`,
  reportHeading: (count, total) => `符合条件的支持：${count} 项，估算合计最高 ${total}`,
  nearMissHeading: "差一点符合：",
  excludedHeading: "因择一享受或合计上限不再计入：",
  possibleHeading: "可能适用（信息不足，补充后可确认）：",
  notMoneyShort: "非资金支持",
  amountOpen: "金额待定",
  amountLine: (amount, period) => `最高 ${amount}（${period}）`,
  wholePeriod: (amount) => `全周期最多 ${amount}`,
  upToSuffix: (amount) => `，最高 ${amount}`,
  aside: (text) => `（${text}）`,
  label: (name) => ({ working: "计算：", note: "说明：", whatIf: "如果：", source: "原文：" })[name],
  brief: {
    rate: (label, percent, result) => `按${label}的 ${percent} 计：${result}`,
    share: (label, percent, whole, share, result) =>
      `按${label}的 ${percent} 计，${whole}中 ${share} 有符合条件的费用覆盖：${result}`,
    capped: (line, cap) => `${line}，超过上限，按上限 ${cap} 计`,
    tier: (tier, result) => `按${tier}的标准：${result}`,
    tierShare: (tier, percent, result) => `按${tier}标准的 ${percent}：${result}`,
    difference: (tier, from, result) => `按${tier}与已获支持的${from}之差：${result}`,
    fixed: (result) => `定额：${result}`,
  },
  compare: {
    heading: "各区比较：同样的情况，假设在该区注册并实际经营（金额单位：元，均为最高额）",
    benefit: "支持事项",
    noClause: "—",
    notMoney: "非资金支持",
    open: "金额待定",
    perYear: (amount) => `${amount}/年`,
    near: (adds) => (adds ? `差一点（可得 ${adds}）` : "差一点"),
    possible: (upTo) => (upTo ? `待确认（最高 ${upTo}）` : "待确认"),
    excluded: "择一，不计入",
    count: "符合项数",
    total: "合计（最高）",
    colon: "：",
    detail: "逐项的计算和原文：把 district 改为该区，不加 --compare 再查一次。",
    overview: "逐项比较（均为最高额）",
    totals: "各区合计",
    noClauseWords: "无此条款",
    separator: "；",
    chatDetail: "要看某区逐项的计算和原文：输入 /profile，把所在区改为该区。",
  },
};

/** An English label inside a sentence ("Amount of that loan" → "amount of that loan"). */
const lower = (text: string) => text.charAt(0).toLowerCase() + text.slice(1);

const en: Catalogue = {
  list: (items) => (items.length === 2 ? items.join(" and ") : items.join(", ")),
  yuan: (amount) => `CNY ${amount}`,
  notMoney: "support in kind (a service or priority), not money",
  fixed: (amount) => `a fixed ${amount}`,
  upTo: (cap) => `up to ${cap}`,
  upToOnReview: (cap) => `up to ${cap}, set on review; the estimate takes the cap`,
  amountDepends: "the amount depends on the details",
  capNote: (cap) => ` (cap ${cap})`,
  capApplied: (formula, cap) => `${formula}, above the cap, so ${cap}`,
  matching: (ratio) => `matched 1:${ratio}: `,
  share: (figure, part, whole, partLabel, wholeLabel) =>
    `${figure} × ${partLabel.toLowerCase()} ${part} ÷ ${wholeLabel.toLowerCase()} ${whole}`,
  covered: (figure, partLabel, wholeLabel) =>
    `${figure} (${partLabel.toLowerCase()} cover all of the ${wholeLabel.toLowerCase()})`,
  openShare: (labels) =>
    `; without the ${labels.map(lower).join(" and the ")} the covered share is not known, so this is the most it can be`,
  missingFigure: (labels) => `${labels} not known yet, so no estimate`,
  tier: (tier, amount) => `${amount} for ${tier}`,
  tierShare: (tier, amount, percent, result) => `${percent} of the ${amount} for ${tier}, that is ${result}`,
  tierDifference: (tier, amount, from, fromAmount, result) =>
    `${amount} for ${tier}, less the ${fromAmount} already received for ${from}: ${result}`,
  items: (count, parts, sum) => `${count} item${count === 1 ? "" : "s"}: ${parts}, together ${sum}`,
  limit: (cap, received, room, result) =>
    `; the per-entity limit is ${cap}, ${received} already received, ${room} left, so ${result}`,
  schedule: (firstYear, later, years, total) =>
    `first year up to ${firstYear}, ${later ? `then up to ${later} a year by performance` : "later years by annual performance review"}, at most ${total} over ${years} years`,
  scheduleYear: (year, received, room, result) =>
    `; this is year ${year}, ${received} already received, ${room} left: at most ${result} this year`,
  years: (count, left, perYear, total) =>
    `; per year, for at most ${count} years, ${left} left: at most ${perYear} × ${left} = ${total}`,
  bandRange: (from, strict, upper, upperIncluded) => {
    const lower = strict ? `above ${from}` : `${from} or more`;
    return upper === null ? lower : `${lower} and ${upperIncluded ? "up to" : "under"} ${upper}`;
  },
  band: (value, range, amount) => `${value} falls in the band "${range}": ${amount}`,
  belowBands: (value, lowestEdge, reach) =>
    `${value} is below the lowest band (${lowestEdge})${reach ? `; ${reach.gap} more would reach it, which pays ${reach.amount}` : ""}`,
  nextBand: (gap, edge, amount, adds) =>
    `${gap} short of the next band (${edge}), which pays ${amount}, ${adds} more`,
  dated: (asOf, from, reference) =>
    ` (as of ${asOf}, the rate in force from ${from}${reference ? `: “${reference}”` : ""})`,
  exclusiveKept: (others, amount, quote) =>
    `; only one of this and ${quoted(others, ", ")} is paid, whichever is higher: this one, at ${amount} (“${quote}”)`,
  exclusiveOpen: (others, quote) =>
    `; only one of this and ${quoted(others, ", ")} is paid, whichever is higher (“${quote}”)`,
  capCut: (r) =>
    `; the document's benefits together pay at most ${r.cap}: the sum of ${r.sum} is ${r.over} over, so ${r.cut} comes off this one, leaving ${r.result} (“${r.quote}”)`,
  reading: (text) => `. How the wording is read: ${text}`,
  join: "; ",
  unknown: (labels) => `not known yet: ${labels}`,
  unmet: (label) => `not met yet: ${label}`,
  belowThreshold: (label, value, threshold) =>
    `${label} ${value} is below the ${threshold} threshold; ${threshold} or more (inclusive) would qualify`,
  zeroFigure: (labels) => `${labels} is 0; the clause pays on an actual figure, so it needs more than 0`,
  alreadyFunded: (tier) =>
    `already funded at ${tier}; the same level is not funded twice, a higher level earns the difference`,
  noTier: (tier) => `${tier} earns no award`,
  limitUsed: (cap) => `the cumulative limit of ${cap} is used up`,
  yearsUsed: (count) => `a project is supported for at most ${count} years, all already used`,
  totalUsed: (total, years) => `the ${years}-year total of ${total} is used up`,
  notForEntity: (allowed) => `this clause supports ${allowed} only, not your type of entity`,
  nothingDue: "the amount works out at 0 as things stand",
  aboveLimit: (label, value, limit) =>
    `${label} ${value} is above the ${limit} limit; ${limit} or less (inclusive) would qualify`,
  notAbove: (label, value, limit) =>
    `${label} ${value} is not above ${limit}; it must be more than ${limit} (exclusive)`,
  notBelow: (label, value, limit) =>
    `${label} ${value} is not below ${limit}; it must be less than ${limit} (exclusive)`,
  ratioMissed: (r) =>
    `${r.part} is ${r.share} of ${inner(r.whole)} (${r.partValue} ÷ ${r.wholeValue}), ${r.gap} percentage points ${r.upper ? "above" : "below"} the ${r.percent} required${r.strict ? " (exclusive)" : ""}${r.needed ? `; ${r.needed} of ${inner(r.part)} would qualify` : ""}`,
  zeroWhole: (_part, whole) => `${whole} is 0, so there is no share of it to compute`,
  exclusiveLower: (kept, keptAmount, amount, tie) =>
    tie
      ? `only one of this and “${kept}” is paid; both come to ${amount}, so the first, “${kept}”, is kept and this one is not counted`
      : `only one of this and “${kept}” is paid, whichever is higher: “${kept}” at ${keptAmount}, so this one's ${amount} is not counted`,
  capReached: (r) =>
    `the document's benefits together pay at most ${r.cap}: the sum of ${r.sum} is ${r.over} over, so all ${r.cut} of this one comes off and it is not counted (“${r.quote}”)`,
  durationMissed: (r) =>
    `${r.label} ${r.date}: on ${r.asOf} ${r.passed ? `${r.span} or more have` : `less than ${r.span} has`} passed (${r.span} on ${r.deadline}); the clause needs ${r.wantsShort ? `less than ${r.span}` : `at least ${r.span}`}`,
  validityWindow: (from, to) => (from && to ? `${from} to ${to}` : from ? `from ${from}` : `until ${to}`),
  outsideValidity: (n) => {
    const why = { expired: "it has expired", not_yet_in_force: "it is not in force yet" }[n.code];
    return `${n.name}: valid ${n.window}. On ${n.asOf} ${why}, so none of its clauses applies (“${n.quote}”)`;
  },
  whatIf: (change, adds) => (adds ? `${change} would add ${adds}` : `${change} would qualify`),
  setTo: (label, value) => `${label} of ${value}`,
  yes: (label) => `Meeting "${label}"`,
  entity: {
    enterprise: "enterprises",
    social_org: "social organisations",
    university: "universities",
    research_institute: "research institutes",
    tech_service_org: "technology service organisations",
  },
  faq: {
    onlyHas: (district, thing, has) => `${district} has no clause on “${thing}”; it only has: ${has}.`,
    otherHas: (district, thing, other) =>
      `${district} has no clause on “${thing}”; ${other} has one, which does not apply to entities registered in ${district}.`,
    missingIn: (named, others) => `The ${named} measures have no such clause; this is what ${others} has:`,
    notYours: (theirs, yours) =>
      `This is a ${theirs} clause; it does not apply to an entity registered in ${yours}.`,
    perItem: (amount, period) => `up to ${amount} each (${period})`,
    source: "Source (Chinese): ",
    english: "English (translation, not official): ",
    colon: ": ",
  },
  outsideScope: (districts) =>
    `These measures apply only to entities registered and operating in ${districts.join(" or ")}; use --compare to see what each district would offer.`,
  reportHeading: (count, total) => `Benefits you qualify for: ${count}, estimated total up to ${total}`,
  nearMissHeading: "Nearly qualifying:",
  excludedHeading: "Not counted (one of a group, or a cap reached):",
  possibleHeading: "Possibly applicable (more information needed):",
  notMoneyShort: "not money",
  amountOpen: "amount to be determined",
  amountLine: (amount, period) => `up to ${amount} (${period})`,
  wholePeriod: (amount) => `Over the whole period at most ${amount}`,
  upToSuffix: (amount) => `, up to ${amount}`,
  aside: (text) => ` (${text})`,
  label: (name) => ({ working: "Working: ", note: "Note: ", whatIf: "What if: ", source: "Source: " })[name],
  brief: {
    rate: (label, percent, result) => `${percent} of the ${label.toLowerCase()}: ${result}`,
    share: (label, percent, whole, share, result) =>
      `${percent} of the ${label.toLowerCase()}, for the ${share} of the ${whole.toLowerCase()} that eligible costs cover: ${result}`,
    capped: (line, cap) => `${line}, above the cap, so ${cap}`,
    tier: (tier, result) => `the award for ${tier}: ${result}`,
    tierShare: (tier, percent, result) => `${percent} of the award for ${tier}: ${result}`,
    difference: (tier, from, result) =>
      `the difference between ${tier} and ${from}, already funded: ${result}`,
    fixed: (result) => `a fixed award: ${result}`,
  },
  compare: {
    heading: "By district: the same facts, as if registered and operating there (yuan, at most)",
    benefit: "Benefit",
    noClause: "—",
    notMoney: "non-cash",
    open: "amount open",
    perYear: (amount) => `${amount}/yr`,
    near: (adds) => (adds ? `nearly (${adds})` : "nearly"),
    possible: (upTo) => (upTo ? `to confirm (up to ${upTo})` : "to confirm"),
    excluded: "one of several, not counted",
    count: "Benefits matched",
    total: "Total (at most)",
    colon: ": ",
    detail:
      "For the working and the source text of each, set district to that district and run without --compare.",
    overview: "Benefit by benefit (amounts at most)",
    totals: "Totals by district",
    noClauseWords: "no such clause",
    separator: "; ",
    chatDetail: "For one district's working and source text: type /profile and change the district to it.",
  },
};

export const CATALOGUE: Record<Lang, Catalogue> = { zh, en };

/** Titles in quotation marks, as a list inside a sentence. */
function quoted(titles: string[], separator: string): string {
  return titles.map((t) => `“${t}”`).join(separator);
}

/** An English label inside a sentence ("Last year's revenue" → "last year's revenue"). */
function inner(label: string): string {
  return /^[A-Z][a-z]/.test(label) ? `${label[0]?.toLowerCase()}${label.slice(1)}` : label;
}

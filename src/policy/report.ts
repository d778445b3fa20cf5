/**
 * Turns an evaluation into the contract's JSON shape and into a readable report
 * (Chinese by default, English on request). Shared by `advisor triage` and the dialog.
 */
import type { PolicySet } from "./load.ts";
import { formatYuan } from "./money.ts";
import type { BenefitOutcome, Evaluation, Lang } from "./outcome.ts";
import type { Period } from "./schema.ts";

/** The JSON object `triage --json` prints for one profile (CONTRACT.md section 3). */
export function toContractJson(evaluation: Evaluation, set: PolicySet, district: string, lang: Lang) {
  const item = (o: BenefitOutcome) => ({
    policy: o.policy,
    article: o.article,
    benefit: o.benefit,
    title: o.title,
    amount: o.amount,
    quote: o.quote,
    ...(o.whatIf ? { whatIf: o.whatIf } : {}),
  });
  return {
    matches: evaluation.matches.map(item),
    nearMisses: evaluation.nearMisses.map((o) => ({ ...item(o), reason: o.reason ?? "" })),
    // Only for documents with rules across benefits or dates (absent for the two real ones).
    ...(evaluation.excluded
      ? { excluded: evaluation.excluded.map((o) => ({ ...item(o), reason: o.reason ?? "" })) }
      : {}),
    ...(evaluation.adjustments ? { adjustments: evaluation.adjustments } : {}),
    ...(evaluation.notices ? { notices: evaluation.notices } : {}),
    // Compact on purpose: a sparse profile leaves most benefits possible, and batches run to 10,000 lines.
    possible: evaluation.possible.map((o) => ({
      policy: o.policy,
      article: o.article,
      benefit: o.benefit,
      title: o.title,
      upTo: o.upTo ?? null,
      unknown: o.decidingFacts,
    })),
    totals: evaluation.totals,
    caveats: caveats(set, district, lang),
  };
}

export function caveats(set: PolicySet, district: string, lang: Lang): string[] {
  const document = set.documents.find((d) => d.id === district);
  if (document) return [document.caveat[lang]];
  return [
    lang === "zh"
      ? "这两项措施只适用于在通州区（城市副中心）或石景山区注册并实际经营的主体；可用 --compare 查看在各区可获得的支持。"
      : "These measures apply only to entities registered and operating in Tongzhou (City Sub-center) or Shijingshan; use --compare to see what each district would offer.",
  ];
}

export const PERIOD: Record<Period, Record<Lang, string>> = {
  one_time: { zh: "一次性", en: "one-time" },
  annual: { zh: "每年", en: "per year" },
  multi_year: { zh: "多年", en: "multi-year" },
};

export const yuanText = (amount: number, lang: Lang) =>
  lang === "zh" ? `${formatYuan(amount)} 元` : `CNY ${formatYuan(amount)}`;

export function articleLabel(set: PolicySet, policy: string, article: number, lang: Lang): string {
  const document = set.documents.find((d) => d.id === policy);
  const heading = document?.articles.find((a) => a.number === article)?.heading ?? String(article);
  const name = document?.district[lang] ?? policy;
  return lang === "zh"
    ? `${name} ${heading}`
    : `${name}, ${policy === "tongzhou" ? "article" : "item"} ${article}`;
}

/** One benefit as a few lines: title and amount, the arithmetic, the quote. */
export function describeOutcome(o: BenefitOutcome, set: PolicySet, lang: Lang): string {
  const zh = lang === "zh";
  const amount = !o.amount.monetary
    ? zh
      ? "非资金支持"
      : "not money"
    : o.amount.max === null
      ? zh
        ? "金额待定"
        : "amount to be determined"
      : `${zh ? "最高" : "up to"} ${yuanText(o.amount.max, lang)}（${PERIOD[o.amount.period][lang]}）`;
  const lines = [
    `【${articleLabel(set, o.policy, o.article, lang)}】${o.title} — ${zh ? amount : amount.replace("（", " (").replace("）", ")")}`,
  ];
  if (o.amount.totalMax !== null) {
    lines.push(
      `  ${zh ? "全周期最多" : "Over the whole period at most"} ${yuanText(o.amount.totalMax, lang)}`,
    );
  }
  lines.push(`  ${zh ? "计算" : "Working"}：${o.amount.explanation}`.replace(/^(\s+\w+)：/, "$1: "));
  if (o.reason) lines.push(`  ${zh ? "说明" : "Note"}${zh ? "：" : ": "}${o.reason}`);
  lines.push(`  ${zh ? "原文" : "Source"}${zh ? "：" : ": "}“${o.quote}”`);
  return lines.join("\n");
}

export function renderReport(evaluation: Evaluation, set: PolicySet, district: string, lang: Lang): string {
  const zh = lang === "zh";
  const out: string[] = [];
  const total = yuanText(evaluation.totals.max, lang);
  out.push(
    zh
      ? `符合条件的支持：${evaluation.matches.length} 项，估算合计最高 ${total}`
      : `Benefits you qualify for: ${evaluation.matches.length}, estimated total up to ${total}`,
  );
  for (const notice of evaluation.notices ?? []) out.push(notice.text);
  for (const o of evaluation.matches) out.push(describeOutcome(o, set, lang));
  if (evaluation.excluded?.length) {
    out.push(zh ? "\n因择一享受或合计上限不再计入：" : "\nNot counted (one of a group, or a cap reached):");
    for (const o of evaluation.excluded) out.push(describeOutcome(o, set, lang));
  }
  if (evaluation.nearMisses.length) {
    out.push(zh ? "\n差一点符合：" : "\nNearly qualifying:");
    for (const o of evaluation.nearMisses) out.push(describeOutcome(o, set, lang));
  }
  if (evaluation.possible.length) {
    out.push(
      zh ? "\n可能适用（信息不足，补充后可确认）：" : "\nPossibly applicable (more information needed):",
    );
    for (const o of evaluation.possible) {
      const upTo =
        o.upTo == null ? "" : zh ? `，最高 ${yuanText(o.upTo, lang)}` : `, up to ${yuanText(o.upTo, lang)}`;
      out.push(`- ${articleLabel(set, o.policy, o.article, lang)} ${o.title}${upTo}`);
    }
  }
  out.push(`\n${caveats(set, district, lang).join("\n")}`);
  return out.join("\n");
}

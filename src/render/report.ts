/**
 * An evaluation as the contract's JSON shape and as a readable report (Chinese by default,
 * English on request), worded from the catalogue. Shared by `advisor triage`, the dialog and the FAQ.
 */
import { ceiling } from "../policy/amounts.ts";
import type { PolicySet } from "../policy/load.ts";
import type { BenefitOutcome, Evaluation } from "../policy/outcome.ts";
import type { Lang, Period } from "../policy/schema.ts";
import { CATALOGUE } from "./catalogue.ts";
import { explainAmount, noticeText, reasonText, type Words, whatIfText, words } from "./explain.ts";
import { money, type Units } from "./units.ts";

/** The JSON object `triage --json` prints for one profile (CONTRACT.md section 3). */
export function toContractJson(evaluation: Evaluation, set: PolicySet, district: string, lang: Lang) {
  const w = words(set, lang);
  const item = (o: BenefitOutcome) => ({
    policy: o.policy,
    article: o.article,
    benefit: o.benefit,
    title: o.title,
    amount: {
      max: o.amount.max,
      totalMax: o.amount.totalMax,
      monetary: o.amount.monetary,
      period: o.amount.period,
      explanation: amountText(o, set, w),
    },
    quote: o.quote,
    ...(o.whatIf ? { whatIf: o.whatIf } : {}),
  });
  const why = (o: BenefitOutcome) => ({ ...item(o), reason: o.reason ? reasonText(o.reason, w) : "" });
  return {
    matches: evaluation.matches.map(item),
    nearMisses: evaluation.nearMisses.map(why),
    // Only for documents with rules across benefits or dates (absent for the two real ones).
    ...(evaluation.excluded ? { excluded: evaluation.excluded.map(why) } : {}),
    ...(evaluation.adjustments ? { adjustments: evaluation.adjustments } : {}),
    ...(evaluation.notices
      ? { notices: evaluation.notices.map((n) => ({ ...n, text: noticeText(n, w) })) }
      : {}),
    // Compact on purpose: a sparse profile leaves most benefits possible, and batches run to 10,000 lines.
    possible: evaluation.possible.map((o) => ({
      policy: o.policy,
      article: o.article,
      benefit: o.benefit,
      title: o.title,
      upTo: o.upTo ?? null,
      unknown: o.decidingFacts,
      ...(o.whatIf ? { whatIf: o.whatIf } : {}),
    })),
    totals: evaluation.totals,
    caveats: caveats(set, district, lang),
  };
}

/** A match's worked amount; for a benefit not granted, the clause's ceiling only. */
export function amountText(o: BenefitOutcome, set: PolicySet, w: Words): string {
  if (o.status === "match") return explainAmount(o, set, w);
  if (!o.amount.monetary) return w.c.notMoney;
  const rule = set.documents
    .find((d) => d.id === o.policy)
    ?.articles.find((a) => a.number === o.article)
    ?.benefits.find((b) => b.id === o.benefit)?.amount;
  const cap = rule ? ceiling(rule) : null;
  return cap === null ? w.c.amountDepends : w.c.upTo(w.y(cap));
}

export function caveats(set: PolicySet, district: string, lang: Lang): string[] {
  const document = set.documents.find((d) => d.id === district);
  if (document) return [document.caveat[lang]];
  return [CATALOGUE[lang].outsideScope(set.documents.map((d) => d.district[lang]))];
}

export const PERIOD: Record<Period, Record<Lang, string>> = {
  one_time: { zh: "一次性", en: "one-time" },
  annual: { zh: "每年", en: "per year" },
  multi_year: { zh: "多年", en: "multi-year" },
};

/** An amount with its unit, in yuan unless a chat app's `units` are asked for (units.ts). */
export const yuanText = (amount: number, lang: Lang, units: Units = "yuan") => money(amount, lang, units);

/** "通州区（北京城市副中心） 第二条 …" / "Tongzhou, article 2": the numbering word is the document's. */
export function articleLabel(set: PolicySet, policy: string, article: number, lang: Lang): string {
  const document = set.documents.find((d) => d.id === policy);
  const heading = document?.articles.find((a) => a.number === article)?.heading ?? String(article);
  const name = document?.district[lang] ?? policy;
  return lang === "zh" ? `${name} ${heading}` : `${name}, ${document?.numbering ?? "item"} ${article}`;
}

/** One benefit as a few lines: title and amount, the arithmetic, why not (yet), what would change it, the quote. */
export function describeOutcome(o: BenefitOutcome, set: PolicySet, lang: Lang): string {
  const w = words(set, lang);
  const c = w.c;
  const amount = !o.amount.monetary
    ? c.notMoneyShort
    : o.status !== "match"
      ? amountText(o, set, w)
      : o.amount.max === null
        ? c.amountOpen
        : c.amountLine(yuanText(o.amount.max, lang), PERIOD[o.amount.period][lang]);
  const lines = [`【${articleLabel(set, o.policy, o.article, lang)}】${o.title} — ${amount}`];
  if (o.amount.totalMax !== null) lines.push(`  ${c.wholePeriod(yuanText(o.amount.totalMax, lang))}`);
  if (o.status === "match" && o.amount.monetary)
    lines.push(`  ${c.label("working")}${amountText(o, set, w)}`);
  if (o.reason) lines.push(`  ${c.label("note")}${reasonText(o.reason, w)}`);
  if (o.whatIf) lines.push(`  ${c.label("whatIf")}${whatIfText(o.whatIf, w)}`);
  lines.push(`  ${c.label("source")}“${o.quote}”`);
  return lines.join("\n");
}

export function renderReport(evaluation: Evaluation, set: PolicySet, district: string, lang: Lang): string {
  const c = CATALOGUE[lang];
  const w = words(set, lang);
  const out: string[] = [c.reportHeading(evaluation.matches.length, yuanText(evaluation.totals.max, lang))];
  for (const notice of evaluation.notices ?? []) out.push(noticeText(notice, w));
  for (const o of evaluation.matches) out.push(describeOutcome(o, set, lang));
  if (evaluation.excluded?.length) {
    out.push(`\n${c.excludedHeading}`);
    for (const o of evaluation.excluded) out.push(describeOutcome(o, set, lang));
  }
  if (evaluation.nearMisses.length) {
    out.push(`\n${c.nearMissHeading}`);
    for (const o of evaluation.nearMisses) out.push(describeOutcome(o, set, lang));
  }
  if (evaluation.possible.length) {
    out.push(`\n${c.possibleHeading}`);
    for (const o of evaluation.possible) {
      const upTo = o.upTo == null ? "" : c.upToSuffix(yuanText(o.upTo, lang));
      const whatIf = o.whatIf ? c.aside(whatIfText(o.whatIf, w)) : "";
      out.push(`- ${articleLabel(set, o.policy, o.article, lang)} ${o.title}${upTo}${whatIf}`);
    }
  }
  out.push(`\n${caveats(set, district, lang).join("\n")}`);
  return out.join("\n");
}

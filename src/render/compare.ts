/**
 * `triage --compare` as one table (and the chat's comparison as one overview list): a row per benefit, a column per district, the totals at the
 * bottom. The same facts are evaluated as if the entity were in each district, and a document's
 * clauses apply only in its own district, so a benefit has a figure in its own column only; the
 * others show that the district has no such clause.
 */
import type { PolicySet } from "../policy/load.ts";
import { formatYuan } from "../policy/money.ts";
import type { BenefitOutcome, Evaluation } from "../policy/outcome.ts";
import type { Lang } from "../policy/schema.ts";
import { CATALOGUE, type Catalogue } from "./catalogue.ts";
import { caveats } from "./report.ts";
import { money as moneyIn, type Units } from "./units.ts";

export type DistrictEvaluation = Evaluation & { policy: string; district: string };

export function renderCompareTable(columns: DistrictEvaluation[], set: PolicySet, lang: Lang): string {
  const c = CATALOGUE[lang];
  const header = [c.compare.benefit, ...columns.map((d) => d.district)];
  const rows = columns.flatMap((column, i) =>
    benefitRows(column, set, lang).map(({ label, outcome }) => [
      label,
      ...columns.map((_, j) => (j === i ? cell(outcome, c) : c.compare.noClause)),
    ]),
  );
  const totals = [c.compare.total, ...columns.map((d) => formatYuan(d.totals.max))];
  const counts = [c.compare.count, ...columns.map((d) => String(d.matches.length))];
  const notes = columns.flatMap((d) =>
    caveats(set, d.policy, lang).map((text) => `${d.district}${c.compare.colon}${text}`),
  );
  return [c.compare.heading, table(header, rows, [counts, totals]), "", ...notes, c.compare.detail].join(
    "\n",
  );
}

/** One part of the chat's overview: a heading and its lines, which the caller packs into sections. */
export interface OverviewPart {
  heading: string;
  blocks: string[];
  /** The part that gives the totals, which a phone shows first. */
  total?: true;
}

/**
 * The chat's comparison: the table's rows as a list a phone can show (a proportional font has
 * no columns). Each benefit is a line with every district's cell after it; the matched count
 * and the totals, district by district, come last.
 */
export function compareOverview(
  columns: DistrictEvaluation[],
  set: PolicySet,
  lang: Lang,
  units: Units = "yuan",
): OverviewPart[] {
  const c = CATALOGUE[lang];
  const t = c.compare;
  const money = (yuan: number) => moneyIn(yuan, lang, units);
  const across = (cells: string[]) =>
    cells.map((text, i) => `${columns[i]?.district ?? ""}${t.colon}${text}`).join(t.separator);
  const rows = columns.flatMap((column, i) =>
    benefitRows(column, set, lang).map(
      ({ label, outcome }) =>
        `• ${label}\n  ${across(columns.map((_, j) => (j === i ? cell(outcome, c, money) : t.noClauseWords)))}`,
    ),
  );
  const totals = [
    `■ ${t.count}\n  ${across(columns.map((d) => String(d.matches.length)))}`,
    `■ ${t.total}\n  ${across(columns.map((d) => money(d.totals.max)))}`,
  ];
  return [
    { heading: t.overview, blocks: rows },
    { heading: t.totals, blocks: totals, total: true },
  ];
}

/** The district's benefits that apply at all, in the document's order. */
function benefitRows(column: DistrictEvaluation, set: PolicySet, lang: Lang) {
  const outcomes = [...column.matches, ...(column.excluded ?? []), ...column.nearMisses, ...column.possible];
  const byId = new Map(outcomes.map((o) => [`${o.article}:${o.benefit}`, o]));
  const document = set.documents.find((d) => d.id === column.policy);
  return (document?.articles ?? []).flatMap((article) =>
    article.benefits.flatMap((benefit) => {
      const outcome = byId.get(`${article.number}:${benefit.id}`);
      if (!outcome) return [];
      const ref =
        lang === "zh"
          ? (article.heading.split(/\s/)[0] ?? "")
          : `${document?.numbering ?? "item"} ${article.number}`;
      return [{ label: `${ref} ${outcome.title}`, outcome }];
    }),
  );
}

/** `money` writes an amount: a bare figure under the table's "yuan" heading, with its unit in the chat. */
function cell(o: BenefitOutcome, c: Catalogue, money: (yuan: number) => string = formatYuan): string {
  const t = c.compare;
  switch (o.status) {
    case "match":
      if (!o.amount.monetary) return t.notMoney;
      if (o.amount.max === null) return t.open;
      return o.amount.period === "annual" ? t.perYear(money(o.amount.max)) : money(o.amount.max);
    case "near_miss":
      return t.near(o.whatIf?.adds == null ? null : money(o.whatIf.adds));
    case "possible":
      return t.possible(o.upTo == null ? null : money(o.upTo));
    case "excluded":
      return t.excluded;
    case "no":
      return t.noClause;
  }
}

/** Fixed-width columns for a terminal: Chinese characters take two cells. Amounts align right. */
function table(header: string[], rows: string[][], footer: string[][]): string {
  const all = [header, ...rows, ...footer];
  const widths = header.map((_, i) => Math.max(...all.map((r) => width(r[i] ?? ""))));
  const line = (r: string[]) =>
    r
      .map((text, i) => (i === 0 ? pad(text, widths[i] ?? 0, "left") : pad(text, widths[i] ?? 0, "right")))
      .join("  ")
      .trimEnd();
  const rule = widths.map((w) => "-".repeat(w)).join("  ");
  return [line(header), rule, ...rows.map(line), rule, ...footer.map(line)].join("\n");
}

const WIDE = /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/u;

export function width(text: string): number {
  let n = 0;
  for (const ch of text) n += WIDE.test(ch) ? 2 : 1;
  return n;
}

function pad(text: string, to: number, align: "left" | "right"): string {
  const fill = " ".repeat(Math.max(0, to - width(text)));
  return align === "left" ? text + fill : fill + text;
}

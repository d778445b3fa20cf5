/**
 * The flat table staff get back (CONTRACT.md section 9), shared by `triage --sheet --out` and
 * `records export`: id, name, district, totalMax, one column per benefit holding its
 * `amount.max` (blank when not matched, never 0 for that), readable matches and near misses,
 * and the row's error.
 */
import type { PolicySet } from "../policy/load.ts";
import type { Lang } from "../policy/outcome.ts";
import { articleLabel, yuanText } from "../render/report.ts";

/** A benefit column, with what the "说明" sheet says about it. */
export interface BenefitColumn {
  key: string;
  header: string;
  clause: string;
  quote: string;
  caveat: string;
}

/** The parts of a `triage --json` object the table shows; records from older versions may lack some. */
export interface ResultLike {
  matches?: OutcomeLike[];
  nearMisses?: (OutcomeLike & { reason?: string })[];
  totals?: { max?: number };
}
export interface OutcomeLike {
  policy: string;
  article: number;
  benefit: string;
  title: string;
  amount: { max: number | null; monetary: boolean };
}

/** What one table row is made from. */
export interface RowSource {
  id?: string;
  name?: string;
  district?: string;
  result?: ResultLike;
  error?: string;
}

/** A cell of the written table: numbers stay numbers so a spreadsheet can sum them. */
export type OutCell = string | number | null;

export const LEADING_COLUMNS = ["id", "name", "district", "totalMax"] as const;
export const TRAILING_COLUMNS = ["matches", "nearMisses", "error"] as const;

const benefitKey = (policy: string, article: number, benefit: string) => `${policy}:${article}:${benefit}`;

/** Every benefit of every document, in document and article order, so columns never move between sheets. */
export function benefitColumns(set: PolicySet, lang: Lang): BenefitColumn[] {
  return set.documents.flatMap((document) =>
    document.articles.flatMap((article) =>
      article.benefits.map((benefit) => ({
        key: benefitKey(document.id, article.number, benefit.id),
        header:
          lang === "zh"
            ? `${benefit.title.zh}（${document.id}:${article.number}）`
            : `${benefit.title.en} (${document.id}:${article.number})`,
        clause: articleLabel(set, document.id, article.number, lang),
        quote: benefit.quote,
        caveat: document.caveat[lang],
      })),
    ),
  );
}

export interface Layout {
  header: string[];
  benefits: BenefitColumn[];
  /** Indexes of the columns holding yuan (totalMax and the benefits), for number formats. */
  yuanColumns: number[];
}

export function tableLayout(set: PolicySet, lang: Lang, before: readonly string[] = []): Layout {
  const benefits = benefitColumns(set, lang);
  const header = [...before, ...LEADING_COLUMNS, ...benefits.map((b) => b.header), ...TRAILING_COLUMNS];
  const first = before.length + LEADING_COLUMNS.length - 1;
  return { header, benefits, yuanColumns: Array.from({ length: benefits.length + 1 }, (_, i) => first + i) };
}

/** One row of the table, in `layout`'s column order (after any `before` columns the caller adds). */
export function tableRow(source: RowSource, layout: Layout, lang: Lang): OutCell[] {
  const identity = [source.id ?? null, source.name ?? null];
  if (source.error !== undefined) {
    return [...identity, null, null, ...layout.benefits.map(() => null), null, null, source.error];
  }
  const matches = source.result?.matches ?? [];
  const byKey = new Map(matches.map((m) => [benefitKey(m.policy, m.article, m.benefit), m]));
  const cells = layout.benefits.map((b): OutCell => {
    const m = byKey.get(b.key);
    if (!m) return null;
    return (
      m.amount.max ??
      (lang === "zh"
        ? m.amount.monetary
          ? "金额待定"
          : "非资金支持"
        : m.amount.monetary
          ? "amount to be determined"
          : "not money")
    );
  });
  // Named as the benefit columns are (title and policy:article); one per line.
  const zh = lang === "zh";
  const label = (o: OutcomeLike) =>
    zh ? `${o.title}（${o.policy}:${o.article}）` : `${o.title} (${o.policy}:${o.article})`;
  const matchText = matches.map((m) => `${label(m)}${zh ? "：" : ": "}${amountText(m, lang)}`).join("\n");
  const nearText = (source.result?.nearMisses ?? [])
    .map((o) => (o.reason ? `${label(o)}${zh ? "：" : ": "}${o.reason}` : label(o)))
    .join("\n");
  return [
    ...identity,
    source.district ?? null,
    source.result?.totals?.max ?? null,
    ...cells,
    matchText || null,
    nearText || null,
    null,
  ];
}

function amountText(o: OutcomeLike, lang: Lang): string {
  if (!o.amount.monetary) return lang === "zh" ? "非资金支持" : "not money";
  if (o.amount.max === null) return lang === "zh" ? "金额待定" : "amount to be determined";
  return `${lang === "zh" ? "最高" : "up to"} ${yuanText(o.amount.max, lang)}`;
}

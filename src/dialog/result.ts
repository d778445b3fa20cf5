/**
 * The result reply: benefits grouped by district and article, each with its amount, the worked
 * formula, the period and the verbatim quote; then near misses, possible benefits with their
 * "up to", and the documents' caveats. Comparing districts, one overview instead (render/compare.ts:
 * a line per benefit with every district's figure, the totals last). Sections stay small so adapters can split a long result
 * (Telegram 4,096 characters a message, Slack 3,000 a section).
 */
import type { PolicySet } from "../policy/load.ts";
import type { BenefitOutcome } from "../policy/outcome.ts";
import { OUTSIDE } from "../policy/profile.ts";
import { CATALOGUE } from "../render/catalogue.ts";
import { compareOverview } from "../render/compare.ts";
import { briefAmount, noticeText, reasonText, whatIfText, words } from "../render/explain.ts";
import { amountText, articleLabel, PERIOD, toContractJson, yuanText } from "../render/report.ts";
import type { Units } from "../render/units.ts";
import type { DistrictEvaluation } from "./planner.ts";
import { TEXT } from "./text.ts";
import type { Lang, Reply, ResultSection } from "./types.ts";

/** Well under Slack's 3,000 characters a section, leaving room for the heading and markup. */
export const MAX_SECTION_CHARS = 2_500;

export interface ResultOptions {
  /** Asked for before every question was answered. */
  early: boolean;
  /** District "other": each evaluation is "as if" in that district. */
  compare: boolean;
  /** How amounts are written: a chat app's style on Telegram and Slack (render/units.ts). */
  units?: Units;
}

export function resultReply(
  evaluations: DistrictEvaluation[],
  set: PolicySet,
  lang: Lang,
  options: ResultOptions,
): Extract<Reply, { kind: "result" }> {
  const t = TEXT[lang];
  const units = options.units ?? "yuan";
  const sections: ResultSection[] = options.compare
    ? compareSections(evaluations, set, lang, units)
    : evaluations.flatMap((e) => districtSections(e, set, lang, units));
  const cited = evaluations
    .map((e) => set.documents.find((d) => d.id === e.policy))
    .filter((d) => d !== undefined);
  const detail = options.compare ? [CATALOGUE[lang].compare.chatDetail] : [];
  sections.push(...split(t.caveatsHeading, [...cited.map((d) => d.caveat[lang]), t.estimates, ...detail]));
  return {
    kind: "result",
    title: options.compare ? t.compareTitle : options.early ? t.earlyResultTitle : t.resultTitle,
    sections,
    footer: options.early ? t.earlyFooter : t.footer,
  };
}

/** Comparing: one overview, benefit by benefit and district by district, the totals last (as the
 * CLI's `--compare` table), then any district's notices. */
function compareSections(
  evaluations: DistrictEvaluation[],
  set: PolicySet,
  lang: Lang,
  units: Units,
): ResultSection[] {
  const columns = evaluations.map(({ policy, evaluation }) => ({
    ...evaluation,
    policy,
    district: districtName(set, policy, lang),
  }));
  const overview = compareOverview(columns, set, lang, units).flatMap((p) =>
    split(p.heading, p.blocks, "\n").map((s) => (p.total ? { ...s, total: p.total } : s)),
  );
  const w = words(set, lang, units);
  const notices = columns.flatMap((d) =>
    (d.notices ?? []).map((n) => ({ heading: d.district, body: noticeText(n, w) })),
  );
  return [...overview, ...notices];
}

/** One district's part: its summary, matches by article with the working and the quote, notices,
 * benefits not counted, near misses and possible ones. */
function districtSections(
  { policy, evaluation }: DistrictEvaluation,
  set: PolicySet,
  lang: Lang,
  units: Units,
) {
  const t = TEXT[lang];
  const sections: ResultSection[] = [];
  const name = districtName(set, policy, lang);
  const total = yuanText(evaluation.totals.max, lang, units);
  sections.push({
    heading: name,
    body: evaluation.matches.length ? t.districtSummary(evaluation.matches.length, total) : t.districtNone,
    total: true,
  });
  // A section per benefit, so each keeps its own working and quote to fold.
  for (const o of evaluation.matches) {
    sections.push(...benefitSections(articleHeading(set, policy, o.article, lang), o, set, lang, units));
  }
  const w = words(set, lang, units);
  for (const notice of evaluation.notices ?? [])
    sections.push({ heading: name, body: noticeText(notice, w) });
  const excluded = (evaluation.excluded ?? []).map(
    (o) =>
      `• ${articleHeading(set, o.policy, o.article, lang)} · ${o.title}${t.colon}${o.reason ? reasonText(o.reason, w) : ""}`,
  );
  sections.push(...split(`${name} · ${t.excludedHeading}`, excluded, "\n"));
  const near = evaluation.nearMisses.map((o) => {
    const why = o.reason ? reasonText(o.reason, w) : "";
    const whatIf = o.whatIf ? `${w.c.join}${whatIfText(o.whatIf, w)}` : "";
    return `• ${articleHeading(set, o.policy, o.article, lang)} · ${o.title}${t.colon}${why}${whatIf}`;
  });
  sections.push(...split(`${name} · ${t.nearMissHeading}`, near, "\n"));
  const possible = evaluation.possible.map((o) => describePossible(o, set, lang, units));
  sections.push(...split(`${name} · ${t.possibleHeading}`, possible, "\n"));
  return sections;
}

/** The reply for an entity outside every district that chose not to compare. */
export function outsideReply(set: PolicySet, lang: Lang): Extract<Reply, { kind: "result" }> {
  const t = TEXT[lang];
  return {
    kind: "result",
    title: t.resultTitle,
    sections: [{ heading: t.caveatsHeading, body: t.outsideScope(districtNames(set, lang)) }],
    footer: t.footer,
  };
}

/** What a triage record keeps: the contract's JSON shape, per district when comparing. */
export function recordResult(evaluations: DistrictEvaluation[], set: PolicySet, lang: Lang): unknown {
  const shaped = evaluations.map((e) => ({
    policy: e.policy,
    ...toContractJson(e.evaluation, set, e.policy, lang),
  }));
  return shaped.length === 1 ? shaped[0] : { compared: shaped };
}

export function recordOutside(set: PolicySet, lang: Lang): unknown {
  const scope = TEXT[lang].outsideScope(districtNames(set, lang));
  return {
    district: OUTSIDE,
    matches: [],
    nearMisses: [],
    possible: [],
    totals: { max: 0 },
    caveats: [scope],
  };
}

export function districtNames(set: PolicySet, lang: Lang): string {
  return set.documents.map((d) => d.district[lang]).join(lang === "zh" ? "或" : " or ");
}

const districtName = (set: PolicySet, policy: string, lang: Lang) =>
  set.documents.find((d) => d.id === policy)?.district[lang] ?? policy;

/** "第二条 支持数据基础设施建设" / "article 2 · Data infrastructure": the district is in the section above. */
function articleHeading(set: PolicySet, policy: string, article: number, lang: Lang): string {
  const ref = articleLabel(set, policy, article, lang)
    .replace(districtName(set, policy, lang), "")
    .replace(/^[\s,，]+/, "");
  const title = set.documents.find((d) => d.id === policy)?.articles.find((a) => a.number === article)?.title[
    lang
  ];
  return title && !ref.includes(title) ? `${ref} · ${title}` : ref;
}

/** A matched benefit: what it is and how much in the body, the working and the quote as its
 * detail (a very long detail goes on in further sections under the same heading). */
function benefitSections(
  heading: string,
  o: BenefitOutcome,
  set: PolicySet,
  lang: Lang,
  units: Units,
): ResultSection[] {
  const t = TEXT[lang];
  const w = words(set, lang, units);
  const lines = [`■ ${o.title}`];
  if (!o.amount.monetary) lines.push(t.notMoney);
  else if (o.amount.max === null) lines.push(t.amountUnknown);
  else lines.push(t.amountLine(w.money(o.amount.max), PERIOD[o.amount.period][lang]));
  if (o.amount.totalMax !== null) lines.push(t.totalMax(w.money(o.amount.totalMax)));
  const detail = [`${t.source}${t.colon}“${o.quote}”`];
  if (o.amount.monetary) detail.unshift(`${t.working}${t.colon}${amountText(o, set, w)}`);
  const brief = o.amount.max === null ? undefined : briefAmount(o, w);
  return chop(detail.join("\n")).map((piece, i) => ({
    heading,
    body: i === 0 ? lines.join("\n") : "",
    detail: piece,
    ...(i === 0 && brief ? { brief } : {}),
  }));
}

function describePossible(o: BenefitOutcome, set: PolicySet, lang: Lang, units: Units): string {
  const t = TEXT[lang];
  const w = words(set, lang, units);
  const upTo = typeof o.upTo === "number" ? `${t.colon}${t.upTo(w.money(o.upTo))}` : "";
  const notes = [o.reason ? reasonText(o.reason, w) : "", o.whatIf ? whatIfText(o.whatIf, w) : ""];
  const said = notes.filter(Boolean).join(w.c.join);
  const reason = said ? `（${said}）` : "";
  const line = `• ${articleHeading(set, o.policy, o.article, lang)} · ${o.title}${upTo}${reason}`;
  return lang === "zh" ? line : line.replace("（", " (").replace(/）$/, ")");
}

/** Blocks under one heading, packed into as few sections as fit the size limit. */
function split(heading: string, blocks: string[], separator = "\n\n"): ResultSection[] {
  const sections: ResultSection[] = [];
  let body = "";
  for (const block of blocks.flatMap((b) => chop(b))) {
    if (body && body.length + separator.length + block.length > MAX_SECTION_CHARS) {
      sections.push({ heading, body });
      body = "";
    }
    body = body ? `${body}${separator}${block}` : block;
  }
  if (body) sections.push({ heading, body });
  return sections;
}

/** A single block too long for a section (a very long quote) is cut at line ends, then hard. */
function chop(block: string): string[] {
  if (block.length <= MAX_SECTION_CHARS) return [block];
  const pieces: string[] = [];
  for (let i = 0; i < block.length; i += MAX_SECTION_CHARS)
    pieces.push(block.slice(i, i + MAX_SECTION_CHARS));
  return pieces;
}

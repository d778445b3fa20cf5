/**
 * Traces and reason codes (src/policy/trace.ts) into sentences, in Chinese or English, from the
 * catalogue. The one place the advisor's arithmetic becomes words, for every surface.
 */
import type { PolicySet } from "../policy/load.ts";
import { formatPercent } from "../policy/money.ts";
import type { BenefitOutcome, Notice, WhatIf } from "../policy/outcome.ts";
import type { Lang } from "../policy/schema.ts";
import type { AmountTrace, BandRef, Base, BenefitRef, NextBand, Reason, TierRef } from "../policy/trace.ts";
import { CATALOGUE, type Catalogue } from "./catalogue.ts";
import { formatDate, formatDuration } from "./dates.ts";
import { figure, money, type Units } from "./units.ts";

export interface Words {
  lang: Lang;
  c: Catalogue;
  label(path: string): string;
  /** A fact's value as its type reads: yuan grouped, a percentage, a plain number. */
  show(path: string, value: number): string;
  /** A document's title, or one of its benefits' when `benefit` is given (an id). */
  title(policy: string, benefit?: string): string;
  /** An amount as a formula shows it, and with its unit, in the surface's style (units.ts). */
  y(amount: number): string;
  money(amount: number): string;
}

/** One Words per set and language: a batch renders 10,000 profiles with the same few. */
const made = new WeakMap<PolicySet, Partial<Record<`${Lang}:${Units}`, Words>>>();

/** `units`: yuan for the console, the CLI and records; a chat app's style on Telegram and Slack. */
export function words(set: PolicySet, lang: Lang, units: Units = "yuan"): Words {
  const forSet = made.get(set) ?? {};
  if (!made.has(set)) made.set(set, forSet);
  forSet[`${lang}:${units}`] ??= makeWords(set, lang, units);
  return forSet[`${lang}:${units}`] as Words;
}

function makeWords(set: PolicySet, lang: Lang, units: Units): Words {
  const y = (amount: number) => figure(amount, lang, units);
  return {
    lang,
    c: CATALOGUE[lang],
    y,
    money: (amount) => money(amount, lang, units),
    label: (path) => set.facts.get(path)?.label[lang] ?? path,
    show: (path, value) => {
      const type = set.facts.get(path)?.type;
      if (type === "percent") return `${Number(value.toFixed(4))}%`;
      return type === "amount" ? y(value) : String(value);
    },
    title: (policy, benefit) => {
      const document = set.documents.find((d) => d.id === policy);
      if (benefit === undefined) return document?.title[lang] ?? policy;
      for (const article of document?.articles ?? [])
        for (const b of article.benefits) if (b.id === benefit) return b.title[lang];
      return benefit;
    },
  };
}

/** The worked amount of a match: the computation, the years, and how the wording is read. */
export function explainAmount(outcome: BenefitOutcome, set: PolicySet, w: Words): string {
  let text = explainTrace(outcome.trace, w);
  const years = outcome.years;
  if (years && years.left > 0)
    text += w.c.years(years.count, years.left, w.y(years.perYear), w.y(years.total));
  const reading = readingOf(outcome, set)?.[w.lang];
  if (reading) text += w.c.reading(reading);
  return text;
}

function readingOf(outcome: BenefitOutcome, set: PolicySet) {
  return set.documents
    .find((d) => d.id === outcome.policy)
    ?.articles.find((a) => a.number === outcome.article)
    ?.benefits.find((b) => b.id === outcome.benefit)?.reading;
}

/** `inner`: one item of a per-item award, said briefly ("up to 200,000"), the review said once. */
export function explainTrace(trace: AmountTrace, w: Words, inner = false): string {
  const { c } = w;
  switch (trace.kind) {
    case "none":
      return c.notMoney;
    case "fixed":
      return inner ? w.y(trace.amount) : c.fixed(w.y(trace.amount));
    case "upTo":
      return inner ? c.upTo(w.y(trace.cap)) : c.upToOnReview(w.y(trace.cap));
    case "rate":
    case "matching": {
      const factor = trace.kind === "rate" ? formatPercent(trace.factor) : String(trace.factor);
      const prefix = trace.kind === "matching" ? c.matching(trace.factor) : "";
      const formula =
        trace.kind === "matching" && trace.factor === 1
          ? `${prefix}${base(trace.base, w)}`
          : `${prefix}${base(trace.base, w)} × ${factor} = ${w.y(trace.raw)}`;
      let text =
        trace.cap !== undefined && trace.raw > trace.cap
          ? c.capApplied(formula, w.y(trace.cap))
          : `${formula}${trace.cap === undefined ? "" : c.capNote(w.y(trace.cap))}`;
      if (trace.base.kind === "openShare") text += c.openShare(trace.base.open.map(w.label));
      return text;
    }
    case "tier": {
      const name = tierName(trace.tier, w);
      if (trace.from) {
        const own = trace.percent === undefined ? trace.amount : trace.result + trace.from.amount;
        return c.tierDifference(
          name,
          w.y(own),
          tierName(trace.from, w),
          w.y(trace.from.amount),
          w.y(trace.result),
        );
      }
      if (trace.percent !== undefined)
        return c.tierShare(name, w.y(trace.amount), formatPercent(trace.percent), w.y(trace.result));
      return c.tier(name, w.y(trace.amount));
    }
    case "items": {
      const parts = trace.each.map((e) => explainTrace(e, w, trace.each.length > 1));
      const distinct = new Set(parts);
      const listed =
        distinct.size === 1 && parts.length > 1 ? `${parts.length} × ${parts[0]}` : parts.join(" + ");
      let text = parts.length === 1 ? (parts[0] ?? "") : c.items(parts.length, listed, w.y(trace.sum));
      if (trace.limit)
        text += c.limit(
          w.y(trace.limit.cap),
          w.y(trace.limit.received),
          w.y(trace.limit.room),
          w.y(trace.result),
        );
      return text;
    }
    case "schedule": {
      let text = c.schedule(
        w.y(trace.firstYear),
        trace.laterYearCap === undefined ? null : w.y(trace.laterYearCap),
        trace.years,
        w.y(trace.total),
      );
      if (trace.year > 1 || trace.received > 0)
        text += c.scheduleYear(
          trace.year,
          w.y(trace.received),
          w.y(Math.max(0, trace.total - trace.received)),
          w.y(trace.result),
        );
      return text;
    }
    case "unknown": {
      const labels = c.list(trace.missing.map(w.label));
      return trace.missing.length ? c.missingFigure(labels) : c.notMoney;
    }
    case "band": {
      const upper = trace.upper;
      const range = c.bandRange(
        w.y(trace.band.from),
        trace.band.strict === true,
        upper ? w.y(upper.from) : null,
        upper?.strict === true,
      );
      return withNext(c.band(w.y(trace.value), range, w.y(trace.band.amount)), trace.next, w);
    }
    case "belowBands":
      return belowBands(trace, w);
    case "exclusiveKept":
      return `${explainTrace(trace.inner, w, inner)}${c.exclusiveKept(titles(trace.others, w), w.y(trace.result), trace.quote)}`;
    case "exclusiveOpen":
      return `${explainTrace(trace.inner, w, inner)}${c.exclusiveOpen(titles(trace.others, w), trace.quote)}`;
    case "capCut": {
      const cut = {
        cap: w.y(trace.cap),
        sum: w.y(trace.sum),
        over: w.y(trace.sum - trace.cap),
        cut: w.y(trace.cut),
      };
      return `${explainTrace(trace.inner, w, inner)}${c.capCut({ ...cut, result: w.y(trace.result), quote: trace.quote })}`;
    }
    case "dated": {
      const date = (d: string) => formatDate(d, w.lang);
      const note = c.dated(date(trace.asOf), date(trace.from), trace.reference ?? null);
      return `${explainTrace(trace.inner, w, inner)}${note}`;
    }
  }
}

/** Other benefits of a group by their titles, in the reader's language. */
const titles = (refs: BenefitRef[], w: Words) => refs.map((r) => w.title(r.policy, r.benefit));

/** "50,000,000（含）以上" / "above 50,000,000": a band's lower edge as the clause words it. */
const bandEdge = (band: BandRef, w: Words) =>
  w.c.bandRange(w.y(band.from), band.strict === true, null, false);

/** Below the lowest band, and (the next band up being the lowest) what reaching it pays. */
function belowBands(below: { value: number; lowest: BandRef; next?: NextBand }, w: Words): string {
  const reach = below.next ? { gap: w.y(below.next.gap), amount: w.y(below.next.band.amount) } : null;
  return w.c.belowBands(w.y(below.value), bandEdge(below.lowest, w), reach);
}

/** A band and, when one pays more, how far the next band up is and what it adds. */
const withNext = (text: string, next: NextBand | undefined, w: Words) =>
  next
    ? `${text}${w.c.join}${w.c.nextBand(w.y(next.gap), bandEdge(next.band, w), w.y(next.band.amount), w.y(next.adds))}`
    : text;

function base(b: Base, w: Words): string {
  switch (b.kind) {
    case "fact":
    case "openShare":
      return w.y(b.figure.value);
    case "share":
      return b.covered
        ? w.c.covered(w.y(b.figure.value), w.label(b.part.fact), w.label(b.whole.fact))
        : w.c.share(
            w.y(b.figure.value),
            w.y(b.part.value),
            w.y(b.whole.value),
            w.label(b.part.fact),
            w.label(b.whole.fact),
          );
  }
}

const tierName = (tier: TierRef, w: Words) => tier.label?.[w.lang] ?? String(tier.key);

/** Why a benefit is a near miss or still open. */
export function reasonText(reason: Reason, w: Words): string {
  const { c } = w;
  switch (reason.code) {
    case "unknown":
      return c.unknown(c.list(reason.facts.map(w.label)));
    case "unmet":
      return c.unmet(w.label(reason.fact));
    case "belowThreshold":
      return c.belowThreshold(
        w.label(reason.fact),
        w.show(reason.fact, reason.value),
        w.show(reason.fact, reason.threshold),
      );
    case "zeroFigure":
      return c.zeroFigure(c.list(reason.facts.map(w.label)));
    case "alreadyFunded":
      return c.alreadyFunded(tierName(reason.tier, w));
    case "noTier":
      return c.noTier(tierName(reason.tier, w));
    case "limitUsed":
      return c.limitUsed(w.y(reason.cap));
    case "yearsUsed":
      return c.yearsUsed(reason.count);
    case "totalUsed":
      return c.totalUsed(w.y(reason.total), reason.years);
    case "notForEntity":
      return c.notForEntity(c.list(reason.allowed.map((t) => c.entity[t] ?? t)));
    case "nothingDue":
      return c.nothingDue;
    case "boundMissed": {
      const say = { atMost: c.aboveLimit, above: c.notAbove, below: c.notBelow }[reason.bound];
      return say(w.label(reason.fact), w.show(reason.fact, reason.value), w.show(reason.fact, reason.limit));
    }
    case "ratioMissed":
      return c.ratioMissed({
        part: w.label(reason.part.fact),
        whole: w.label(reason.whole.fact),
        partValue: w.y(reason.part.value),
        wholeValue: w.y(reason.whole.value),
        share: `${reason.share}%`,
        percent: `${reason.percent}%`,
        gap: reason.gap,
        upper: reason.bound === "atMost" || reason.bound === "below",
        strict: reason.bound === "above" || reason.bound === "below",
        needed: reason.needed === undefined ? null : w.y(reason.needed),
      });
    case "zeroWhole":
      return c.zeroWhole(w.label(reason.part), w.label(reason.whole));
    case "durationMissed":
      return c.durationMissed({
        label: w.label(reason.fact),
        date: formatDate(reason.date, w.lang),
        asOf: formatDate(reason.asOf, w.lang),
        deadline: formatDate(reason.deadline, w.lang),
        span: formatDuration(reason.duration, w.lang),
        passed: reason.asOf >= reason.deadline,
        wantsShort: reason.bound === "below" || reason.bound === "atMost",
      });
    case "belowBands":
      return belowBands(reason, w);
    case "exclusiveLower":
      return c.exclusiveLower(
        w.title(reason.kept.policy, reason.kept.benefit),
        w.y(reason.keptAmount),
        w.y(reason.amount),
        reason.keptAmount === reason.amount,
      );
    case "capReached":
      return c.capReached({
        cap: w.y(reason.cap),
        sum: w.y(reason.sum),
        over: w.y(reason.sum - reason.cap),
        cut: w.y(reason.cut),
        quote: reason.quote,
      });
  }
}

/** "若DCMM 认证等级达到 4，可再得 50,000 元" / "DCMM certified level of 4 would add CNY 50,000". */
export function whatIfText(whatIf: WhatIf, w: Words): string {
  const { c } = w;
  const label = w.label(whatIf.fact);
  const change =
    whatIf.value === true ? c.yes(label) : c.setTo(label, valueText(whatIf.value, whatIf.fact, w));
  return c.whatIf(change, whatIf.adds === null ? null : w.money(whatIf.adds));
}

const valueText = (value: unknown, path: string, w: Words) =>
  typeof value === "number" ? w.show(path, value) : String(value);

/** A document outside its validity window on the evaluation date, with the words that set it. */
export function noticeText(notice: Notice, w: Words): string {
  const date = (d: string | null) => (d === null ? null : formatDate(d, w.lang));
  return w.c.outsideValidity({
    name: w.title(notice.policy),
    window: w.c.validityWindow(date(notice.from), date(notice.to)),
    asOf: formatDate(notice.asOf, w.lang),
    code: notice.code,
    quote: notice.quote,
  });
}

/** A match's working as one plain line for a phone ("按担保费的 50% 计，…：30,000 元"); undefined
 * for kinds whose working does not fit a line (items, schedules, bands): the detail says it all. */
export function briefAmount(outcome: BenefitOutcome, w: Words): string | undefined {
  const { c } = w;
  const money = (yuan: number) => w.money(yuan);
  const trace = outcome.trace;
  switch (trace.kind) {
    case "fixed":
      return c.brief.fixed(money(trace.amount));
    case "tier": {
      const name = tierName(trace.tier, w);
      if (trace.from) return c.brief.difference(name, tierName(trace.from, w), money(trace.result));
      if (trace.percent !== undefined)
        return c.brief.tierShare(name, formatPercent(trace.percent), money(trace.result));
      return c.brief.tier(name, money(trace.result));
    }
    case "rate": {
      const b = trace.base;
      const label = w.label(b.figure.fact);
      const percent = formatPercent(trace.factor);
      const raw = money(trace.raw);
      const line =
        b.kind === "share" && !b.covered
          ? c.brief.share(label, percent, w.label(b.whole.fact), shareOf(b.part.value, b.whole.value), raw)
          : c.brief.rate(label, percent, raw);
      return trace.cap !== undefined && trace.raw > trace.cap ? c.brief.capped(line, money(trace.cap)) : line;
    }
    default:
      return undefined;
  }
}

/** part ÷ whole as a percentage with at most two decimals. */
const shareOf = (part: number, whole: number) => `${Number(((part / whole) * 100).toFixed(2))}%`;

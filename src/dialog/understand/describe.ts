/**
 * Reads a description in one message ("我们是石景山的数据公司，DCMM三级，有个市级重点实验室，
 * 担保费还不清楚") into the facts it states and the facts it says are not known. Each figure is
 * bound to the nearest word of a fact that takes figures; yes/no facts are stated by their
 * phrases (negated or not); options and levels go to the nearest fact that has them. A fact the
 * text does not state stays absent: nothing is guessed.
 */
import type { PolicySet } from "../../policy/load.ts";
import { getPath, setPath } from "../../policy/paths.ts";
import { OUTSIDE } from "../../policy/profile.ts";
import type { Fact } from "../../policy/schema.ts";
import { leanYesNo, negatedAfter, negatedAt, planned, saysDone, saysUnknown } from "./hedges.ts";
import { detectLang, type Lang } from "./lang.ts";
import { norm, sentenceIds } from "./normalize.ts";
import { findEnglishNumberWords, findNumbers, type NumberMention } from "./numbers.ts";
import { readRecords } from "./records.ts";
import { type Mention, scan } from "./scan.ts";
import type { Target } from "./vocab.ts";
import { vocabularyOf } from "./vocab.ts";

export interface Understanding {
  lang: Lang;
  profile: Record<string, unknown>;
  unknown: string[];
  /** Facts the text rules out every value of, where none can be stored ("还没做过DCMM认证": a
   * DCMM level is 1-5): answered, with nothing in `profile`. Not part of `understand`'s output. */
  none?: string[];
  /** Facts the text states at their default value ("我们是一家公司": an enterprise): answered, left
   * out of `profile` (CONTRACT.md section 7's example has no entityType). Not part of the output. */
  defaults?: string[];
  /** Figures taken by words of no fact ("奖金20万", "公司总营收两个亿"). Not part of the output. */
  sunk?: number[];
}

/** Where one thing said ends: figures and "don't know" bind within it. */
export const PART_END = /[。；;！!？?\n，,、]|\.(?=\s|$)|\s(?:but|while|whereas)\s/g;

interface Part {
  start: number;
  end: number;
}

function partsOf(s: string): Part[] {
  const parts: Part[] = [];
  let start = 0;
  PART_END.lastIndex = 0;
  for (let m = PART_END.exec(s); m; m = PART_END.exec(s)) {
    // A comma inside a number ("1,200万") does not end a part.
    if (
      (m[0] === "," || m[0] === "，") &&
      /\d/.test(s[m.index - 1] ?? "") &&
      /^\d{3}(?!\d)/.test(s.slice(m.index + 1))
    )
      continue;
    parts.push({ start, end: m.index });
    start = m.index + m[0].length;
  }
  parts.push({ start, end: s.length });
  return parts.filter((p) => p.end > p.start);
}

const FIGURE_TYPES = new Set(["amount", "count", "integer"]);

/** A part that asks rather than states ("投资是多少", "拿没拿过支持", "whether we were funded"). */
const ASKS =
  /多少|几[级个年项]|是否|有没有|([\u4e00-\u9fff])[没不]\1|whether|how much|how many|what (?:level|amount)/u;
const SENTENCE_BREAK = /[。；;！!？?\n]|\.(?=\s|$)/;

/**
 * Which parts say "don't know", for their yes/no facts (`flags`) and for their figures
 * (`figures`): the parts that say it; those that only ask what a later part of the same sentence
 * says is not known ("固定资产投资是多少、之前拿没拿过支持，我都不太清楚": both); and, for its
 * figures, the part just before one that asks and does not know ("DCMM做过，但是几级我不清楚").
 */
function doubtsOf(s: string, parts: Part[], mentions: Mention[]): { flags: boolean[]; figures: boolean[] } {
  const text = (p: Part) => s.slice(p.start, p.end);
  const says = parts.map((p) => saysUnknown(text(p)));
  const hasCue = parts.map((p) => mentions.some((m) => m.start >= p.start && m.end <= p.end));
  const sameSentence = (k: number) =>
    !SENTENCE_BREAK.test(s.slice((parts[k] as Part).end, (parts[k + 1] as Part).start));
  const flags = [...says];
  const figures = [...says];
  for (let j = 0; j < parts.length; j++) {
    if (!says[j] || hasCue[j]) continue;
    let k = j - 1;
    for (; k >= 0 && sameSentence(k) && ASKS.test(text(parts[k] as Part)); k--) {
      flags[k] = true;
      figures[k] = true;
    }
    if (k === j - 1 && k >= 0 && sameSentence(k) && ASKS.test(text(parts[j] as Part))) figures[k] = true;
  }
  return { flags, figures };
}

/** How a text is read: `settled` names facts whose setting the conversation already gives (an
 * answer to a question is in its setting; a message mid-questionnaire in the setting of the facts
 * already told), so their context words need not be in the text ("贷款其实是850万"). */
export interface Reading {
  settled?: (path: string) => boolean;
}

export function understandIn(
  set: PolicySet,
  text: string,
  { settled = () => false }: Reading = {},
): Understanding {
  const lang = detectLang(text) ?? "zh";
  const s = norm(text);
  const vocabulary = vocabularyOf(set);
  const mentions = scan(s, vocabulary);
  const numbers = [...findNumbers(s), ...findEnglishNumberWords(s)]
    .filter((n) => !overlapsPhrase(n, mentions) || n.money)
    .sort((a, b) => a.start - b.start);
  const profile: Record<string, unknown> = {};
  const unknown = new Set<string>();
  const none = new Set<string>();
  const sunk = new Set<number>();
  const put = (path: string, v: unknown) => {
    if (getPath(profile, path) === undefined && !unknown.has(path)) setPath(profile, path, v);
  };
  // Where each fact is named, to choose between facts that share a word by what was just talked about.
  const named = namedFacts(mentions);
  const parts = partsOf(s);
  const partIds = new Int32Array(s.length + 1).fill(-1);
  for (const [k, p] of parts.entries()) partIds.fill(k, p.start, p.end);
  const partAt = (i: number) => partIds[i] ?? -1;
  const clauseAt = (i: number) => {
    const p = parts[partAt(i)];
    return p ? s.slice(p.start, p.end) : "";
  };
  const district = readDistrictMention(s, mentions);
  if (district) profile.district = district;
  // Mentions and numbers are in text order, so each part takes the next run of each.
  let mi = 0;
  let ni = 0;
  const doubts = doubtsOf(s, parts, mentions);
  for (const [k, part] of parts.entries()) {
    while (mi < mentions.length && (mentions[mi] as Mention).start < part.start) mi++;
    while (ni < numbers.length && (numbers[ni] as NumberMention).start < part.start) ni++;
    const inPart: Mention[] = [];
    for (let k = mi; k < mentions.length && (mentions[k] as Mention).start < part.end; k++)
      if ((mentions[k] as Mention).end <= part.end) inPart.push(mentions[k] as Mention);
    const figures: NumberMention[] = [];
    for (let k = ni; k < numbers.length && (numbers[k] as NumberMention).start < part.end; k++)
      if ((numbers[k] as NumberMention).end <= part.end) figures.push(numbers[k] as NumberMention);
    const partText = s.slice(part.start, part.end);
    const figureDoubt = doubts.figures[k] === true;
    bindFigures(
      set,
      s,
      inPart,
      figures,
      partText,
      figureDoubt,
      put,
      { unknown, none, sunk },
      named,
      part,
      settled,
    );
    readFlags(set, s, inPart, partText, doubts.flags[k] === true, put, unknown, mentions);
  }
  readUpgrades(set, s, numbers, profile);
  const defaults: string[] = [];
  readOptions(
    set,
    s,
    mentions,
    put,
    clauseAt,
    partAt,
    (path) => defaults.push(path),
    (path) => unknown.add(path),
  );
  readNamedValues(set, s, mentions, put);
  for (const fact of set.facts.values()) {
    if (fact.type !== "records") continue;
    const items = readRecords(set, fact, s, mentions);
    if (items.length > 0) put(fact.path, items);
    // "we don't have any platforms", "没有实验室": none at all.
    // Only the general word ("没有创新平台"): "没有孵化器" rules out incubators, not a lab.
    else if (
      mentions.some(
        (m) =>
          m.targets.some((t) => t.kind === "fact" && t.path === fact.path) &&
          !m.targets.some((t) => t.kind === "field" && t.path === fact.path) &&
          negatedAt(s, m.start),
      )
    )
      put(fact.path, []);
  }
  const noValue = [...none].filter((p) => getPath(profile, p) === undefined && !unknown.has(p));
  return {
    lang,
    profile: valid(set, profile),
    unknown: [...unknown].filter((p) => getPath(profile, p) === undefined),
    ...(noValue.length > 0 ? { none: noValue } : {}),
    ...(defaults.length > 0 ? { defaults } : {}),
    ...(sunk.size > 0 ? { sunk: [...sunk] } : {}),
  };
}

interface Named {
  path: string;
  start: number;
  end: number;
}

/** The phrases that name one fact only, in text order. */
function namedFacts(mentions: Mention[]): Named[] {
  return mentions.flatMap((m) => {
    const paths = [...new Set(m.targets.filter((t) => t.kind !== "district").map(pathOf))];
    return paths.length === 1 ? [{ path: paths[0] as string, start: m.start, end: m.end }] : [];
  });
}

/**
 * What a shared word in `part` may be about: the areas its own clause names, where it names any
 * ("数据首登记市里奖励拿过20万", "received 150k for our DCMM certificate" are about those, not
 * about the typical case said before); otherwise everything named.
 */
function topics(named: Named[], part: Part, areaOf: Map<string, Set<string>>): Named[] {
  const here = named.filter((x) => x.start >= part.start && x.end <= part.end && areaOf.has(x.path));
  return here.length > 0 ? here : named;
}

/** A fact's family: its path's first word ("clusterSupport.received" and "clusterOperator"). */
const family = (path: string) => /^[a-z]+/.exec(path)?.[0] ?? path;

/**
 * Of the facts a shared word may name ("这方面以前没拿过奖励", "last year we received 800k"), the
 * one whose area was talked about last before it (else first after it); a fact of the same
 * family as that mention wins a tie. None where two stay equal or no area is talked about.
 */
function referent<T extends { path: string }>(
  targets: T[],
  at: Mention,
  named: Named[],
  areaOf: Map<string, Set<string>>,
  textLength: number,
): T[] {
  const scored = targets.map((t) => {
    const area = areaOf.get(t.path) ?? new Set<string>();
    let best = Number.POSITIVE_INFINITY;
    for (const x of named) {
      if (x.path === t.path || !area.has(x.path)) continue;
      const gap =
        x.end <= at.start ? at.start - x.end : x.start >= at.end ? x.start - at.end + textLength : -1;
      if (gap < 0) continue;
      const score = gap - (family(x.path) === family(t.path) ? 0.5 : 0);
      if (score < best) best = score;
    }
    return { t, best };
  });
  const least = Math.min(...scored.map((x) => x.best));
  const winners = scored.filter((x) => x.best === least && Number.isFinite(least));
  return winners.length === 1 ? winners.map((x) => x.t) : [];
}

const pathOf = (t: Target) => (t.kind === "district" ? "district" : t.path);

const overlapsPhrase = (n: NumberMention, mentions: Mention[]) =>
  mentions.some((m) => n.start < m.end && m.start < n.end);

/** A district the entity moved to ("搬到了通州", "moved to Tongzhou") is where it is now. */
const MOVED_TO =
  /(?:搬到|搬迁到|搬进|迁到|迁至|迁入|迁往|落户到?|落户在|moved (?:to|into)|relocated (?:to|into))\s?了?\s?$/;
/** A district it left ("从亦庄搬到…", "moved from Haidian") is not. */
const MOVED_FROM = /(?:从|自|离开|搬离|迁出|from|left)\s?$/;

function readDistrictMention(s: string, mentions: Mention[]): string | undefined {
  const said = mentions.flatMap((m) => {
    const t = m.targets.find((x) => x.kind === "district");
    return t?.kind === "district" && !negatedAt(s, m.start)
      ? [{ id: t.id, before: s.slice(Math.max(0, m.start - 8), m.start) }]
      : [];
  });
  // "明年可能会搬到通州": a move planned is not where it is.
  const movedTo = said
    .filter((d) => MOVED_TO.test(d.before) && !planned(d.before) && !/可能|也许|想|要/.test(d.before))
    .at(-1);
  return (movedTo ?? said.find((d) => !MOVED_FROM.test(d.before)) ?? said[0])?.id;
}

type Put = (path: string, v: unknown) => void;

/** The fact of each cue in a part, and the figures that part holds, paired nearest first. */
function bindFigures(
  set: PolicySet,
  s: string,
  mentions: Mention[],
  figures: NumberMention[],
  clause: string,
  doubt: boolean,
  put: Put,
  said: { unknown: Set<string>; none: Set<string>; sunk: Set<number> },
  named: Named[],
  part: Part,
  settled: (path: string) => boolean,
) {
  const { areaOf, contexts } = vocabularyOf(set);
  const cues = mentions.flatMap((m) => {
    const targets = m.targets.filter(
      (t): t is Extract<Target, { kind: "fact" }> =>
        t.kind === "fact" &&
        FIGURE_TYPES.has(set.facts.get(t.path)?.type ?? "") &&
        (settled(t.path) || inItsSetting(contexts.get(t.path), s)),
    );
    // A word several facts share names the one whose area the text talks about, or none.
    const inContext =
      targets.length > 1 ? referent(targets, m, topics(named, part, areaOf), areaOf, s.length) : targets;
    return inContext.length === 1 ? inContext.map((t) => ({ m, fact: set.facts.get(t.path) as Fact })) : [];
  });
  if (cues.length === 0 && !mentions.some((m) => m.measures)) return;
  const pairs: { cue: number; fig: number; gap: number }[] = [];
  const gapOf = (m: Mention, f: NumberMention) =>
    f.start >= m.end ? f.start - m.end : f.end <= m.start ? m.start - f.end + 1 : 0;
  cues.forEach((c, ci) => {
    figures.forEach((f, fi) => {
      if (fits(c.fact, f)) pairs.push({ cue: ci, fig: fi, gap: gapOf(c.m, f) });
    });
  });
  // Money said of something that is no fact ("拿了30万奖金", "a 100k prize", "奖金20万") is that
  // thing's: the figure is taken by it (a figure just before it first), bound to no fact's word.
  const sinks = mentions.filter((m) => m.measures);
  sinks.forEach((m, k) => {
    figures.forEach((f, fi) => {
      if (!f.money && (f.unit || f.chineseOnly || f.ordinal || f.value < 100)) return;
      const just =
        f.end <= m.start && /^\s*(?:元|块钱|块|rmb|yuan|cny|的)?\s*$/.test(s.slice(f.end, m.start));
      pairs.push({ cue: cues.length + k, fig: fi, gap: just ? -1 : gapOf(m, f) });
    });
  });
  pairs.sort((a, b) => a.gap - b.gap);
  const usedCue = new Set<number>();
  const usedFig = new Set<number>();
  for (const p of pairs) {
    if (usedCue.has(p.cue) || usedFig.has(p.fig)) continue;
    const cue = cues[p.cue];
    const fig = figures[p.fig];
    usedCue.add(p.cue);
    usedFig.add(p.fig);
    if (!cue && fig) said.sunk.add(fig.value);
    if (!cue || !fig) continue;
    // "贷款不到500万": a limit, not the figure; the fact is left to be asked.
    if (fig.negative || fig.foreign || fig.below) continue;
    // "正在准备DCMM三级认证": the level is planned, not held.
    if (cue.fact.milestone && planned(clause)) {
      if (cue.fact.type === "integer" && cue.fact.min > 0) said.none.add(cue.fact.path);
      continue;
    }
    put(cue.fact.path, cue.fact.type === "amount" ? Math.round(fig.value) : fig.value);
  }
  cues.forEach((c, ci) => {
    if (usedCue.has(ci)) return;
    const { fact } = c;
    if (doubt) said.unknown.add(fact.path);
    // "之前没拿过补贴", "没有质押贷款": none, where the fact can be 0.
    else if (negatedAt(s, c.m.start) && (fact.type !== "integer" || fact.min <= 0)) put(fact.path, 0);
    // "还没做过DCMM认证", "DCMM还在准备": no level at all, where none can be stored.
    else if (
      fact.type === "integer" &&
      fact.min > 0 &&
      (negatedAt(s, c.m.start) || negatedAfter(s, c.m.end) || (fact.milestone && planned(clause)))
    )
      said.none.add(fact.path);
  });
}

/** Whether the description says one of a fact's `context` words, where it has any. */
const inItsSetting = (context: string[] | undefined, s: string) =>
  !context || context.some((w) => s.includes(w));

/** Words just before a level that say it was reached from a lower one ("升到了四级", "upgraded to level 4"). */
const UPGRADED_TO =
  /(?:升到|升级到|升级为|升级成|升为|升至|晋级到?|晋级为|晋升到?|晋升为|提升到|提升为|上升到|upgraded to|moved up to|went up to|rose to|promoted to|now at|passed the|passed|通过了?|评上了?)\s?了?\s?(?:dcmm\s?)?(?:level\s?|lvl\s?)?$/;

/**
 * A level said as reached later in the text ("之前是DCMM二级…今年升到了四级", "从二级升级到了四级")
 * is the level held now: it replaces the earlier, lower one the figures gave a milestone level.
 */
function readUpgrades(set: PolicySet, s: string, numbers: NumberMention[], profile: Record<string, unknown>) {
  for (const n of numbers) {
    const levelLike =
      n.unit === "级" || n.unit === "級" || /^levels?$/.test(n.unit ?? "") || Boolean(n.ordinal);
    if (!levelLike || n.money || !UPGRADED_TO.test(s.slice(Math.max(0, n.start - 24), n.start))) continue;
    for (const fact of set.facts.values()) {
      if (fact.type !== "integer" || !fact.milestone || n.value < fact.min || n.value > fact.max) continue;
      const held = getPath(profile, fact.path);
      if (held === undefined || (typeof held === "number" && held < n.value))
        setPath(profile, fact.path, n.value);
    }
  }
}

/** Whether a figure can be the value of a fact: money for amounts, small whole numbers otherwise. */
function fits(fact: Fact, n: NumberMention): boolean {
  if (n.date) return false;
  if (fact.type === "amount") return n.money || (!n.unit && !n.chineseOnly && !n.ordinal && n.value >= 100);
  if (n.money || !Number.isInteger(n.value)) return false;
  if (fact.type === "integer") {
    const levelLike =
      n.unit === "级" || n.unit === "級" || n.unit === "level" || n.unit === "levels" || Boolean(n.ordinal);
    return n.value >= fact.min && n.value <= fact.max && (levelLike || !n.chineseOnly);
  }
  return fact.type === "count" && n.value <= 1000 && (!n.chineseOnly || n.unit !== undefined);
}

/** Yes/no facts stated by their phrases: true, false when negated, unknown beside "don't know". */
function readFlags(
  set: PolicySet,
  s: string,
  mentions: Mention[],
  clause: string,
  doubt: boolean,
  put: Put,
  unknown: Set<string>,
  all: Mention[],
) {
  for (const m of mentions) {
    for (const t of m.targets) {
      if (t.kind !== "fact" && t.kind !== "factNot") continue;
      const fact = set.facts.get(t.path);
      if (fact?.type !== "boolean") continue;
      if (doubt) {
        unknown.add(t.path);
        continue;
      }
      // "do we run a cluster? no.": a question the text asks itself, and its answer.
      const asked = SELF_ASKED.exec(s.slice(m.end, m.end + 40));
      if (asked) {
        const yes = leanYesNo(asked[1] as string);
        if (yes !== null) put(t.path, t.kind === "fact" ? yes : !yes);
        continue;
      }
      const next = nextOther(all, m, t.path);
      const negated = negatedAt(s, m.start) || negatedAfter(s, m.end, next);
      // Something achieved that the clause plans or still works on has not happened.
      if (t.kind === "fact" && !negated && fact.milestone && planned(clause)) put(t.path, false);
      // A word of the area states the fact only where the clause says it happened.
      else if (t.kind === "fact" && t.area && !negated && !saysDone(clause)) continue;
      else put(t.path, t.kind === "fact" ? !negated : negated);
    }
  }
}

/** A question mark right after a phrase, then a short answer ("…a cluster? no.", "…有没有？没有"). */
const SELF_ASKED = /^[^?？。.!！,，]{0,12}[?？]\s*([^?？。.!！,，]{1,12})(?:[。.!！,，;；]|$)/;

/** Where the next phrase after `m` that does not name `path` starts ("大赛但没获奖": 获奖 is the
 * same fact, so the negation is still about it). */
const nextOther = (all: Mention[], m: Mention, path: string) =>
  all.find((x) => x.start >= m.end && !x.targets.some((t) => "path" in t && t.path === path))?.start;

/** A level said by its name ("DCMM稳健级" is level 3): the fact's `valueWords` state the value. */
function readNamedValues(set: PolicySet, s: string, mentions: Mention[], put: Put) {
  for (const m of mentions) {
    if (negatedAt(s, m.start) || saysUnknown(s.slice(m.start, m.end + 8))) continue;
    for (const t of m.targets) {
      const type = t.kind === "option" ? set.facts.get(t.path)?.type : undefined;
      if (t.kind === "option" && (type === "integer" || type === "count")) put(t.path, t.value);
    }
  }
}

/**
 * Options of choice and set facts. A fact with words of its own needs one of them said
 * (levels "国家级" go to the nearest such word: "国家级大赛一等奖", "市级典型案例"); a fact
 * without (entity type, the data firsts) is stated by its options alone.
 */
function readOptions(
  set: PolicySet,
  s: string,
  mentions: Mention[],
  put: Put,
  clauseAt: (i: number) => string,
  partAt: (i: number) => number,
  atDefault: (path: string) => void,
  doubted: (path: string) => void,
) {
  const chosen = new Map<string, (string | number)[]>();
  // Options whose word and cue are in different clauses: a choice keeps them only when no option
  // is said in its cue's own clause ("这是第二年申请运营经费，第一年拿了550万" is year 2).
  const apart = new Set<string>();
  const choose = (path: string, v: string | number, far = false) => {
    const list = chosen.get(path) ?? [];
    const key = `${path}\u0000${v}`;
    if (!list.includes(v)) {
      list.push(v);
      if (far) apart.add(key);
    } else if (!far) apart.delete(key);
    chosen.set(path, list);
  };
  const ids = sentenceIds(s);
  const sentenceOf = (i: number) => ids[i] ?? 0;
  // "第一年收到了80万", "got 2 million for the first year": a choice said where an amount of its own
  // family is said (what was received) tells when that was, not the choice.
  const whenReceived = (m: Mention, path: string) =>
    set.facts.get(path)?.type === "choice" &&
    mentions.some(
      (x) =>
        x !== m &&
        partAt(x.start) === partAt(m.start) &&
        x.targets.some(
          (t) =>
            t.kind === "fact" &&
            t.path !== path &&
            family(t.path) === family(path) &&
            set.facts.get(t.path)?.type === "amount",
        ),
    );
  // Cues by sentence: an option word looks only at its own sentence's (linear in a long paste).
  const cuesBySentence = new Map<number, { m: Mention; t: Target }[]>();
  for (const m of mentions)
    for (const t of m.targets)
      if (t.kind === "fact" || (t.kind === "field" && isAnchor(set, t))) {
        const list = cuesBySentence.get(sentenceOf(m.start)) ?? [];
        list.push({ m, t });
        cuesBySentence.set(sentenceOf(m.start), list);
      }
  for (const m of mentions) {
    const options = m.targets.filter((t): t is Extract<Target, { kind: "option" }> => {
      if (t.kind !== "option") return false;
      const type = set.facts.get(t.path)?.type;
      return type === "choice" || type === "set";
    });
    if (options.length === 0) continue;
    const free = options.filter((t) => !hasWords(set.facts.get(t.path)));
    if (free.length > 0) {
      const clause = clauseAt(m.start);
      for (const t of free) {
        if (negatedAt(s, m.start)) continue;
        const achieved = set.facts.get(t.path)?.milestone;
        // "准备明年做首次登记", "入表还在做": not done; "我们做数据交易业务": an area, not a first.
        if (achieved && (planned(clause) || negatedAfter(s, m.end))) continue;
        if (t.area && !saysDone(clause)) continue;
        choose(t.path, t.value);
      }
      continue;
    }
    // The nearest cue in the sentence decides which fact this option word belongs to.
    const sentence = sentenceOf(m.start);
    const near = (cuesBySentence.get(sentence) ?? [])
      .filter((c) => c.m !== m)
      .map((c) => ({ c, gap: c.m.start >= m.end ? c.m.start - m.end : m.start - c.m.end + 0.5 }))
      .filter((x) => x.gap >= 0)
      .sort((a, b) => a.gap - b.gap);
    for (const { c } of near) {
      const path = c.t.kind === "fact" || c.t.kind === "field" ? c.t.path : "";
      // A yes/no cue names the choices of its own family too ("the service window, second year
      // of support" is the window's support year).
      const match =
        options.find((o) => o.path === path) ??
        (set.facts.get(path)?.type === "boolean"
          ? options.find((o) => family(o.path) === family(path))
          : undefined);
      if (match) {
        // "参加过市级大赛但没获奖", "entered a national competition but did not win": not won.
        const achieved = set.facts.get(match.path)?.milestone;
        const last = m.end > c.m.end ? m : c.m;
        const undone =
          achieved &&
          (planned(clauseAt(m.start)) || negatedAfter(s, last.end, nextOther(mentions, last, match.path)));
        const denied = negatedAt(s, Math.min(m.start, c.m.start)) || negatedAt(s, m.start);
        // "市里的大赛拿没拿过奖我记不清了": not known, not chosen.
        if (saysUnknown(clauseAt(m.start))) {
          doubted(match.path);
          break;
        }
        if (!undone && !denied && !whenReceived(m, match.path))
          choose(match.path, match.value, partAt(m.start) !== partAt(c.m.start));
        break;
      }
      if (m.targets.some((t) => t.kind === "field" && t.path === path)) break;
    }
  }
  // A choice fact's word said with a negation and no option: the "none" option ("没有授权运营").
  for (const m of mentions) {
    for (const t of m.targets) {
      if (t.kind !== "fact") continue;
      const fact = set.facts.get(t.path);
      if (fact?.type === "choice" && !chosen.has(fact.path) && negatedAt(s, m.start)) {
        const none = fact.options.find((o) => o.value === "none");
        if (none) choose(fact.path, none.value);
      }
      const lost = fact?.milestone && negatedAfter(s, m.end, nextOther(mentions, m, t.path));
      if (fact?.type === "set" && !chosen.has(fact.path) && (negatedAt(s, m.start) || lost))
        chosen.set(fact.path, []);
    }
  }
  for (const [path, values] of chosen) {
    const fact = set.facts.get(path);
    if (!fact || (fact.type !== "choice" && fact.type !== "set")) continue;
    if (fact.type === "set")
      put(
        path,
        fact.options.map((o) => o.value).filter((v) => values.includes(v)),
      );
    else {
      const near = values.length > 1 ? values.filter((v) => !apart.has(`${path}\u0000${v}`)) : values;
      // The default is not a statement (CONTRACT.md section 7: "Tongzhou company" has no entityType).
      if (near.length === 1 && near[0] !== fact.default) put(path, near[0]);
      else if (near.length === 1) atDefault(path);
    }
  }
}

const hasWords = (fact: Fact | undefined) =>
  Boolean(fact?.words && fact.words.zh.length + fact.words.en.length > 0);

function isAnchor(set: PolicySet, t: Extract<Target, { kind: "field" }>): boolean {
  const fact = set.facts.get(t.path);
  if (fact?.type !== "records") return false;
  return Object.entries(fact.fields).find(([, f]) => f.type === "choice")?.[0] === t.field;
}

/** The profile with anything that would break the schema left out (a safety net: nothing is forced). */
function valid(set: PolicySet, profile: Record<string, unknown>): Record<string, unknown> {
  const probe = { district: OUTSIDE, ...profile };
  if (set.profileSchema.safeParse(probe).success) return profile;
  const out: Record<string, unknown> = {};
  if (profile.district !== undefined) out.district = profile.district;
  for (const fact of set.facts.values()) {
    const v = getPath(profile, fact.path);
    if (v === undefined) continue;
    const trial: Record<string, unknown> = { district: OUTSIDE };
    setPath(trial, fact.path, v);
    if (set.profileSchema.safeParse(trial).success) setPath(out, fact.path, v);
  }
  return out;
}

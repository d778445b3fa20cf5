/**
 * Items of a records fact (platforms) in a text: each phrase naming an item's kind is one item
 * ("两个" before it makes two); the words around it give its other fields, each word going to the
 * nearest item in the same sentence ("市级重点实验室，今年新认定", "a municipal key lab
 * recognized this year", "从市级升到国家级的实验室").
 */
import type { PolicySet } from "../../policy/load.ts";
import type { Fact } from "../../policy/schema.ts";
import { negatedAfter, negatedAt } from "./hedges.ts";
import { sentenceIds } from "./normalize.ts";
import { findEnglishNumberWords, findNumbers } from "./numbers.ts";
import { type Mention, scan } from "./scan.ts";
import { vocabularyOf } from "./vocab.ts";

type Item = Record<string, string | number | boolean>;
type RecordsFact = Extract<Fact, { type: "records" }>;

/** Words between two names of one item: what it was recognised as ("被认定为", "became a"). */
const NAMED_AGAIN =
  /^[^，,。；;]{0,10}?(?:被认定为|认定为|获批为|被评为|评为|成为|升级为|升为|晋级为|晋升为|挂牌为|became|was recognized as|were recognized as|recognized as|designated as|approved as)[^，,。；;]{0,8}$/;

/** The field whose values name an item's kind: the first choice field (platforms: `kind`). */
function anchorField(fact: RecordsFact): string | undefined {
  return Object.entries(fact.fields).find(([, f]) => f.type === "choice")?.[0];
}

export function readRecords(set: PolicySet, fact: Fact, s: string, mentions?: Mention[]): Item[] {
  if (fact.type !== "records") return [];
  const anchor = anchorField(fact);
  if (!anchor) return [];
  const found = (mentions ?? scan(s, vocabularyOf(set))).flatMap((m) =>
    m.targets
      .filter((t) => t.kind === "field" && t.path === fact.path)
      .map((t) => ({ m, t: t as Extract<typeof t, { kind: "field" }> })),
  );
  const ids = sentenceIds(s);
  const sentenceOf = (i: number) => ids[i] ?? 0;
  const starts = found.map(({ m }) => m.start).sort((a, b) => a - b);
  const nextAfter = (end: number) => starts.find((start) => start >= end) ?? s.length;
  // "有市级重点实验室，孵化器没有": a negation before or just after the item rules it out.
  const anchors = found
    .filter(
      ({ m, t }) => t.field === anchor && !negatedAt(s, m.start) && !negatedAfter(s, m.end, nextAfter(m.end)),
    )
    .map(({ m, t }) => ({ m, item: { [anchor]: t.value } as Item, sentence: sentenceOf(m.start) }))
    // "数据科学实验室今年刚被认定为国家级重点实验室": the same item named twice, once as what it became.
    .filter((a, i, all) => {
      const before = all[i - 1];
      return !(
        before &&
        before.sentence === a.sentence &&
        before.item[anchor] === a.item[anchor] &&
        NAMED_AGAIN.test(s.slice(before.m.end, a.m.start))
      );
    });
  for (const { m, t } of found) {
    if (t.field === anchor) continue;
    const sentence = sentenceOf(m.start);
    const near = anchors
      .filter((a) => a.sentence === sentence)
      .map((a) => ({
        a,
        gap: a.m.start >= m.end ? a.m.start - m.end : m.start >= a.m.end ? m.start - a.m.end + 0.5 : 0,
      }))
      .sort((x, y) => x.gap - y.gap)[0];
    if (!near) continue;
    const spec = fact.fields[t.field];
    let v = t.value;
    if (spec?.type === "boolean" && (negatedAt(s, m.start) || negatedAfter(s, m.end))) v = !v;
    // An earlier word for the same field loses to a later, more specific one only if unset.
    if (near.a.item[t.field] === undefined || spec?.type === "boolean") near.a.item[t.field] = v;
    if (spec?.type === "boolean" && v === true && spec.implies) Object.assign(near.a.item, spec.implies);
  }
  const numbers = [...findNumbers(s), ...findEnglishNumberWords(s)];
  const order = Object.keys(fact.fields);
  const items: Item[] = [];
  for (const { m, item } of anchors) {
    const ordered: Item = Object.fromEntries(
      order.flatMap((k) => (item[k] === undefined ? [] : [[k, item[k]]])),
    );
    // "两个市级重点实验室", "two national labs": a count just before the item's words.
    const count = numbers.find(
      (n) =>
        n.end <= m.start &&
        !n.money &&
        Number.isInteger(n.value) &&
        n.value > 1 &&
        n.value <= 20 &&
        (n.unit === "个" || n.unit === "家" || n.unit === undefined) &&
        onlyFieldWords(s, n.end, m.start, found),
    );
    const times = count ? count.value : 1;
    for (let k = 0; k < times; k++) items.push({ ...ordered });
  }
  return items;
}

/** Whether only words of the item's fields (levels, "newly") stand between two places: "两个市级", "two national". */
function onlyFieldWords(s: string, from: number, to: number, found: { m: Mention }[]): boolean {
  if (to - from > 24) return false;
  let between = s.slice(from, to);
  for (const { m } of found)
    if (m.start >= from && m.end <= to) between = between.replace(s.slice(m.start, m.end), "");
  return /^[\s的个家所]*$/.test(between);
}

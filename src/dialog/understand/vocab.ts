/**
 * The words of every fact, option and district, compiled once per policy set into one list of
 * phrases, each pointing at what it names. All of it comes from the data (facts.json `words`,
 * option labels and `words`, the documents' district names and aliases, `elsewhere`), so a new
 * document's facts are read by adding data.
 */
import type { PolicySet } from "../../policy/load.ts";
import { OUTSIDE } from "../../policy/profile.ts";
import type { Fact, Words } from "../../policy/schema.ts";
import { norm } from "./normalize.ts";

/** What a phrase names. */
export type Target =
  /** The fact itself: a cue word for a figure, or a phrase stating a yes/no fact. */
  | { kind: "fact"; path: string; area?: true }
  /** A phrase stating a yes/no fact is false. */
  | { kind: "factNot"; path: string }
  /** One value of a choice or set fact, or of a level or count (`valueWords`). */
  | { kind: "option"; path: string; value: string | number; area?: true }
  /** A field value of an item of a records fact (platform kind, level, newly recognised…). */
  | { kind: "field"; path: string; field: string; value: string | number | boolean }
  | { kind: "district"; id: string };

export interface Phrase {
  /** What is matched first; for a phrase written with a gap ("突破…关键技术"), the part before it. */
  text: string;
  /** The part after the gap: found within a few characters of `text`, in the same clause
   * ("突破了数据领域的关键技术", "data was sent abroad"). */
  tail?: string;
  /** Latin text is matched on word edges; Chinese anywhere. */
  latin: boolean;
  /** Names something money figures measure that is no fact (facts.json `otherFigures`). */
  measures?: true;
  targets: Target[];
}

export interface Vocabulary {
  /** Longest first, so "市级重点实验室" wins over "重点实验室" and "数据研究院" over "研究院". */
  phrases: Phrase[];
  facts: Map<string, Fact>;
  /** The other facts of each fact's area (the topic checklist's `covers`), to tell apart two
   * facts that share a word ("拿过50万" after "典型案例" is the application-award figure). */
  areaOf: Map<string, Set<string>>;
  districts: { id: string; names: string[] }[];
  /** Each fact's `context` words, normalized: one must be in a description for its words to bind. */
  contexts: Map<string, string[]>;
}

const cache = new WeakMap<PolicySet, Vocabulary>();

/** A gap in a word of the data ("突破…关键技术"; `norm` makes "…" "..."). */
const GAP = "...";

export function vocabularyOf(set: PolicySet): Vocabulary {
  let vocabulary = cache.get(set);
  if (!vocabulary) {
    vocabulary = compile(set);
    cache.set(set, vocabulary);
  }
  return vocabulary;
}

const all = (words: Words | undefined) => (words ? [...words.zh, ...words.en] : []);
/** A label without what it adds in brackets: "社会组织（联盟、协会等）" is named by "社会组织". */
const core = (label: string) => label.replace(/[（(].*?[）)]/g, "").trim();

function compile(set: PolicySet): Vocabulary {
  const byText = new Map<string, Target[]>();
  const add = (text: string, target: Target) => {
    const key = norm(text);
    if (key.length === 0) return;
    const targets = byText.get(key) ?? [];
    if (!targets.some((t) => JSON.stringify(t) === JSON.stringify(target))) targets.push(target);
    byText.set(key, targets);
  };
  for (const fact of set.facts.values()) {
    for (const w of all(fact.words)) add(w, { kind: "fact", path: fact.path });
    for (const w of all(fact.areaWords)) add(w, { kind: "fact", path: fact.path, area: true });
    for (const w of all(fact.notWords)) add(w, { kind: "factNot", path: fact.path });
    for (const v of fact.valueWords ?? [])
      for (const w of all(v.words)) add(w, { kind: "option", path: fact.path, value: v.value });
    if (fact.type === "choice" || fact.type === "set") {
      for (const o of fact.options) {
        for (const w of all(o.words)) add(w, { kind: "option", path: fact.path, value: o.value });
        for (const w of all(o.areaWords))
          add(w, { kind: "option", path: fact.path, value: o.value, area: true });
      }
    }
    if (fact.type === "records") {
      for (const [field, spec] of Object.entries(fact.fields)) {
        if (spec.type === "boolean") {
          for (const w of all(spec.words)) add(w, { kind: "field", path: fact.path, field, value: true });
          for (const w of all(spec.notWords)) add(w, { kind: "field", path: fact.path, field, value: false });
        } else {
          for (const o of spec.options)
            for (const w of all(o.words)) add(w, { kind: "field", path: fact.path, field, value: o.value });
        }
      }
    }
  }
  const districts = set.documents.map((d) => ({
    id: d.id,
    names: [d.district.zh, d.district.en, core(d.district.zh), core(d.district.en), ...d.aliases],
  }));
  for (const d of districts) for (const n of d.names) add(n, { kind: "district", id: d.id });
  for (const w of all(set.elsewhere)) add(w, { kind: "district", id: OUTSIDE });
  // Other things named with a fact's word inside ("数据交易所"): matched, naming nothing.
  for (const w of all(set.otherThings)) {
    const key = norm(w);
    if (key.length > 0 && !byText.has(key)) byText.set(key, []);
  }
  // What figures measure that is no fact ("奖金", "prize"): matched, and marked so (a fact's word
  // too, as "prize" is a competition's).
  const measured = new Set<string>();
  for (const w of all(set.otherFigures)) {
    const key = norm(w);
    if (key.length === 0) continue;
    measured.add(key);
    if (!byText.has(key)) byText.set(key, []);
  }
  const phrases = [...byText.entries()]
    .map(([key, targets]): Phrase => {
      const [text, tail] = key.split(GAP, 2) as [string, string | undefined];
      const latin = /^[a-z0-9]/.test(key) || /[a-z0-9]$/.test(key);
      const phrase: Phrase = tail
        ? { text: text.trim(), tail: tail.trim(), latin, targets }
        : { text, latin, targets };
      if (measured.has(key)) phrase.measures = true;
      return phrase;
    })
    .filter((p) => p.text.length > 0 && p.tail !== "")
    .sort((a, b) => b.text.length + (b.tail?.length ?? 0) - (a.text.length + (a.tail?.length ?? 0)));
  const areaOf = new Map<string, Set<string>>();
  for (const fact of set.facts.values()) {
    if (fact.type !== "set") continue;
    for (const o of fact.options) {
      const area = new Set(o.covers ?? []);
      for (const path of area) areaOf.set(path, area);
    }
  }
  const contexts = new Map<string, string[]>();
  for (const fact of set.facts.values())
    if (fact.context) contexts.set(fact.path, all(fact.context).map(norm));
  return { phrases, facts: set.facts, areaOf, districts, contexts };
}

export { core as labelCore };

/**
 * Area checklists (a set fact whose options `cover` facts, in data/facts.json): which areas a
 * user is offered and which facts an answer puts out of scope. Everything comes from the data:
 * an area is offered in a district when that district's document reads one of its facts.
 */

import { evaluate } from "../policy/evaluate.ts";
import { amountFacts, conditionFacts, type PolicySet } from "../policy/load.ts";
import type { Profile } from "../policy/profile.ts";
import type { Fact } from "../policy/schema.ts";
import { type DialogState, getPath, scopeOf, withPath } from "./state.ts";

type SetFact = Extract<Fact, { type: "set" }>;

const readByDocument = new WeakMap<PolicySet, Map<string, Set<string>>>();

/** The profile facts each document's benefits read, by document id. */
export function documentFacts(set: PolicySet): Map<string, Set<string>> {
  let byDocument = readByDocument.get(set);
  if (byDocument) return byDocument;
  byDocument = new Map();
  for (const document of set.documents) {
    const facts = new Set<string>();
    for (const article of document.articles) {
      for (const benefit of article.benefits) {
        for (const f of conditionFacts(benefit.conditions)) facts.add(f);
        for (const f of amountFacts(benefit.amount)) facts.add(f);
        if (benefit.years?.received) facts.add(benefit.years.received);
      }
    }
    byDocument.set(document.id, facts);
  }
  readByDocument.set(set, byDocument);
  return byDocument;
}

/** The documents whose clauses apply in this conversation: its district's, or all when comparing. */
export function documentsInPlay(set: PolicySet, state: DialogState): string[] {
  switch (scopeOf(state)) {
    case "unknown":
      return [];
    case "outside":
    case "comparing":
      return set.documents.map((d) => d.id);
    case "district":
      return [String(getPath(state.profile, "district"))];
  }
}

export function checklists(set: PolicySet): SetFact[] {
  return [...set.facts.values()].filter(
    (f): f is SetFact => f.type === "set" && f.options.some((o) => o.covers),
  );
}

export const isChecklist = (set: PolicySet, path: string) => checklists(set).some((f) => f.path === path);

/** An area some answer has put in already (the description stated one of its facts). */
const stated = (state: DialogState, option: SetFact["options"][number]) =>
  (option.covers ?? []).some((path) => getPath(state.profile, path) !== undefined);

/** The areas of `fact` offered to this user: read by a document in play, not already stated. */
export function offeredAreas(set: PolicySet, state: DialogState, fact: Fact): Set<unknown> | undefined {
  if (fact.type !== "set" || !fact.options.some((o) => o.covers)) return undefined;
  const read = documentsInPlay(set, state).map((id) => documentFacts(set).get(id) ?? new Set<string>());
  if (read.length === 0) return undefined;
  return new Set(
    fact.options
      .filter((o) => (o.covers ?? []).some((path) => read.some((facts) => facts.has(path))))
      .filter((o) => !stated(state, o))
      .map((o) => o.value),
  );
}

/** Facts an answered checklist puts out of scope: those covered only by areas neither ticked nor
 * stated. A checklist answered "don't know" rules nothing out. */
export function excludedFacts(state: DialogState, set: PolicySet): Set<string> {
  const excluded = new Set<string>();
  const kept = new Set<string>();
  for (const fact of checklists(set)) {
    const ticked = getPath(state.profile, fact.path);
    if (!Array.isArray(ticked)) continue;
    for (const option of fact.options) {
      const inScope = ticked.includes(option.value) || stated(state, option);
      for (const path of option.covers ?? []) (inScope ? kept : excluded).add(path);
    }
  }
  for (const path of kept) excluded.delete(path);
  return excluded;
}

/** Facts a description stated that no document in play reads, with the documents that do. */
export function factsOfOtherDistricts(set: PolicySet, state: DialogState, paths: string[]) {
  const inPlay = documentsInPlay(set, state);
  const read = documentFacts(set);
  return paths
    .filter((p) => !inPlay.some((id) => read.get(id)?.has(p)))
    .map((p) => ({
      path: p,
      documents: set.documents.filter((d) => read.get(d.id)?.has(p)).map((d) => d.id),
    }))
    .filter((x) => x.documents.length > 0);
}

const presetsByDocument = new WeakMap<PolicySet, Map<string, Set<number>>>();

/** The presets of a records fact (platforms) that can earn something in a document in play: each
 * alone, in a profile of that district, matches a benefit. An incubator preset is not offered
 * where no clause counts incubators. */
export function usefulPresets(set: PolicySet, state: DialogState, fact: Fact): Set<number> | undefined {
  if (fact.type !== "records") return undefined;
  const documents = documentsInPlay(set, state);
  if (documents.length === 0) return undefined;
  const cache = presetsByDocument.get(set) ?? new Map<string, Set<number>>();
  presetsByDocument.set(set, cache);
  const useful = new Set<number>();
  for (const policy of documents) {
    const key = `${policy}\u0000${fact.path}`;
    let found = cache.get(key);
    if (!found) {
      found = new Set();
      for (const [i, preset] of fact.presets.entries()) {
        const profile = withPath({ district: policy }, fact.path, [preset.value]) as Profile;
        if (evaluate(profile, set).matches.length > 0) found.add(i);
      }
      cache.set(key, found);
    }
    for (const i of found) useful.add(i);
  }
  return useful.size > 0 ? useful : undefined;
}

const flagsByDocument = new WeakMap<PolicySet, Map<string, boolean>>();

/** Whether a preset's yes/no fields ("newly recognised") change what it earns in a document in
 * play: its value with them set and with them cleared match different benefits. Where they do
 * not (Tongzhou's article 3 asks no "newly recognised"), the label's qualifier is not shown. */
export function presetFlagsMatter(set: PolicySet, state: DialogState, fact: Fact, index: number): boolean {
  if (fact.type !== "records") return true;
  const preset = fact.presets[index];
  const documents = documentsInPlay(set, state);
  if (!preset || documents.length === 0) return true;
  const cache = flagsByDocument.get(set) ?? new Map<string, boolean>();
  flagsByDocument.set(set, cache);
  return documents.some((policy) => {
    const key = `${policy}\u0000${fact.path}\u0000${index}`;
    const known = cache.get(key);
    if (known !== undefined) return known;
    const value = preset.value as Record<string, unknown>;
    const cleared = Object.fromEntries(Object.entries(value).map(([k, v]) => [k, v === true ? false : v]));
    const matched = (item: Record<string, unknown>) =>
      evaluate(withPath({ district: policy }, fact.path, [item]) as Profile, set)
        .matches.map((m) => m.benefit)
        .join();
    const matters = matched(value) !== matched(cleared);
    cache.set(key, matters);
    return matters;
  });
}

/** A label without the qualifier in brackets at its end ("…实验室（新认定）" → "…实验室"). */
export const unqualified = (label: string) => label.replace(/\s*[（(][^（）()]*[）)]$/, "");

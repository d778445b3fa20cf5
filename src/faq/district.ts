/**
 * Which districts a question names, read from each document's own `district` and
 * `aliases` fields, so a new district document needs no code change.
 */
import type { PolicyDocument } from "../policy/schema.ts";
import { normalize } from "./analyzer.ts";

export interface DistrictNames {
  policy: string;
  /** Normalized names, longest first, so "通州区" is taken before "通州". */
  names: string[];
  /** Each name's pattern, compiled once. */
  patterns: RegExp[];
}

/** Every way a document's district may be written: its names, their parts in brackets,
 * and each without the generic suffix (石景山区 → 石景山, Tongzhou District → Tongzhou). */
export function districtNames(document: PolicyDocument): DistrictNames {
  const given = [document.district.zh, document.district.en, document.id, ...document.aliases];
  const names = new Set<string>();
  for (const name of given) {
    for (const part of normalize(name).split(/[()]/)) {
      const trimmed = part.trim();
      if (!trimmed) continue;
      names.add(trimmed);
      const bare = trimmed.replace(/(区| district)$/, "").trim();
      if (bare.length >= 2) names.add(bare);
    }
  }
  const sorted = [...names].sort((a, b) => b.length - a.length);
  return { policy: document.id, names: sorted, patterns: sorted.map(namePattern) };
}

export interface DistrictMention {
  /** Policies whose district the question names. */
  named: Set<string>;
  /** The question without those names, so they do not also count as search terms. */
  rest: string;
}

export function findDistricts(question: string, districts: DistrictNames[]): DistrictMention {
  let rest = normalize(question);
  const named = new Set<string>();
  // Longest first across districts too, so a name inside another district's name is not
  // taken first.
  const all = districts
    .flatMap((d) => d.names.map((name, i) => ({ policy: d.policy, name, pattern: d.patterns[i] as RegExp })))
    .sort((a, b) => b.name.length - a.name.length);
  for (const { policy, pattern } of all) {
    pattern.lastIndex = 0;
    if (!pattern.test(rest)) continue;
    named.add(policy);
    rest = rest.replace(pattern, " ");
  }
  return { named, rest };
}

/** Latin names must stand as whole words ("tongzhou's" yes, "subcentered" no); Chinese
 * has no word boundaries to check. */
function namePattern(name: string): RegExp {
  const escaped = name.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  return /^[a-z]/.test(name) ? new RegExp(`(?<![a-z])${escaped}(?![a-z])`, "g") : new RegExp(escaped, "g");
}

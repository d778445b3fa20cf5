/**
 * Deterministic, varied profiles for benchmarks and soak tests: every declared fact appears
 * in some profiles, with amounts spread over several orders of magnitude.
 */
import type { PolicySet } from "../src/policy/load.ts";
import { setPath } from "../src/policy/paths.ts";
import type { Fact } from "../src/policy/schema.ts";

/** A small seeded PRNG (mulberry32): the same seed gives the same batch on every machine. */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function value(fact: Fact, rnd: () => number): unknown {
  const pick = <T>(list: T[]): T => list[Math.floor(rnd() * list.length)] as T;
  switch (fact.type) {
    case "boolean":
      return rnd() < 0.6;
    case "amount":
      return Math.round(10 ** (3 + rnd() * 6));
    case "count":
      return Math.floor(rnd() * 6);
    case "integer":
      return fact.min + Math.floor(rnd() * (fact.max - fact.min + 1));
    case "choice":
      return pick(fact.options).value;
    case "set":
      return fact.options.filter(() => rnd() < 0.4).map((o) => o.value);
    case "records":
      return fact.presets.filter(() => rnd() < 0.3).map((p) => p.value);
  }
}

export function variedProfiles(set: PolicySet, count: number, seed = 2026): Record<string, unknown>[] {
  const rnd = random(seed);
  const districts = [...set.documents.map((d) => d.id), "other"];
  const facts = [...set.facts.values()];
  return Array.from({ length: count }, (_, i) => {
    const profile: Record<string, unknown> = { district: districts[i % districts.length] };
    for (const fact of facts) {
      if (rnd() > 0.35) continue;
      setPath(profile, fact.path, value(fact, rnd));
    }
    return profile;
  });
}

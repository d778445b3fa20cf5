/** Properties that must hold for every profile, not just the scenarios we thought of. */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ceiling } from "../../src/policy/amounts.ts";
import { ProfileError } from "../../src/policy/errors.ts";
import { evaluate } from "../../src/policy/evaluate.ts";
import { loadPolicySet } from "../../src/policy/load.ts";
import { setPath } from "../../src/policy/paths.ts";
import { type Profile, parseProfile } from "../../src/policy/profile.ts";
import type { Benefit, Fact } from "../../src/policy/schema.ts";

const set = loadPolicySet();
const benefits = new Map<string, Benefit>(
  set.documents.flatMap((d) =>
    d.articles.flatMap((a) => a.benefits.map((b) => [`${d.id}:${b.id}`, b] as const)),
  ),
);

const money = fc.oneof(
  fc.integer({ min: 0, max: 300_000_000 }),
  fc.double({ min: 0, max: 1e12, noNaN: true }),
);

function factValue(fact: Fact): fc.Arbitrary<unknown> {
  switch (fact.type) {
    case "boolean":
      return fc.boolean();
    case "amount":
      return money;
    case "count":
      return fc.integer({ min: 0, max: 30 });
    case "integer":
      return fc.integer({ min: fact.min, max: fact.max });
    case "percent":
      return fc.double({ min: 0, max: 100, noNaN: true });
    case "decimal":
      return fc.double({ min: fact.min ?? -1e6, max: fact.max ?? 1e6, noNaN: true });
    case "date":
      return fc
        .date({ min: new Date("2000-01-01"), max: new Date("2035-12-31"), noInvalidDate: true })
        .map((d) => d.toISOString().slice(0, 10));
    case "choice":
      return fc.constantFrom(...fact.options.map((o) => o.value));
    case "set":
      return fc.subarray(fact.options.map((o) => o.value));
    case "records":
      return fc.array(
        fc.record(
          Object.fromEntries(
            Object.entries(fact.fields).map(([name, field]) => [
              name,
              field.type === "boolean" ? fc.boolean() : fc.constantFrom(...field.options.map((o) => o.value)),
            ]),
          ),
          { requiredKeys: [] },
        ),
        { maxLength: 4 },
      );
  }
}

function nest(entries: [string, unknown][]): Record<string, unknown> {
  const root: Record<string, unknown> = {};
  for (const [path, value] of entries) setPath(root, path, value);
  return root;
}

const profiles: fc.Arbitrary<Profile> = fc
  .tuple(
    fc.constantFrom("tongzhou", "shijingshan", "other"),
    fc.record(Object.fromEntries([...set.facts.values()].map((f) => [f.path, factValue(f)])), {
      requiredKeys: [],
    }),
  )
  .map(([district, facts]) => parseProfile(set.profileSchema, { district, ...nest(Object.entries(facts)) }));

describe("evaluation properties", () => {
  it("never throws, and every amount is a whole number of yuan, never negative, never above the clause's cap", () => {
    fc.assert(
      fc.property(profiles, (profile) => {
        const result = evaluate(profile, set);
        for (const m of [...result.matches, ...result.nearMisses]) {
          const rule = benefits.get(`${m.policy}:${m.benefit}`)?.amount;
          if (m.amount.max === null) continue;
          expect(Number.isInteger(m.amount.max)).toBe(true);
          expect(m.amount.max).toBeGreaterThanOrEqual(0);
          const cap = rule && ceiling(rule);
          if (cap != null) expect(m.amount.max).toBeLessThanOrEqual(cap);
        }
        expect(result.totals.max).toBeGreaterThanOrEqual(0);
      }),
      { numRuns: 400 },
    );
  });

  it("an entity outside both districts never matches anything", () => {
    fc.assert(
      fc.property(profiles, (profile) => {
        const result = evaluate({ ...profile, district: "other" }, set);
        expect(result.matches).toEqual([]);
      }),
    );
  });

  // The figures a rate or a matching ratio applies to: more of them never means less money.
  const figures = [...benefits.values()].flatMap((b) =>
    (b.amount.kind === "rate" || b.amount.kind === "matching") && b.amount.figure.kind === "fact"
      ? [b.amount.figure.fact]
      : [],
  );

  it.each([...new Set(figures)])("is monotone in %s", (path) => {
    fc.assert(
      fc.property(profiles, money, money, (profile, a, b) => {
        const [low, high] = a <= b ? [a, b] : [b, a];
        const evaluateWith = (v: number) =>
          evaluate(parseProfile(set.profileSchema, withFigure(profile, path, v)), set);
        const lowResult = evaluateWith(low);
        const highResult = evaluateWith(high);
        expect(highResult.totals.max).toBeGreaterThanOrEqual(lowResult.totals.max);
      }),
      { numRuns: 150 },
    );
  });
});

describe("profile validation", () => {
  it("rejects any malformed input with a ProfileError, never anything else", () => {
    fc.assert(
      fc.property(fc.anything(), (input) => {
        try {
          parseProfile(set.profileSchema, input);
        } catch (error) {
          expect(error).toBeInstanceOf(ProfileError);
        }
      }),
      { numRuns: 500 },
    );
  });
});

function withFigure(profile: Profile, path: string, value: number): unknown {
  const copy = structuredClone(profile) as Record<string, unknown>;
  setPath(copy, path, value);
  return copy;
}

describe("refusing a profile", () => {
  // Valid profiles with one declared fact set to anything at all.
  const spoiled = profiles.chain((p) =>
    fc.tuple(fc.constantFrom(...[...set.facts.keys()]), fc.anything()).map(([path, value]) => {
      const copy = structuredClone(p) as Record<string, unknown>;
      setPath(copy, path, value);
      return { path, input: copy };
    }),
  );

  it("names the spoiled field (or one inside it), so the message says what to fix", () => {
    fc.assert(
      fc.property(spoiled, ({ path, input }) => {
        try {
          parseProfile(set.profileSchema, input);
        } catch (error) {
          expect(error).toBeInstanceOf(ProfileError);
          expect((error as ProfileError).field.startsWith(path)).toBe(true);
        }
      }),
      { numRuns: 500 },
    );
  });
});

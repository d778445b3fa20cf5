/**
 * The simulated users of test/fixtures/personas.json over `chat --json` (its module): each ends
 * on exactly `triage` of its hidden profile, with few answers after its description.
 */
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { loadPersonas, moduleDriver, simulateAll } from "../../scripts/simulate-personas.ts";
import { createFaqIndex } from "../../src/faq/index.ts";
import { loadPolicySet } from "../../src/policy/load.ts";
import { parseProfile } from "../../src/policy/profile.ts";

describe("simulated personas over chat --json", () => {
  const set = loadPolicySet();
  const personas = loadPersonas();

  it("has at least 20 personas in both languages, each with a valid hidden profile", () => {
    expect(personas.length).toBeGreaterThanOrEqual(20);
    expect(new Set(personas.map((p) => p.lang))).toEqual(new Set(["zh", "en"]));
    for (const p of personas) expect(() => parseProfile(set.profileSchema, p.profile), p.id).not.toThrow();
  });

  it("every persona reaches triage of its hidden profile, with at most 3 answers on average", async () => {
    const faq = createFaqIndex(set);
    const { outcomes, mean } = await simulateAll(personas, () => moduleDriver(set, faq), set);
    for (const o of outcomes) expect(o.passed, `${o.id}: ${o.why ?? ""}`).toBe(true);
    expect(mean).toBeLessThanOrEqual(3);
  }, 60_000);

  it("the second to seventh fresh sets (corrections, interjections, hedges, language switches) end on triage of each hidden profile", async () => {
    const faq = createFaqIndex(set);
    const file = (name: string) => fileURLToPath(new URL(`../fixtures/${name}`, import.meta.url));
    const fresh = [
      ...loadPersonas(file("personas-fresh2.json")),
      ...loadPersonas(file("personas-fresh3.json")),
      ...loadPersonas(file("personas-fresh4.json")),
      ...loadPersonas(file("personas-fresh5.json")),
      ...loadPersonas(file("personas-fresh6.json")),
      ...loadPersonas(file("personas-fresh7.json")),
    ];
    expect(fresh.length).toBeGreaterThanOrEqual(120);
    const { outcomes } = await simulateAll(fresh, () => moduleDriver(set, faq), set);
    for (const o of outcomes) expect(o.passed, `${o.id}: ${o.why ?? ""}`).toBe(true);
  }, 60_000);
});

/**
 * How each kind of benefit reads, once per language: transcripts.json holds profiles and the
 * explanation a reader gets for one of its benefits, in Chinese and English, written out in full
 * so a change of wording shows here. Engine tests (test/policy) assert the numbers and codes.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { evaluate } from "../../src/policy/evaluate.ts";
import { loadPolicySet } from "../../src/policy/load.ts";
import { parseProfile } from "../../src/policy/profile.ts";
import { toContractJson } from "../../src/render/report.ts";

interface Transcript {
  benefit: string;
  profile: unknown;
  zh: string;
  en: string;
}

const transcripts: Transcript[] = JSON.parse(
  readFileSync(new URL("./transcripts.json", import.meta.url), "utf8"),
);
const set = loadPolicySet();

function explanation(t: Transcript, lang: "zh" | "en"): string | undefined {
  const [policy, benefit] = t.benefit.split(":");
  const profile = parseProfile(set.profileSchema, t.profile);
  const json = toContractJson(evaluate(profile, set, { lang }), set, profile.district, lang);
  return json.matches.find((m) => m.policy === policy && m.benefit === benefit)?.amount.explanation;
}

describe.each(transcripts)("$benefit", (t) => {
  it.each(["zh", "en"] as const)("reads as written by a person (%s)", (lang) => {
    const text = explanation(t, lang);
    expect(text).toBe(t[lang]);
    // No figure restated as itself, no caveat repeated on the line (the caveats say it once).
    expect(text).not.toMatch(/= ([\d,]+) = \1(?![\d,])/);
    expect(text).not.toMatch(/征求意见稿|draft for comments/);
  });
});

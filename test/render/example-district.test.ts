/**
 * How the rule kinds of the fictional third document read, once per language: each entry of
 * example-district.transcripts.json is a profile, an evaluation date and what a reader is told
 * about one benefit (the working of a match, the reason of a near miss or an exclusion, or the
 * notice of a document out of its dates), written out in full. The document is loaded through the
 * extra-directory option like any trial document; an entry may change a few values of it
 * (`variant`) to reach a form the text itself never needs (a band above the clause's threshold).
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { evaluate } from "../../src/policy/evaluate.ts";
import { defaultDataDir, loadPolicySet, type PolicySet } from "../../src/policy/load.ts";
import type { Evaluation } from "../../src/policy/outcome.ts";
import { parseProfile } from "../../src/policy/profile.ts";
import type { AmountTrace } from "../../src/policy/trace.ts";
import { toContractJson } from "../../src/render/report.ts";
import { type Change, exampleFixtures, exampleVariant } from "../support/example-variant.ts";

interface Entry {
  /** The trace kind, reason code or notice code the entry shows. */
  kind: string;
  asOf: string;
  profile: unknown;
  /** "benefit-id", or "notice" for a document out of its dates. */
  about: string;
  /** Values of the fixture document changed for this entry: a path into it and the new value. */
  variant?: Change[];
  zh: string;
  en: string;
}

const entries: Entry[] = JSON.parse(
  readFileSync(new URL("./example-district.transcripts.json", import.meta.url), "utf8"),
);
const plain = loadPolicySet(defaultDataDir(), [exampleFixtures]);

/** Every trace kind inside a trace (a dated value wraps the computation it used, and so on). */
function traceKinds(trace: AmountTrace): string[] {
  switch (trace.kind) {
    case "items":
      return [trace.kind, ...trace.each.flatMap(traceKinds)];
    case "dated":
    case "exclusiveKept":
    case "exclusiveOpen":
    case "capCut":
      return [trace.kind, ...traceKinds(trace.inner)];
    default:
      return [trace.kind];
  }
}

/** The kinds and codes an evaluation shows for a benefit (or its notices). */
function shown(evaluation: Evaluation, about: string): string[] {
  if (about === "notice") return (evaluation.notices ?? []).map((n) => n.code);
  const all = [...evaluation.matches, ...evaluation.nearMisses, ...(evaluation.excluded ?? [])];
  const outcome = all.find((o) => o.benefit === about);
  return outcome ? [...traceKinds(outcome.trace), ...(outcome.reason ? [outcome.reason.code] : [])] : [];
}

/** What the reader is told about the benefit, as `triage --json` prints it. */
function told(evaluation: Evaluation, set: PolicySet, about: string, lang: "zh" | "en"): string[] {
  const json = toContractJson(evaluation, set, "example", lang);
  if (about === "notice") return (json.notices ?? []).map((n) => n.text);
  const match = json.matches.find((m) => m.benefit === about);
  if (match) return [match.amount.explanation];
  return [...json.nearMisses, ...(json.excluded ?? [])]
    .filter((o) => o.benefit === about)
    .map((o) => o.reason);
}

describe.each(entries)("$kind ($about)", (entry) => {
  const set = entry.variant ? exampleVariant(entry.variant) : plain;
  const profile = parseProfile(set.profileSchema, entry.profile);
  it.each(["zh", "en"] as const)("reads as written by a person (%s)", (lang) => {
    const evaluation = evaluate(profile, set, { asOf: entry.asOf, lang, whatIf: true });
    expect(shown(evaluation, entry.about)).toContain(entry.kind);
    expect(told(evaluation, set, entry.about, lang)).toEqual([entry[lang]]);
  });
});

describe("the transcripts", () => {
  it("show every kind the document's rules produce, in both languages", () => {
    const kinds = new Set(entries.map((e) => e.kind));
    const rules = ["band", "dated", "belowBands", "exclusiveKept", "exclusiveOpen", "exclusiveLower"];
    const caps = ["capCut", "capReached", "expired", "not_yet_in_force"];
    const bounds = ["ratioMissed", "durationMissed", "boundMissed"];
    for (const kind of [...rules, ...caps, ...bounds]) expect(kinds, kind).toContain(kind);
  });
});

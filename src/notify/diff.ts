/**
 * What changed for one kept triage: its profile evaluated again against the current documents,
 * compared with the result it was given, on numbers only (benefit ids and `amount.max`), plus
 * the status of each document it cited (a draft made final, a document expired). Pure: the
 * caller loads records and documents.
 */
import { compareDistricts, evaluate } from "../policy/evaluate.ts";
import type { PolicySet } from "../policy/load.ts";
import type { Evaluation } from "../policy/outcome.ts";
import { parseProfile } from "../policy/profile.ts";
import type { DocumentStatus } from "../policy/schema.ts";
import { type KeptVersion, versionKey } from "./versions.ts";

/** One benefit as a result gave it. */
export interface Granted {
  policy: string;
  benefit: string;
  max: number | null;
}

export type Change =
  | { kind: "gained"; policy: string; benefit: string; to: number | null }
  | { kind: "lost"; policy: string; benefit: string; from: number | null }
  | {
      kind: "up" | "down" | "changed";
      policy: string;
      benefit: string;
      from: number | null;
      to: number | null;
    }
  | { kind: "status"; policy: string; from: DocumentStatus; to: DocumentStatus };

/** A document the changes come from: the version the triage was evaluated against and now. */
export interface DocumentChange {
  policy: string;
  from: string | null;
  to: string;
}

export interface Difference {
  changes: Change[];
  documents: DocumentChange[];
  totals: { from: number; to: number };
  /** Things staff should know (an old version not kept, so its status is unknown). */
  notes: string[];
}

/** The benefits a recorded result (the `triage --json` shape, or `{compared: [...]}`) granted. */
export function grantedIn(result: unknown): { granted: Granted[]; compared: boolean } {
  const shaped = asObject(result);
  const parts = Array.isArray(shaped.compared) ? shaped.compared : [shaped];
  const granted: Granted[] = [];
  for (const part of parts) {
    for (const match of arrayOf(asObject(part).matches)) {
      const m = asObject(match);
      const max = asObject(m.amount).max;
      if (typeof m.policy === "string" && typeof m.benefit === "string")
        granted.push({ policy: m.policy, benefit: m.benefit, max: typeof max === "number" ? max : null });
    }
  }
  return { granted, compared: Array.isArray(shaped.compared) };
}

/** The same profile against the current documents, as the dialog evaluates it: its own
 * district, or every district when the recorded result compared them. Throws ProfileError when
 * the profile no longer fits the current facts. */
export function grantedNow(profile: unknown, set: PolicySet, compared: boolean): Granted[] {
  const parsed = parseProfile(set.profileSchema, profile);
  const known = set.documents.some((d) => d.id === parsed.district);
  const evaluations: Evaluation[] = compared
    ? compareDistricts(parsed, set)
    : known
      ? [evaluate(parsed, set)]
      : [];
  return evaluations.flatMap((e) =>
    e.matches.map((o) => ({ policy: o.policy, benefit: o.benefit, max: o.amount.max })),
  );
}

export function difference(
  before: Granted[],
  now: Granted[],
  evaluatedAgainst: Record<string, string> | undefined,
  set: PolicySet,
  versions: Map<string, KeptVersion>,
): Difference {
  const key = (g: Granted) => `${g.policy}\u0000${g.benefit}`;
  const old = new Map(before.map((g) => [key(g), g]));
  const current = new Map(now.map((g) => [key(g), g]));
  const changes: Change[] = [];
  for (const [k, g] of old) {
    const n = current.get(k);
    if (!n) changes.push({ kind: "lost", policy: g.policy, benefit: g.benefit, from: g.max });
    else if (n.max !== g.max)
      changes.push({
        kind: direction(g.max, n.max),
        policy: g.policy,
        benefit: g.benefit,
        from: g.max,
        to: n.max,
      });
  }
  for (const [k, n] of current) {
    if (!old.has(k)) changes.push({ kind: "gained", policy: n.policy, benefit: n.benefit, to: n.max });
  }
  const notes: string[] = [];
  // A document's status matters to a user it granted something, before or now.
  const cited = [...new Set([...before, ...now].map((g) => g.policy))];
  for (const policy of cited) {
    const document = set.documents.find((d) => d.id === policy);
    const was = evaluatedAgainst?.[policy];
    if (!document || was === undefined || was === document.version) continue;
    const kept = versions.get(versionKey(policy, was));
    if (!kept) notes.push(`${policy} ${was} is not kept under policies/history: its status then is unknown`);
    else if (kept.status !== document.status)
      changes.push({ kind: "status", policy, from: kept.status, to: document.status });
  }
  const changedPolicies = new Set(changes.map((c) => c.policy));
  const documents = [...changedPolicies].sort().map((policy) => ({
    policy,
    from: evaluatedAgainst?.[policy] ?? null,
    to: set.documents.find((d) => d.id === policy)?.version ?? "(removed)",
  }));
  return { changes, documents, totals: { from: sum(before), to: sum(now) }, notes };
}

function direction(from: number | null, to: number | null): "up" | "down" | "changed" {
  if (from === null || to === null) return "changed";
  return to > from ? "up" : "down";
}

const sum = (list: Granted[]) => list.reduce((total, g) => total + (g.max ?? 0), 0);

function asObject(value: unknown): Record<string, unknown> {
  return typeof value === "object" && value !== null ? (value as Record<string, unknown>) : {};
}

const arrayOf = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);

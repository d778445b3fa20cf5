/**
 * The enterprise profile (CONTRACT.md section 2), built from the declared facts so
 * that a document adding a fact adds it to the profile with no code change.
 */
import * as z from "zod";
import { normalizeDate } from "./dates.ts";
import { ProfileError } from "./errors.ts";
import { setPath } from "./paths.ts";
import type { Fact, PolicyDocument } from "./schema.ts";

/** A validated profile: `district` plus whatever declared facts were given. */
export type Profile = { district: string } & { [field: string]: unknown };
export type ProfileSchema = z.ZodType<Profile>;

/** Where an entity is outside every loaded district. */
export const OUTSIDE = "other";

function factSchema(fact: Fact): z.ZodType {
  switch (fact.type) {
    case "boolean":
      return z.boolean();
    case "amount":
      return z.number().finite().nonnegative();
    case "count":
      return z.number().int().nonnegative();
    case "integer":
      return z.number().int().min(fact.min).max(fact.max);
    case "percent":
      return z.number().finite().min(0).max(100);
    case "decimal": {
      const number = z.number().finite();
      const low = fact.min === undefined ? number : number.min(fact.min);
      return fact.max === undefined ? low : low.max(fact.max);
    }
    case "date":
      return z
        .string()
        .refine((v) => normalizeDate(v) !== undefined, "expected a date as YYYY-MM-DD or YYYY-MM");
    case "choice":
      return literalUnion(fact.options.map((o) => o.value));
    case "set":
      return z.array(literalUnion(fact.options.map((o) => o.value)));
    case "records":
      return z.array(
        z.strictObject(
          Object.fromEntries(
            Object.entries(fact.fields).map(([name, field]) => [
              name,
              (field.type === "boolean"
                ? z.boolean()
                : literalUnion(field.options.map((o) => o.value))
              ).optional(),
            ]),
          ),
        ),
      );
  }
}

/** One literal check over all the values (a union of literals tries each in turn). */
function literalUnion(values: (string | number)[]): z.ZodType {
  if (values.length === 0) throw new Error("a choice needs options");
  return z.literal(values);
}

type Shape = { [key: string]: Shape | z.ZodType };

export function buildProfileSchema(facts: Map<string, Fact>, documents: PolicyDocument[]): ProfileSchema {
  const root: Shape = {};
  for (const fact of facts.values()) {
    setPath(root, fact.path, factSchema(fact).optional());
  }
  const districts: [string, ...string[]] = [OUTSIDE, ...documents.map((d) => d.id)];
  root.district = z.enum(districts);
  root.id = IDENTITY.id;
  root.name = IDENTITY.name;
  // Compiled ahead of time (zod's z.compile): the profile is parsed 10,000 times in a batch, and
  // a valid one then takes one flat generated check instead of a walk over the schema. A profile
  // that fails falls back to the ordinary parser, so its issues (and our messages) are the same.
  // The data files, parsed once at start-up, stay interpreted (schema.ts: jitless).
  return z.compile(toObject(root)) as unknown as ProfileSchema;
}

/** Who the profile is, for staff (CONTRACT.md section 2): echoed first in every output object,
 * never read by evaluation. */
const IDENTITY = { id: z.string().min(1).max(64).optional(), name: z.string().min(1).max(200).optional() };

/** The identity fields first, as every output object for a profile begins. */
export function identityOf(profile: Record<string, unknown>): { id?: string; name?: string } {
  const out: { id?: string; name?: string } = {};
  if (typeof profile.id === "string") out.id = profile.id;
  if (typeof profile.name === "string") out.name = profile.name;
  return out;
}

function toObject(shape: Shape): z.ZodType {
  const entries = Object.entries(shape).map(([key, value]) => [
    key,
    value instanceof z.ZodType ? value : toObject(value).optional(),
  ]);
  return z.strictObject(Object.fromEntries(entries));
}

/** A profile fresh from JSON.parse, checked by the same schema without building a copy of it: the
 * schema only checks (no defaults, no transforms), so valid input is the profile itself, and the
 * generated check without the copy costs about half as much in a batch. Invalid input goes to
 * parseProfile for the message. Only for input nothing else holds: the result is not a copy. */
export function checkParsedProfile(schema: ProfileSchema, input: unknown): Profile {
  const profile = asDictionary(input);
  return schema.validate(profile) ? (profile as Profile) : parseProfile(schema, input);
}

/**
 * The top level of a parsed profile copied into an object without a prototype. Profiles in a
 * batch state different facts, so nearly every line parses to an object of its own hidden class,
 * and each of the schema's (and the evaluator's) property reads on it misses V8's inline caches
 * and is looked up the slow way. Objects made by `Object.create(null)` all share one
 * dictionary-mode class: a read is a hash lookup that the caches keep. Measured on 10,000 varied
 * profiles: the check with the copy costs about half of the check without it.
 */
function asDictionary(input: unknown): unknown {
  if (typeof input !== "object" || input === null || Array.isArray(input)) return input;
  // Object.assign takes the source's own keys in the same order as a for-in loop would (a parsed
  // object inherits nothing enumerable), in one builtin call: a fifth less than the loop.
  return Object.assign(Object.create(null), input);
}

/** Parses and validates a profile, or throws a ProfileError naming the first bad field. */
export function parseProfile(schema: ProfileSchema, input: unknown): Profile {
  // The one validator: no refinements or transforms in it, so a valid profile costs one pass.
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  if (!issue) throw new ProfileError("", "invalid profile");
  const path = issue.path.map(String).join(".");
  if (issue.code === "unrecognized_keys") {
    const field = [path, issue.keys[0]].filter(Boolean).join(".");
    throw new ProfileError(
      field,
      "unknown field; see CONTRACT.md section 2 for the fields a profile may have",
    );
  }
  return rethrow(path, issue);
}

function rethrow(path: string, issue: z.core.$ZodIssue): never {
  if (issue.code === "invalid_value") {
    throw new ProfileError(path, `expected one of ${issue.values.map((v) => JSON.stringify(v)).join(", ")}`);
  }
  if (issue.code === "too_small" && issue.origin === "number") {
    throw new ProfileError(path, `expected a number >= ${issue.minimum}, got a smaller one`);
  }
  if (issue.code === "invalid_type" && issue.input === undefined) {
    throw new ProfileError(path, `is required (expected ${issue.expected})`);
  }
  throw new ProfileError(path || "(profile)", issue.message.replace(/^Invalid input: /, ""));
}

/**
 * The enterprise profile (CONTRACT.md section 2), built from the declared facts so
 * that a document adding a fact adds it to the profile with no code change.
 */
import { z } from "zod";
import { ProfileError } from "./errors.ts";
import { setPath } from "./paths.ts";
import { compileProfileCheck } from "./profile-check.ts";
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

function literalUnion(values: (string | number)[]): z.ZodType {
  const literals = values.map((v) => z.literal(v));
  const [first, second, ...rest] = literals;
  if (!first) throw new Error("a choice needs options");
  return second ? z.union([first, second, ...rest]) : first;
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
  const schema = toObject(root) as unknown as ProfileSchema;
  quickChecks.set(schema, compileProfileCheck(facts.values(), districts));
  return schema;
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

const fitsIdentity = (value: unknown, max: number) =>
  value === undefined || (typeof value === "string" && value.length >= 1 && value.length <= max);

/** The fast check compiled alongside each schema (see profile-check.ts). */
const quickChecks = new WeakMap<ProfileSchema, (value: unknown) => boolean>();

function toObject(shape: Shape): z.ZodType {
  const entries = Object.entries(shape).map(([key, value]) => [
    key,
    value instanceof z.ZodType ? value : toObject(value).optional(),
  ]);
  return z.strictObject(Object.fromEntries(entries));
}

/** Parses and validates a profile, or throws a ProfileError naming the first bad field. */
export function parseProfile(schema: ProfileSchema, input: unknown): Profile {
  if (quickCheck(schema, input)) return input as Profile;
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

/** The compiled check knows only facts and district; id and name are checked here beside it. */
function quickCheck(schema: ProfileSchema, input: unknown): boolean {
  const check = quickChecks.get(schema);
  if (!check || typeof input !== "object" || input === null) return false;
  const { id, name, ...facts } = input as Record<string, unknown>;
  if (id === undefined && name === undefined) return check(input);
  return fitsIdentity(id, 64) && fitsIdentity(name, 200) && check(facts);
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

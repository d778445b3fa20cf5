/**
 * Loads the policy documents and the fact catalogue from `data/`, validates them,
 * and checks what a schema alone cannot: quotes are verbatim from the source text,
 * every fact a rule names is declared, benefit ids are unique.
 */
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { delimiter, dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import type { z } from "zod";
import { checkDocumentRules } from "./check-rules.ts";
import { PolicyDataError } from "./errors.ts";
import { kindHint } from "./kind-help.ts";
import { buildProfileSchema, type ProfileSchema } from "./profile.ts";
import {
  type AmountRule,
  type Condition,
  type Fact,
  FactCatalog,
  PolicyDocument,
  type Words,
} from "./schema.ts";

export interface PolicySet {
  documents: PolicyDocument[];
  /** Every declared fact by path: the shared catalogue plus each document's own. */
  facts: Map<string, Fact>;
  profileSchema: ProfileSchema;
  /** Each document's source text, by document id. */
  sources: Map<string, string>;
  /** The evaluation date every evaluation of this set uses unless told otherwise (`--as-of`);
   * unset: today. */
  asOf?: string;
  /** Words for places outside every loaded district (facts.json `elsewhere`), read as `other`. */
  elsewhere: Words;
  /** Names that contain a fact's word but name something else (facts.json `otherThings`). */
  otherThings?: Words;
  /** What money figures may measure that is no fact (facts.json `otherFigures`). */
  otherFigures?: Words;
}

/** Names folders (or files) of extra policy documents, loaded beside `data/policies` by the same
 * loader: tests and trials of a new document. The shipped advisor sets none. */
export const EXTRA_POLICIES_ENV = "ADVISOR_EXTRA_POLICIES";

function extraFromEnv(): string[] {
  const value = process.env[EXTRA_POLICIES_ENV];
  return value ? value.split(delimiter).filter(Boolean) : [];
}

/** A folder stands for its .json files, in name order. */
function documentFiles(path: string): string[] {
  const full = resolve(path);
  if (!existsSync(full) || !statSync(full).isDirectory()) return [full];
  return readdirSync(full)
    .filter((name) => name.endsWith(".json"))
    .sort()
    .map((name) => join(full, name));
}

/** The project's `data/` folder, found from wherever this module runs (src or dist). */
export function defaultDataDir(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    if (existsSync(join(dir, "data", "facts.json"))) return join(dir, "data");
    const parent = dirname(dir);
    if (parent === dir)
      throw new PolicyDataError("data/facts.json", "(start-up)", "not found above the program");
    dir = parent;
  }
}

/** Collapses white space, as the checks of quotes against sources do. */
export const squashSpace = (text: string) => text.replace(/\s+/g, "");

export function loadPolicySet(
  dataDir = defaultDataDir(),
  extraDocuments: string[] = extraFromEnv(),
): PolicySet {
  const catalogue = parseDataFile(join(dataDir, "facts.json"), FactCatalog);
  const policyDir = join(dataDir, "policies");
  const files = readdirSync(policyDir)
    .filter((name) => name.endsWith(".json"))
    .sort()
    .map((name) => join(policyDir, name))
    .concat(extraDocuments.flatMap(documentFiles));
  const documents: PolicyDocument[] = [];
  const sources = new Map<string, string>();
  const facts = new Map<string, Fact>();
  const declare = (file: string, fact: Fact) => {
    if (facts.has(fact.path)) throw new PolicyDataError(file, `facts.${fact.path}`, "declared twice");
    facts.set(fact.path, fact);
  };
  for (const fact of catalogue.facts) declare("data/facts.json", fact);
  for (const file of files) {
    const document = parseDataFile(file, PolicyDocument);
    if (sources.has(document.id))
      throw new PolicyDataError(file, "id", `policy id "${document.id}" is used twice`);
    for (const fact of document.facts) declare(file, fact);
    const source = readFileSync(resolve(dirname(file), document.sourceFile), "utf8");
    sources.set(document.id, source);
    documents.push(document);
  }
  for (const [i, document] of documents.entries())
    checkDocument(files[i] ?? document.id, document, sources, facts);
  checkTopics(facts);
  documents.sort((a, b) => a.order - b.order || a.id.localeCompare(b.id));
  const elsewhere = catalogue.elsewhere ?? { zh: [], en: [] };
  const otherThings = catalogue.otherThings ?? { zh: [], en: [] };
  return {
    documents,
    facts,
    sources,
    elsewhere,
    otherThings,
    ...(catalogue.otherFigures ? { otherFigures: catalogue.otherFigures } : {}),
    profileSchema: buildProfileSchema(facts, documents),
  };
}

/** A topic option names the facts it stands for; each must be declared. */
function checkTopics(facts: Map<string, Fact>) {
  for (const fact of facts.values()) {
    if (fact.type !== "set" && fact.type !== "choice") continue;
    for (const option of fact.options) {
      const missing = option.covers?.find((path) => !facts.has(path));
      if (missing) {
        throw new PolicyDataError(
          "data/facts.json",
          `facts.${fact.path}.options.${option.value}.covers`,
          `names the undeclared fact "${missing}"`,
        );
      }
    }
  }
}

/** Reads a JSON data file and validates it, or throws a PolicyDataError naming the place. */
export function parseDataFile<T extends z.ZodType>(
  file: string,
  schema: T,
  describe: (json: unknown, path: PropertyKey[]) => string = describePath,
): z.infer<T> {
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(file, "utf8"));
  } catch (error) {
    throw new PolicyDataError(file, "(file)", `cannot be read as JSON (${(error as Error).message})`);
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const message = issue?.message ?? "invalid";
    throw new PolicyDataError(
      file,
      describe(json, issue?.path ?? []),
      `${message}${kindHint(json, issue?.path ?? [])}`,
    );
  }
  return parsed.data;
}

/** Names a place in a document by article and benefit where it can, not by index. */
function describePath(json: unknown, path: PropertyKey[]): string {
  const names: string[] = [];
  let node: unknown = json;
  for (const key of path) {
    node = (node as Record<PropertyKey, unknown> | undefined)?.[key];
    const label =
      node && typeof node === "object" && "number" in node
        ? `article ${(node as { number: unknown }).number}`
        : node && typeof node === "object" && "id" in node
          ? `benefit ${(node as { id: unknown }).id}`
          : String(key);
    if (typeof key === "number" && label !== String(key)) names.pop();
    names.push(label);
  }
  return names.join(".") || "(root)";
}

function checkDocument(
  file: string,
  document: PolicyDocument,
  sources: Map<string, string>,
  facts: Map<string, Fact>,
) {
  checkDocumentRules(file, document, sources.get(document.id) ?? "");
  const source = squashSpace(sources.get(document.id) ?? "");
  const ids = new Set<string>();
  for (const article of document.articles) {
    const where = `article ${article.number}`;
    if (!source.includes(squashSpace(article.text)))
      throw new PolicyDataError(file, `${where}.text`, "is not verbatim from the source text");
    for (const benefit of article.benefits) {
      const at = `${where}.benefit ${benefit.id}`;
      if (ids.has(benefit.id)) throw new PolicyDataError(file, at, "benefit id used twice in the document");
      ids.add(benefit.id);
      if (!squashSpace(article.text).includes(squashSpace(benefit.quote)))
        throw new PolicyDataError(file, `${at}.quote`, "is not verbatim from the article's text");
      const missing = [...conditionFacts(benefit.conditions), ...amountFacts(benefit.amount)].find(
        (p) => !facts.has(p),
      );
      if (missing)
        throw new PolicyDataError(file, at, `names the fact "${missing}", which no data file declares`);
      if (benefit.years?.received && !facts.has(benefit.years.received))
        throw new PolicyDataError(
          file,
          `${at}.years`,
          `names the undeclared fact "${benefit.years.received}"`,
        );
    }
  }
}

/** Profile facts a condition reads (item-scoped `where` clauses read item fields, not the profile). */
export function conditionFacts(condition: Condition): string[] {
  switch (condition.kind) {
    case "flag":
    case "oneOf":
    case "atLeast":
    case "positive":
    case "includesAny":
    case "given":
    case "hasItem":
    case "atMost":
    case "above":
    case "below":
    case "age":
      return [condition.fact];
    case "ratio":
      return [condition.part, condition.whole];
    case "all":
    case "any":
      return condition.of.flatMap(conditionFacts);
    case "not":
      return conditionFacts(condition.of);
  }
}

const amountFactsOf = new WeakMap<AmountRule, string[]>();

/** Profile facts an amount rule reads. Rules inside `perItem.each` read item fields. Worked out
 * once per rule (evaluation asks for every outcome of a batch); the list is shared: only read it. */
export function amountFacts(rule: AmountRule): string[] {
  let facts = amountFactsOf.get(rule);
  if (facts === undefined) {
    facts = factsOfAmount(rule);
    amountFactsOf.set(rule, facts);
  }
  return facts;
}

function factsOfAmount(rule: AmountRule): string[] {
  switch (rule.kind) {
    case "none":
    case "fixed":
    case "upTo":
      return [];
    case "schedule":
      return [rule.year, rule.received].filter((f): f is string => f !== undefined);
    case "rate":
    case "matching":
    case "bands":
      return rule.figure.kind === "fact"
        ? [rule.figure.fact]
        : [rule.figure.value, rule.figure.part, rule.figure.whole];
    case "dated":
      return [...new Set(rule.values.flatMap((v) => amountFacts(v.rule)))];
    case "tiers":
      return [rule.by, ...(rule.from?.kind === "fact" ? [rule.from.fact] : [])];
    case "perItem": {
      const source = rule.items.kind === "elements" ? rule.items.facts : [rule.items.fact];
      return [...source, ...(rule.limit?.received ? [rule.limit.received] : [])];
    }
  }
}

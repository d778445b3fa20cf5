/**
 * The vocabulary in which policy documents are written as data.
 *
 * Every type here is inferred from its zod schema, so the data files under `data/`
 * and the code that reads them cannot drift apart. Conditions, figures and amount
 * rules are discriminated unions on `kind`; the evaluator handles each with an
 * exhaustive switch, so a new kind fails to compile until it is handled.
 */
import * as z from "zod";

// zod compiles a parser per object shape with `new Function`; for profiles (many optional keys,
// each batch line a different shape) the interpreted path measured twice as fast.
z.config({ jitless: true });

export const Localized = z.strictObject({ zh: z.string().min(1), en: z.string().min(1) });
export type Localized = z.infer<typeof Localized>;
/** A button's label where the full one is long: a phone shows about 12 characters on a button
 * (two to a row), so longer ones are cut off; the full label stays in the question's text. */
export const ShortLabel = z.strictObject({ zh: z.string().min(1).max(12), en: z.string().min(1).max(12) });
/** The languages of the advisor: every Localized text has both. Defined here, once. */
export type Lang = keyof Localized;

/** A dotted path into the profile (`infrastructure.fixedAssetInvestment`) or, inside
 * a per-item rule, a field of the item (`level`). */
const FactPath = z.string().regex(/^[A-Za-z][A-Za-z0-9]*(\.[A-Za-z][A-Za-z0-9]*)*$/, "a dotted fact path");
const Scalar = z.union([z.string(), z.number()]);
const Yuan = z.number().int().nonnegative();
const Percent = z.number().positive().max(100);

// ---------------------------------------------------------------------------
// Facts: the profile's vocabulary, each with the question that asks for it.

/** What people type for a fact or an option, read by src/dialog/understand: words and synonyms
 * in each language, matched inside a message (English case-insensitively, on word edges). */
export const Words = z.strictObject({
  zh: z.array(z.string().min(1)).default([]),
  en: z.array(z.string().min(1)).default([]),
});
export type Words = z.infer<typeof Words>;

const ChoiceOption = z.strictObject({
  value: Scalar,
  label: Localized,
  short: ShortLabel.optional(),
  /** Words naming this option in free text ("部属" for ministry); the label is read too. */
  words: Words.optional(),
  /** Words that name the option only as an answer to its own question ("交易" for the first
   * transaction), too broad to state it inside a description. */
  answerWords: Words.optional(),
  /** Words that name the option's area as much as the thing done ("数据交易", "data registration"):
   * in a description they state it only where the same clause says it happened (完成, 已, 首次,
   * done, first…), never for a business in that area ("我们做数据交易业务"). */
  areaWords: Words.optional(),
  /** For a topic checklist: the facts this option stands for, not asked when it is left unticked. */
  covers: z.array(FactPath).optional(),
});

const FactBase = {
  path: FactPath,
  label: Localized,
  question: Localized.optional(),
  help: Localized.optional(),
  /** The value a missing fact takes in evaluation, where the contract states one
   * ("0 if none", entity type defaults to enterprise). Without it a missing fact is unknown. */
  default: z.unknown().optional(),
  /** Words that name the fact in a description: cue words an amount, count or level is bound to,
   * or, for a yes/no fact, phrases that state it ("揭榜挂帅"). */
  words: Words.optional(),
  /** Phrases that state a yes/no fact is false ("还在建设"), beyond a negated `words` phrase. */
  notWords: Words.optional(),
  /** As an option's `areaWords`: words of the fact's area ("数据出境", "数据中心") that state it
   * only with a word saying it happened in the same clause, or false where they are negated. */
  areaWords: Words.optional(),
  /** The fact is something achieved (投入使用, 首交易, 出盒, a DCMM level): a plan or work still in
   * progress in the same clause ("打算后年建", "还在准备", "still building") says it is not (false, or
   * no level), never that it is. */
  milestone: z.boolean().optional(),
  /** Every entity has one of the fact's values (its type): "没有" / "none" answers nothing. */
  neverNone: z.boolean().optional(),
  /** Where a fact's words are everyday words that mean it only in one setting, a description
   * must also say one of these: "营收三千万" is a company's revenue, the technology-transfer
   * project's sales only where the message talks of "成果转化". Answers to its question need none. */
  context: Words.optional(),
  /** Words for particular values of a level or count ("稳健级" is DCMM level 3). */
  valueWords: z.array(z.strictObject({ value: Scalar, words: Words })).optional(),
};

const RecordField = z.discriminatedUnion("type", [
  z.strictObject({
    type: z.literal("boolean"),
    label: Localized,
    words: Words.optional(),
    notWords: Words.optional(),
    /** Other fields a true value states too (upgraded from municipal: the level is national). */
    implies: z.record(z.string(), Scalar.or(z.boolean())).optional(),
  }),
  z.strictObject({ type: z.literal("choice"), label: Localized, options: z.array(ChoiceOption).min(1) }),
]);

export const Fact = z.discriminatedUnion("type", [
  z.strictObject({ ...FactBase, type: z.literal("boolean") }),
  z.strictObject({ ...FactBase, type: z.literal("amount") }),
  /** A whole number of things or people; `max` where a larger answer is surely a slip. */
  z.strictObject({ ...FactBase, type: z.literal("count"), max: z.number().int().positive().optional() }),
  /** A share in percent, decimals allowed ("12.5%"): 0 to 100. */
  z.strictObject({ ...FactBase, type: z.literal("percent") }),
  /** A number that need not be whole (a ratio, a score), within optional bounds. */
  z.strictObject({
    ...FactBase,
    type: z.literal("decimal"),
    min: z.number().optional(),
    max: z.number().optional(),
  }),
  /** A calendar date, "YYYY-MM-DD", or "YYYY-MM" when only the month is known (read as its first day). */
  z.strictObject({ ...FactBase, type: z.literal("date") }),
  z.strictObject({ ...FactBase, type: z.literal("integer"), min: z.number().int(), max: z.number().int() }),
  z.strictObject({ ...FactBase, type: z.literal("choice"), options: z.array(ChoiceOption).min(1) }),
  z.strictObject({ ...FactBase, type: z.literal("set"), options: z.array(ChoiceOption).min(1) }),
  z.strictObject({
    ...FactBase,
    type: z.literal("records"),
    fields: z.record(z.string(), RecordField),
    /** Ready-made records a user can pick in the dialog (each a partial item). */
    presets: z.array(
      z.strictObject({
        label: Localized,
        short: ShortLabel.optional(),
        value: z.record(z.string(), Scalar.or(z.boolean())),
      }),
    ),
  }),
]);
export type Fact = z.infer<typeof Fact>;

/** How a figure compares with a bound: at least / at most (inclusive, CONTRACT.md section 6),
 * above / below (strict). */
export const Bound = z.enum(["atLeast", "atMost", "above", "below"]);
export type Bound = z.infer<typeof Bound>;

/** A length of time; years and months add up ("3年" → { years: 3 }). */
export const Duration = z
  .strictObject({ years: z.number().int().min(0).optional(), months: z.number().int().min(0).optional() })
  .refine((d) => (d.years ?? 0) + (d.months ?? 0) > 0, "give years or months (more than 0)");
export type Duration = z.infer<typeof Duration>;

/** A calendar date as the data writes it. */
export const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "a date as YYYY-MM-DD");

// ---------------------------------------------------------------------------
// Conditions: three-valued (true / false / unknown when a fact is missing).

export const Condition = z.discriminatedUnion("kind", [
  /** The boolean fact is true. */
  z.strictObject({ kind: z.literal("flag"), fact: FactPath }),
  /** The fact's value is one of `values`. */
  z.strictObject({ kind: z.literal("oneOf"), fact: FactPath, values: z.array(Scalar).min(1) }),
  /** A figure at or above `value` (以上 includes the number itself). */
  z.strictObject({ kind: z.literal("atLeast"), fact: FactPath, value: z.number() }),
  /** A figure at or below `value` (不超过/以下/以内 include the number itself). */
  z.strictObject({ kind: z.literal("atMost"), fact: FactPath, value: z.number() }),
  /** A figure strictly above `value` (大于/超过/高于). */
  z.strictObject({ kind: z.literal("above"), fact: FactPath, value: z.number() }),
  /** A figure strictly below `value` (低于/不足/不满). */
  z.strictObject({ kind: z.literal("below"), fact: FactPath, value: z.number() }),
  /** One figure as a percentage of another ("研发投入占营业收入比例不低于5%"); a `whole` of 0 is false. */
  z.strictObject({
    kind: z.literal("ratio"),
    part: FactPath,
    whole: FactPath,
    bound: Bound,
    percent: Percent,
  }),
  /** The time from a date fact to the evaluation date ("成立不满3年": bound "below", years 3). */
  z.strictObject({ kind: z.literal("age"), fact: FactPath, bound: Bound, duration: Duration }),
  /** A figure strictly above zero: something was actually paid or bought. */
  z.strictObject({ kind: z.literal("positive"), fact: FactPath }),
  /** A set fact holds at least one of `values`. */
  z.strictObject({ kind: z.literal("includesAny"), fact: FactPath, values: z.array(Scalar).min(1) }),
  /** A records fact holds an item for which `where` holds (evaluated on the item). */
  z.strictObject({
    kind: z.literal("hasItem"),
    fact: FactPath,
    get where() {
      return Condition;
    },
  }),
  /** The profile states the fact at all (never unknown). */
  z.strictObject({ kind: z.literal("given"), fact: FactPath }),
  z.strictObject({
    kind: z.literal("all"),
    get of() {
      return z.array(Condition).min(1);
    },
  }),
  z.strictObject({
    kind: z.literal("any"),
    get of() {
      return z.array(Condition).min(1);
    },
  }),
  z.strictObject({
    kind: z.literal("not"),
    get of() {
      return Condition;
    },
  }),
]);
export type Condition = z.infer<typeof Condition>;

// ---------------------------------------------------------------------------
// Figures: the numbers an amount is computed from.

export const Figure = z.discriminatedUnion("kind", [
  z.strictObject({ kind: z.literal("fact"), fact: FactPath }),
  /** `value × min(1, part / whole)`: the share of a cost that eligible spending covers. */
  z.strictObject({ kind: z.literal("coveredShare"), value: FactPath, part: FactPath, whole: FactPath }),
]);
export type Figure = z.infer<typeof Figure>;

/** Where a per-item rule finds its items. */
export const ItemSource = z.discriminatedUnion("kind", [
  /** Records of a records fact for which `where` holds; each item is the record. */
  z.strictObject({ kind: z.literal("records"), fact: FactPath, where: Condition.optional() }),
  /** Every element of one or more set facts; each item is `{ value }`. */
  z.strictObject({ kind: z.literal("elements"), facts: z.array(FactPath).min(1) }),
  /** A count fact: that many identical items. */
  z.strictObject({ kind: z.literal("count"), fact: FactPath }),
]);
export type ItemSource = z.infer<typeof ItemSource>;

const Tier = z.strictObject({ key: Scalar, amount: Yuan, label: Localized.optional() });

/** One band of a figure: from `from` (included unless `strict`, "1亿元（含）以上") up to the next band. */
const Band = z.strictObject({ from: Yuan, strict: z.boolean().optional(), amount: Yuan });

export const AmountRule = z.discriminatedUnion("kind", [
  /** Not money: a service, priority, or support "in kind". */
  z.strictObject({ kind: z.literal("none") }),
  /** Exactly this much ("给予10万元一次性奖励"). */
  z.strictObject({ kind: z.literal("fixed"), amount: Yuan }),
  /** Up to this much, with nothing to compute ("最高100万元"). */
  z.strictObject({ kind: z.literal("upTo"), cap: Yuan }),
  /** A percentage of a figure, with an optional cap ("按…的20%给予最高2000万元"). */
  z.strictObject({ kind: z.literal("rate"), figure: Figure, percent: Percent, cap: Yuan.optional() }),
  /** Matching another award at `ratio` (1:1 → 1, 1:0.5 → 0.5), with an optional cap. */
  z.strictObject({
    kind: z.literal("matching"),
    figure: Figure,
    ratio: z.number().positive().max(10),
    cap: Yuan.optional(),
  }),
  /** An amount by level; with `from`, the difference from a level already funded;
   * with `percent`, that share of the level's amount (follow-up awards). */
  z.strictObject({
    kind: z.literal("tiers"),
    by: FactPath,
    tiers: z.array(Tier).min(1),
    from: z
      .discriminatedUnion("kind", [
        z.strictObject({ kind: z.literal("fact"), fact: FactPath }),
        z.strictObject({ kind: z.literal("key"), key: Scalar }),
      ])
      .optional(),
    percent: Percent.optional(),
  }),
  /** One award per item, added up, optionally within a per-entity cumulative limit
   * that counts what was already received. */
  z.strictObject({
    kind: z.literal("perItem"),
    items: ItemSource,
    get each() {
      return AmountRule;
    },
    limit: z.strictObject({ cap: Yuan, received: FactPath.optional() }).optional(),
  }),
  /** An award by the band a figure falls in ("1亿元（含）以上的，奖励100万元；5000万元（含）至1亿元的，奖励50万元"). */
  z.strictObject({ kind: z.literal("bands"), figure: Figure, bands: z.array(Band).min(1) }),
  /** A rule that changes over time, as OpenFisca keeps parameters: each value applies from its
   * date until the next one; `reference` is the verbatim words that set it. */
  z.strictObject({
    kind: z.literal("dated"),
    get values() {
      return z
        .array(z.strictObject({ from: IsoDate, reference: z.string().min(4), rule: AmountRule }))
        .min(1);
    },
  }),
  /** Operating funds paid over several years: `firstYear` now, later years by
   * performance, `total` over the whole period. */
  z.strictObject({
    kind: z.literal("schedule"),
    firstYear: Yuan,
    laterYearCap: Yuan.optional(),
    years: z.number().int().min(2),
    total: Yuan,
    /** The support year applied for (1 when not said), and the yuan already received under the
     * clause: later years are capped by what is left of `total` (CONTRACT.md section 6). */
    year: FactPath.optional(),
    received: FactPath.optional(),
  }),
]);
export type AmountRule = z.infer<typeof AmountRule>;

// ---------------------------------------------------------------------------
// Documents.

export const Period = z.enum(["one_time", "annual", "multi_year"]);
export type Period = z.infer<typeof Period>;

/** Rules across a document's benefits, applied after each benefit's own amount. */
export const DocumentRule = z.discriminatedUnion("kind", [
  /** 择一享受：of these benefits only one is paid; with `pick: "highest"` (就高) the largest. */
  z.strictObject({
    kind: z.literal("exclusive"),
    benefits: z.array(z.string()).min(2),
    pick: z.literal("highest"),
    quote: z.string().min(10),
  }),
  /** A ceiling on the sum of the listed benefits (all monetary ones when omitted) a year. */
  z.strictObject({
    kind: z.literal("cap"),
    amount: Yuan,
    benefits: z.array(z.string()).min(1).optional(),
    quote: z.string().min(10),
  }),
]);
export type DocumentRule = z.infer<typeof DocumentRule>;

/** The dates between which a document applies ("自2026年1月1日起施行，有效期至2027年12月31日"). */
export const Validity = z.strictObject({
  from: IsoDate.optional(),
  to: IsoDate.optional(),
  quote: z.string().min(10),
});
export type Validity = z.infer<typeof Validity>;

export const Benefit = z.strictObject({
  id: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, "a kebab-case id"),
  title: Localized,
  summary: Localized,
  /** Entity types the clause names as beneficiaries; omitted means any. */
  entityTypes: z.array(z.string()).min(1).optional(),
  conditions: Condition,
  amount: AmountRule,
  period: Period,
  /** Support repeated yearly for a limited number of years (per project). */
  years: z.strictObject({ count: z.number().int().min(2), received: FactPath.optional() }).optional(),
  /** Verbatim words of the source that grant the benefit and state its amount. */
  quote: z.string().min(10),
  /** How an ambiguous wording is read (CONTRACT.md section 6), said in every explanation. */
  reading: Localized.optional(),
});
export type Benefit = z.infer<typeof Benefit>;

export const Article = z.strictObject({
  /** 0: the document's text outside its numbered articles (CONTRACT.md section 4). */
  number: z.number().int().nonnegative(),
  /** The heading as the source gives it. */
  heading: z.string().min(1),
  title: Localized,
  /** The article's whole text, verbatim. */
  text: z.string().min(1),
  /** A faithful English rendering, one entry per sentence of `text` (split after "。"), shown
   * marked as a translation; the Chinese text stays the source. */
  translation: z.strictObject({ en: z.array(z.string().min(1)).min(1) }).optional(),
  /** `informational`: scope, entry into force, non-money encouragement. */
  kind: z.enum(["benefits", "informational"]),
  /** The document's closing text (entry into force, validity, who interprets): it answers
   * "when / how long / who" questions for each district. */
  closing: z.literal(true).optional(),
  benefits: z.array(Benefit),
  /** Extra search terms (colloquial zh/en) that help the FAQ find this article. */
  keywords: z.array(z.string()).optional(),
});
export type Article = z.infer<typeof Article>;

export const DocumentStatus = z.enum(["draft", "in_force", "expired"]);
export type DocumentStatus = z.infer<typeof DocumentStatus>;

export const PolicyDocument = z.strictObject({
  id: z.string().regex(/^[a-z][a-z0-9_]*$/),
  /** Where the district stands in lists and reports (lower first); ties go by id. */
  order: z.number().int().default(100),
  /** The district's name, as users say it (for the district question and FAQ). */
  district: Localized,
  /** Other names users type for the district (副中心, Sub-center…). */
  aliases: z.array(z.string()).default([]),
  title: Localized,
  issuer: Localized,
  interpretingAuthority: Localized,
  /** Where this version stands: a draft for comments, in force, or no longer in force. */
  status: DocumentStatus,
  /** This version's own label ("draft-1", "2026"); notifications are sent once per version. */
  version: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/, "a short version label such as 2026 or draft-1"),
  /** The day this version was issued (YYYY-MM-DD), or null where the text does not say. */
  issued: z.iso.date().nullable().default(null),
  /** The version this one replaces, kept under `policies/history/` for comparison; null for a first version. */
  replaces: z.string().min(1).nullable().default(null),
  /** How English names the document's numbered parts ("article 2", "item (2)"). */
  numbering: z.enum(["article", "item"]).default("item"),
  /** Caveats every answer citing the document repeats (draft status, validity). */
  caveat: Localized,
  effective: Localized,
  sourceFile: z.string().min(1),
  articles: z.array(Article).min(1),
  /** Facts this document introduces beyond the shared catalogue. */
  facts: z.array(Fact).default([]),
  /** Where the document states its own dates; outside them nothing of it applies. */
  validity: Validity.optional(),
  /** Exclusivity groups and document-wide caps. */
  rules: z.array(DocumentRule).default([]),
});
export type PolicyDocument = z.infer<typeof PolicyDocument>;

export const FactCatalog = z.strictObject({
  facts: z.array(Fact).min(1),
  /** Places outside every loaded district (other Beijing districts, other cities), read as `other`. */
  elsewhere: Words.optional(),
  /** Names of other things that contain a fact's word ("数据交易所" is an exchange, not a data
   * transaction): read as themselves, so the word inside them states nothing. */
  otherThings: Words.optional(),
  /** What a money figure may measure that is no fact ("奖金", "prize", "注册资本"): a figure said of
   * it ("拿了30万奖金", "a 100k prize") is not bound to a fact's word nearby. */
  otherFigures: Words.optional(),
});
export type FactCatalog = z.infer<typeof FactCatalog>;

/**
 * The FAQ's own word lists (data/faq.json): generic and procedural words, which do not
 * count as evidence that a clause answers a question, and the areas the measures cover,
 * said when a question falls outside them. Data, so staff can extend them without code.
 */
import { join } from "node:path";
import * as z from "zod";
import { PolicyDataError } from "../policy/errors.ts";
import { defaultDataDir, parseDataFile } from "../policy/load.ts";
import type { Localized } from "../policy/schema.ts";

const ArticleRef = z
  .string()
  .regex(/^[a-z][a-z0-9_]*:\d+$/, "policy:article, a policy id and an article number, e.g. mydistrict:6");

const FaqVocabularyFile = z.strictObject({
  about: z.string().optional(),
  generic: z.array(z.string().trim().min(1)),
  procedural: z.array(z.string().trim().min(1)),
  areas: z.array(
    z.strictObject({ zh: z.string().min(1), en: z.string().min(1), articles: z.array(ArticleRef).min(1) }),
  ),
  /** Cues of questions about the documents themselves (kinds.ts): strong ones alone, weak
   * ones only in a question about the measures (naming a district or a `subject` word). */
  kinds: z
    .strictObject({
      closing: z.strictObject({
        cues: z.array(z.string().trim().min(1)),
        weak: z.array(z.string().trim().min(1)),
      }),
      scope: z.strictObject({
        cues: z.array(z.string().trim().min(1)),
        weak: z.array(z.string().trim().min(1)),
        /** The clauses that say whom each document applies to. */
        clauses: z.array(ArticleRef),
      }),
    })
    .optional(),
  /** Words for the documents themselves (措施, rules), which make a weak cue count. */
  subject: z.array(z.string().trim().min(1)).optional(),
  /** What a question says that puts it outside clauses it shares words with (outside.ts). */
  notCovered: z
    .array(
      z.strictObject({
        cues: z.array(z.string().trim().min(1)).min(1),
        articles: z.array(ArticleRef).min(1),
      }),
    )
    .optional(),
});
export type FaqVocabulary = z.infer<typeof FaqVocabularyFile>;

export interface Area extends Localized {
  articles: string[];
}

export const EMPTY_VOCABULARY: FaqVocabulary = { generic: [], procedural: [], areas: [] };

export function loadFaqVocabulary(file = join(defaultDataDir(), "faq.json")): FaqVocabulary {
  const vocabulary = parseDataFile(file, FaqVocabularyFile, (_, path) => path.join(".") || "(root)");
  const seen = new Set<string>();
  for (const area of vocabulary.areas)
    for (const ref of area.articles) {
      if (seen.has(ref)) throw new PolicyDataError(file, `areas.${ref}`, "clause listed in two areas");
      seen.add(ref);
    }
  return vocabulary;
}

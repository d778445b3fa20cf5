/**
 * The domain synonym list (data/synonyms.json): groups of terms that name one concept,
 * so that "拿数据去银行贷款", "质押" and "pledge" meet. Kept as data so that staff can
 * extend it without touching the ranking code.
 */
import { join } from "node:path";
import * as z from "zod";
import { PolicyDataError } from "../policy/errors.ts";
import { defaultDataDir, parseDataFile } from "../policy/load.ts";

const SynonymGroup = z.strictObject({
  id: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, "a kebab-case id"),
  terms: z.array(z.string().trim().min(1)).min(1),
});
export type SynonymGroup = z.infer<typeof SynonymGroup>;

const SynonymFile = z.strictObject({ about: z.string().optional(), groups: z.array(SynonymGroup) });

/** Reads and checks the synonym file; a broken file stops start-up with a message naming the place. */
export function loadSynonyms(file = join(defaultDataDir(), "synonyms.json")): SynonymGroup[] {
  const { groups } = parseDataFile(file, SynonymFile, (_, path) => path.join(".") || "(root)");
  const seen = new Set<string>();
  for (const group of groups) {
    if (seen.has(group.id)) throw new PolicyDataError(file, `groups.${group.id}`, "group id used twice");
    seen.add(group.id);
  }
  return groups;
}

/**
 * Load-time checks of what the new kinds add beyond the schema: the dated values' references and
 * the validity and rule quotes are verbatim from the text, and every benefit a rule names exists.
 */
import { PolicyDataError } from "./errors.ts";
import type { AmountRule, PolicyDocument } from "./schema.ts";

const squash = (text: string) => text.replace(/\s+/g, "");

export function checkDocumentRules(file: string, document: PolicyDocument, source: string): void {
  const text = squash(source);
  const ids = new Set(document.articles.flatMap((a) => a.benefits.map((b) => b.id)));
  if (document.validity && !text.includes(squash(document.validity.quote)))
    throw new PolicyDataError(
      file,
      "validity.quote",
      "is not verbatim from the source text; copy the words that state the dates",
    );
  for (const [i, rule] of document.rules.entries()) {
    const at = `rules.${i} (${rule.kind})`;
    if (!text.includes(squash(rule.quote)))
      throw new PolicyDataError(
        file,
        `${at}.quote`,
        "is not verbatim from the source text; copy the words of the rule",
      );
    const unknown = (rule.benefits ?? []).find((id) => !ids.has(id));
    if (unknown)
      throw new PolicyDataError(
        file,
        `${at}.benefits`,
        `names the benefit "${unknown}", which no article of the document has; use a benefit id`,
      );
  }
  for (const article of document.articles)
    for (const benefit of article.benefits)
      checkReferences(
        file,
        `article ${article.number}.benefit ${benefit.id}.amount`,
        benefit.amount,
        squash(article.text),
      );
}

/** Dated values name the words that set them; those must be the article's own. */
function checkReferences(file: string, at: string, rule: AmountRule, article: string): void {
  if (rule.kind === "perItem") {
    checkReferences(file, `${at}.each`, rule.each, article);
    return;
  }
  if (rule.kind !== "dated") return;
  for (const [i, value] of rule.values.entries()) {
    if (!article.includes(squash(value.reference)))
      throw new PolicyDataError(
        file,
        `${at}.values.${i}.reference`,
        "is not verbatim from the article's text; quote the words that set this value",
      );
    checkReferences(file, `${at}.values.${i}.rule`, value.rule, article);
  }
}

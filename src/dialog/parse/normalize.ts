/** Folds the ways people type the same answer (full-width forms, case, stray punctuation). */

/** Full-width ASCII (ＡＢＣ１２３，) to half-width, lower case, trimmed, inner spaces collapsed. */
export function fold(text: string): string {
  return text.normalize("NFKC").toLowerCase().replace(/\s+/g, " ").trim();
}

/** `fold` and then drop the punctuation that closes or decorates a short answer ("是的。", "yes!"). */
export function bare(text: string): string {
  return fold(text)
    .replace(/^[\s"'“”‘’「」『』【】()[\]]+|[\s"'“”‘’「」『』【】()[\]。.!！~～…,，;；:：]+$/g, "")
    .trim();
}

/**
 * The English rendering of a clause, or of the sentences a quote comes from. Each
 * article's `translation.en` has one entry per Chinese sentence (CONTRACT.md section 4:
 * English questions get English text, the Chinese quote kept as the source).
 */
import type { Article } from "../policy/schema.ts";

/** A text's sentences, each ending with its "。" (the last may have none). */
export function sentencesOf(text: string): string[] {
  return text
    .split(/(?<=。)/)
    .map((s) => s.trim())
    .filter(Boolean);
}

const squash = (text: string) => text.replace(/\s+/g, "");

/** The English of the sentences `quote` lies in (the whole article without a quote);
 * undefined when the article has no translation or it does not line up. */
export function englishOf(article: Article, quote?: string): string | undefined {
  const english = article.translation?.en;
  const sentences = sentencesOf(article.text);
  if (!english || english.length !== sentences.length) return undefined;
  if (!quote || squash(quote) === squash(article.text)) return english.join(" ");
  const at = squash(article.text).indexOf(squash(quote));
  if (at < 0) return english.join(" ");
  const end = at + squash(quote).length;
  const picked: string[] = [];
  let start = 0;
  for (const [i, sentence] of sentences.entries()) {
    const stop = start + squash(sentence).length;
    if (stop > at && start < end) picked.push(english[i] as string);
    start = stop;
  }
  return picked.join(" ");
}

/**
 * What counts as a question the FAQ can take: some words, and not a whole document.
 * The CLI (one question or a batch line) and the chat adapters check the same way.
 */

/** Longer than any real question; a pasted document would only produce noise. */
export const MAX_QUESTION_CHARS = 1000;

/** A question the FAQ cannot search: empty, wordless, or too long. */
export class QuestionError extends Error {
  override readonly name = "QuestionError";
}

/** Returns the question trimmed, or throws a QuestionError that says how to fix it. */
export function checkQuestion(question: string): string {
  const trimmed = question.replace(/^\uFEFF/, "").trim();
  if (!trimmed)
    throw new QuestionError('empty question: write the question in words, e.g. "数据资产质押贷款有贴息吗"');
  if (trimmed.length > MAX_QUESTION_CHARS)
    throw new QuestionError(
      `question is ${trimmed.length} characters long; keep it under ${MAX_QUESTION_CHARS} (one question, not a document)`,
    );
  if (!/[\p{L}\p{N}]/u.test(trimmed))
    throw new QuestionError("question has no words, only punctuation; write what you want to know");
  return trimmed;
}

/**
 * `advisor ask`: free-text questions → the policy clauses that answer them
 * (CONTRACT.md sections 1 and 4). One question, or `--batch FILE.txt` with one question
 * a line; JSON (`--json`) or a readable report (Chinese, `--lang en` for English).
 */
import { createFaqIndex, DEFAULT_TOP, type FaqSearch } from "../faq/index.ts";
import { checkQuestion, QuestionError } from "../faq/question.ts";
import { renderAnswers } from "../faq/report.ts";
import { type FaqVocabulary, loadFaqVocabulary } from "../faq/vocabulary.ts";
import { loadPolicySet, type PolicySet } from "../policy/load.ts";
import type { Lang } from "../policy/outcome.ts";
import { type Command, EXIT_OK, parseFlags, parseLang, readUserFile, UsageError } from "./io.ts";

interface AskCliOptions {
  json: boolean;
  top: number;
  /** Set by --lang; otherwise JSON titles follow each question's language and the report is Chinese. */
  lang: Lang | undefined;
  /** For the readable form: the areas the measures cover, said when a question is outside them. */
  vocabulary?: FaqVocabulary;
}

export const run: Command = async (args, io) => {
  const { values, positionals } = parseFlags("ask", {
    args,
    options: {
      batch: { type: "string" },
      json: { type: "boolean", default: false },
      top: { type: "string" },
      lang: { type: "string" },
    },
    allowPositionals: true,
  });
  const options: AskCliOptions = {
    json: values.json,
    top: parseTop(values.top),
    lang: values.lang === undefined ? undefined : parseLang(values.lang),
  };
  const question = positionals.join(" ");
  if (values.batch !== undefined && question)
    throw new UsageError("ask: give a question or --batch FILE, not both");
  if (values.batch === undefined) {
    const checked = checkOne(question);
    const set = loadPolicySet();
    io.stdout.write(`${answer(checked, createFaqIndex(set), set, withVocabulary(options))}\n`);
    return EXIT_OK;
  }
  const text = readUserFile(values.batch, "give a text file with one question a line");
  const set = loadPolicySet();
  io.stdout.write(askLines(text, createFaqIndex(set), set, withVocabulary(options)));
  return EXIT_OK;
};

const withVocabulary = (options: AskCliOptions): AskCliOptions =>
  options.json ? options : { ...options, vocabulary: loadFaqVocabulary() };

function parseTop(value: string | undefined): number {
  if (value === undefined) return DEFAULT_TOP;
  const top = /^\d+$/.test(value.trim()) ? Number(value) : Number.NaN;
  if (!Number.isSafeInteger(top) || top < 1)
    throw new UsageError(`--top: expected a whole number of at least 1, got "${value}"`);
  return top;
}

function checkOne(question: string): string {
  try {
    return checkQuestion(question);
  } catch (error) {
    if (error instanceof QuestionError) throw new UsageError(`ask: ${error.message}`);
    throw error;
  }
}

function answer(question: string, index: FaqSearch, set: PolicySet, options: AskCliOptions): string {
  if (options.json) {
    return JSON.stringify({ answers: index.ask(question, { top: options.top, lang: options.lang }) });
  }
  const lang = options.lang ?? "zh";
  const vocabulary = options.vocabulary ?? loadFaqVocabulary();
  return renderAnswers(question, index.answer(question, { top: options.top, lang }), set, vocabulary, lang);
}

/** Answers every non-blank line in order; a bad line becomes `{"line": N, "error": …}` and the batch goes on. */
export function askLines(text: string, index: FaqSearch, set: PolicySet, options: AskCliOptions): string {
  const out: string[] = [];
  for (const [i, raw] of text.split("\n").entries()) {
    if (!raw.trim()) continue;
    const line = i + 1;
    try {
      const rendered = answer(checkQuestion(raw), index, set, options);
      out.push(options.json ? rendered : `# ${line}\n${rendered}\n`);
    } catch (error) {
      if (!(error instanceof QuestionError)) throw error;
      out.push(
        options.json ? JSON.stringify({ line, error: error.message }) : `# ${line}\n${error.message}\n`,
      );
    }
  }
  return out.length ? `${out.join("\n")}\n` : "";
}

/**
 * `advisor understand "TEXT" [--fact PATH] [--json]` and `understand --batch FILE.jsonl`
 * (CONTRACT.md section 7): what the chat reads from a description or from one answer, through
 * the same module the chat uses (src/dialog/understand).
 */

import { type AnswerReading, isKnownFact, readAnswer, understandText } from "../dialog/understand/index.ts";
import { loadPolicySet, type PolicySet } from "../policy/load.ts";
import { type Command, EXIT_OK, parseFlags, parseLang, readUserFile, UsageError } from "./io.ts";

export const run: Command = async (args, io) => {
  const { values, positionals } = parseFlags("understand", {
    args,
    allowPositionals: true,
    options: {
      fact: { type: "string" },
      batch: { type: "string" },
      json: { type: "boolean", default: false },
      lang: { type: "string", default: "zh" },
    },
  });
  const lang = parseLang(values.lang);
  const set = loadPolicySet();
  if (values.batch !== undefined) {
    if (positionals.length > 0 || values.fact !== undefined)
      throw new UsageError(
        "understand: --batch FILE.jsonl takes no TEXT and no --fact (give `fact` on each line)",
      );
    const text = readUserFile(
      values.batch,
      'give a JSON Lines file with one {"text": "…", "fact": "…"} a line',
    );
    io.stdout.write(understandLines(text, set, values.json, lang));
    return EXIT_OK;
  }
  if (positionals.length !== 1)
    throw new UsageError(
      'understand: give the TEXT in quotes: understand "我们是数据公司，DCMM三级" [--fact PATH] --json',
    );
  const text = positionals[0] as string;
  const fact = values.fact;
  if (fact !== undefined && !isKnownFact(fact, set)) throw new UsageError(unknownFactMessage(fact, set));
  const out = understandOne(text, fact, set);
  io.stdout.write(`${values.json ? JSON.stringify(out) : readable(out, lang)}\n`);
  return EXIT_OK;
};

function unknownFactMessage(fact: string, set: PolicySet): string {
  const close = [...set.facts.keys()].filter((p) =>
    p.toLowerCase().includes(fact.split(".").pop()?.toLowerCase() ?? "\u0000"),
  );
  return `understand --fact: "${fact}" is not a fact of CONTRACT.md section 2${close.length ? ` (did you mean ${close.slice(0, 3).join(", ")}?)` : "; e.g. dcmm.level, guaranteedFinancing.guaranteeFee"}`;
}

type Output = Record<string, unknown>;

/** The section-7 object for one text: a description, or an answer to `fact`. */
export function understandOne(text: string, fact: string | undefined, set: PolicySet): Output {
  if (fact === undefined) {
    // Section 7's object: the facts ruled out with nothing to store are the dialog's, not output.
    const { lang, profile, unknown } = understandText(text, set);
    return { lang, profile, unknown };
  }
  return answerJson(fact, readAnswer(fact, text, set));
}

function answerJson(fact: string, reading: AnswerReading): Output {
  switch (reading.kind) {
    case "value":
      return { fact, value: reading.value };
    case "unknown":
      return { fact, unknown: true };
    case "unread":
      return { fact, unread: true, reason: reading.reason };
  }
}

/** One output line for each non-blank input line; a bad line becomes `{"line": N, "error": …}`. */
export function understandLines(text: string, set: PolicySet, json: boolean, lang: "zh" | "en"): string {
  const out: string[] = [];
  for (const [index, line] of text.split("\n").entries()) {
    if (!line.trim()) continue;
    const n = index + 1;
    const result = lineResult(line, n, set);
    if (json) out.push(JSON.stringify(result));
    else
      out.push(
        `# ${n}\n${"error" in result && "line" in result ? String(result.error) : readable(result, lang)}\n`,
      );
  }
  return out.length ? `${out.join("\n")}\n` : "";

  function lineResult(line: string, n: number, policies: PolicySet): Output {
    const fail = (error: string) => ({ line: n, error });
    let item: unknown;
    try {
      item = JSON.parse(line);
    } catch (error) {
      return fail(`not valid JSON (${(error as Error).message})`);
    }
    if (!item || typeof item !== "object" || Array.isArray(item))
      return fail('expected an object {"text": "…", "fact": "…"}');
    const { text: t, fact, ...rest } = item as Record<string, unknown>;
    const extra = Object.keys(rest)[0];
    if (extra !== undefined) return fail(`${extra}: unknown field (expected "text" and optional "fact")`);
    if (typeof t !== "string") return fail("text: expected a string");
    if (fact !== undefined && typeof fact !== "string") return fail("fact: expected a dotted path string");
    if (typeof fact === "string" && !isKnownFact(fact, policies))
      return fail(`fact: "${fact}" is not a fact of CONTRACT.md section 2`);
    return understandOne(t, fact, policies);
  }
}

/** A short readable rendering for people at a terminal. */
function readable(out: Output, lang: "zh" | "en"): string {
  const zh = lang === "zh";
  if ("fact" in out) {
    if ("value" in out) return `${out.fact}: ${JSON.stringify(out.value)}`;
    if (out.unknown) return `${out.fact}: ${zh ? "不知道" : "not known"}`;
    return `${out.fact}: ${zh ? "没读懂" : "not understood"} (${out.reason})`;
  }
  const lines = [`lang: ${out.lang}`];
  const flat = (x: unknown, pre = ""): string[] =>
    Object.entries((x ?? {}) as Record<string, unknown>).flatMap(([k, v]) =>
      v && typeof v === "object" && !Array.isArray(v)
        ? flat(v, `${pre}${k}.`)
        : [`  ${pre}${k}: ${JSON.stringify(v)}`],
    );
  const facts = flat(out.profile);
  lines.push(
    facts.length ? (zh ? "读到的事实：" : "facts read:") : zh ? "没有读到事实" : "no facts read",
    ...facts,
  );
  const unknown = out.unknown as string[];
  if (unknown.length) lines.push(`${zh ? "说不知道的：" : "said not known: "}${unknown.join(", ")}`);
  return lines.join("\n");
}

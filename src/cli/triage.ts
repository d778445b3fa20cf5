/**
 * `advisor triage`: one profile (`--profile FILE`) or a list (`--batch FILE.jsonl`), as JSON
 * (CONTRACT.md sections 1-3) or a readable report; `--compare` evaluates the same facts in
 * every district.
 */

import { isIsoDate, today } from "../policy/dates.ts";
import { ProfileError } from "../policy/errors.ts";
import { compareDistricts, evaluate } from "../policy/evaluate.ts";
import { loadPolicySet, type PolicySet } from "../policy/load.ts";
import { createOutcomeMemo } from "../policy/memo.ts";
import type { Lang } from "../policy/outcome.ts";
import { checkParsedProfile, identityOf, type Profile, parseProfile } from "../policy/profile.ts";
import { renderCompareTable } from "../render/compare.ts";
import { contractLineWriter } from "../render/contract-line.ts";
import { renderReport, toContractJson } from "../render/report.ts";
import { type Command, EXIT_OK, parseFlags, parseLang, readUserFile, UsageError } from "./io.ts";

interface TriageOptions {
  json: boolean;
  lang: Lang;
  compare: boolean;
  /** The evaluation date (`--as-of`, default today): validity windows, durations, dated values. */
  asOf?: string;
}

export const run: Command = async (args, io) => {
  const { values } = parseFlags("triage", {
    args,
    options: {
      profile: { type: "string" },
      batch: { type: "string" },
      text: { type: "string" },
      json: { type: "boolean", default: false },
      lang: { type: "string", default: "zh" },
      compare: { type: "boolean", default: false },
      sheet: { type: "string" },
      out: { type: "string" },
      "as-of": { type: "string" },
    },
  });
  if ([values.profile, values.batch, values.text, values.sheet].filter((v) => v !== undefined).length !== 1)
    throw new UsageError(
      'triage: give exactly one of --profile FILE, --batch FILE.jsonl, --text "TEXT" or --sheet FILE.xlsx|FILE.csv',
    );
  if (values.out !== undefined && values.sheet === undefined)
    throw new UsageError("triage --out: only with --sheet");
  const options: TriageOptions = {
    json: values.json,
    lang: parseLang(values.lang),
    compare: values.compare,
    asOf: parseAsOf("triage", values["as-of"]),
  };
  const set = loadPolicySet();
  if (values.sheet !== undefined) {
    const { triageSheetFile } = await import("./sheet.ts");
    await triageSheetFile(set, values.sheet, values.out, options, io.stdout);
    return EXIT_OK;
  }
  if (values.text !== undefined) {
    io.stdout.write(`${render(await profileOfText(set, values.text), set, options)}\n`);
    return EXIT_OK;
  }
  if (values.profile) {
    const profile = readProfile(set, values.profile);
    io.stdout.write(`${render(profile, set, options)}\n`);
    return EXIT_OK;
  }
  const text = readUserFile(values.batch as string, "give a JSON Lines file with one profile a line");
  triageLines(text, set, options, (chunk) => io.stdout.write(chunk));
  return EXIT_OK;
};

/** `--as-of YYYY-MM-DD`, checked; today when not given (worked out once for a whole batch). */
export function parseAsOf(command: string, value: string | undefined): string {
  if (value === undefined) return today();
  if (!isIsoDate(value))
    throw new UsageError(
      `${command}: --as-of must be a real date written YYYY-MM-DD (e.g. 2026-03-01), got "${value}"`,
    );
  return value;
}

function readProfile(set: PolicySet, file: string): Profile {
  const text = readUserFile(file, "give a JSON file with one profile (CONTRACT.md section 2)");
  try {
    return toProfile(set, text);
  } catch (error) {
    if (error instanceof ProfileError) throw new UsageError(`${file}: ${error.message}`);
    throw error;
  }
}

/** The profile a free-text description states (CONTRACT.md section 7), as `triage` takes it.
 * The reader (and the string-distance library under it) is loaded only here: a batch never needs it. */
async function profileOfText(set: PolicySet, text: string): Promise<Profile> {
  if (!text.trim())
    throw new UsageError(
      'triage --text: the text is empty; describe the entity, e.g. "我们是数据公司，DCMM三级"',
    );
  const { understandText } = await import("../dialog/understand/index.ts");
  const { profile } = understandText(text, set);
  if (profile.district === undefined)
    throw new UsageError(
      `district: the text does not say where the entity is registered; name the district (${set.documents.map((d) => d.district.zh).join("、")}) or say it is elsewhere`,
    );
  try {
    return parseProfile(set.profileSchema, profile);
  } catch (error) {
    if (error instanceof ProfileError) throw new UsageError(`triage --text: ${error.message}`);
    throw error;
  }
}

/** Parses one profile from JSON text, or throws a ProfileError naming what is wrong. */
export function toProfile(set: PolicySet, text: string): Profile {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new ProfileError("", `not valid JSON (${(error as Error).message})`);
  }
  return checkParsedProfile(set.profileSchema, json);
}

function render(profile: Profile, set: PolicySet, options: TriageOptions): string {
  const text = renderBody(profile, set, options);
  if (options.json) return text;
  const { id, name } = identityOf(profile);
  const who = [name, id].filter(Boolean).join(" · ");
  return who ? `【${who}】\n${text}` : text;
}

/** id and name open every JSON object (CONTRACT.md section 2); the text report names them on top. */
function renderBody(profile: Profile, set: PolicySet, options: TriageOptions): string {
  const identity = identityOf(profile);
  if (options.compare) {
    // The readable table says what a near miss would add; the JSON keeps its contract shape.
    if (!options.json)
      return renderCompareTable(
        compareDistricts(profile, set, { ...options, whatIf: true }),
        set,
        options.lang,
      );
    const districts = compareDistricts(profile, set, options);
    const compare = districts.map((d) => ({
      policy: d.policy,
      district: d.district,
      ...toContractJson(d, set, d.policy, options.lang),
    }));
    return JSON.stringify({ ...identity, district: profile.district, compare });
  }
  const evaluation = evaluate(profile, set, { ...options, whatIf: true });
  return options.json
    ? JSON.stringify({ ...identity, ...toContractJson(evaluation, set, profile.district, options.lang) })
    : renderReport(evaluation, set, profile.district, options.lang);
}

/** About a megabyte of output is handed on at a time: the lines already written are garbage
 * at once, where a 10,000-line batch's 27 MB held to the end was copied by every collection. */
const CHUNK_CHARS = 1 << 20;

/** Evaluates every non-blank line; a bad line becomes `{"line": N, "error": …}` and the batch goes on.
 * Each result is followed by a newline; `write` gets them in chunks, in order. */
export function triageLines(
  text: string,
  set: PolicySet,
  options: TriageOptions,
  write: (chunk: string | Buffer) => void,
): void {
  if (options.json && !options.compare) {
    jsonLines(text, set, options, write);
    return;
  }
  let pending: string[] = [];
  let size = 0;
  const emit = (result: string) => {
    pending.push(result, "\n");
    size += result.length + 1;
    if (size < CHUNK_CHARS) return;
    write(pending.join(""));
    pending = [];
    size = 0;
  };
  for (const [index, line] of text.split("\n").entries()) {
    if (!line.trim()) continue;
    try {
      const rendered = render(toProfile(set, line), set, options);
      emit(options.json ? rendered : `# ${index + 1}\n${rendered}\n`);
    } catch (error) {
      if (!(error instanceof ProfileError)) throw error;
      const failure = { line: index + 1, error: error.message };
      emit(options.json ? JSON.stringify(failure) : `# ${index + 1}\n${failure.error}\n`);
    }
  }
  if (size) write(pending.join(""));
}

/** The batch as `--json` lines, the common case for 10,000 profiles: written as bytes by
 * render/contract-line.ts (the same bytes as `render`'s JSON.stringify of the contract object). */
function jsonLines(
  text: string,
  set: PolicySet,
  options: TriageOptions,
  write: (chunk: Buffer) => void,
): void {
  const out = contractLineWriter(set, options.lang, write);
  const asOf = options.asOf ?? set.asOf ?? today();
  const memo = createOutcomeMemo({ lang: options.lang, asOf, whatIf: true });
  const evaluation = { ...options, asOf, whatIf: true, memo };
  for (const [index, line] of text.split("\n").entries()) {
    if (!line.trim()) continue;
    let profile: Profile;
    try {
      profile = toProfile(set, line);
    } catch (error) {
      if (!(error instanceof ProfileError)) throw error;
      out.json({ line: index + 1, error: error.message });
      continue;
    }
    out.line(identityOf(profile), evaluate(profile, set, evaluation), profile.district);
  }
  out.end();
}

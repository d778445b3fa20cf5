/**
 * `triage --sheet FILE.xlsx|FILE.csv [--out FILE.xlsx|FILE.csv]` (CONTRACT.md section 9): JSON
 * Lines on stdout by default, or the result sheet written to --out. And `advisor sheet template
 * [--lang en] --out FILE.xlsx`: the empty sheet staff fill in.
 */
import { once } from "node:events";
import { createWriteStream, readFileSync } from "node:fs";
import { rename, rm } from "node:fs/promises";
import type { Writable } from "node:stream";
import { loadPolicySet, type PolicySet } from "../policy/load.ts";
import type { Lang } from "../policy/outcome.ts";
import { formatOf, resultTable, SheetError, toJsonLine, triageSheet, writeTable } from "../sheet/index.ts";
import { writeTemplate } from "../sheet/template.ts";
import { type Command, EXIT_OK, parseFlags, parseLang, readUserFile, UsageError } from "./io.ts";

const TEMPLATE_USAGE = "usage: advisor sheet template [--lang en] --out FILE.xlsx";

export const run: Command = async (args) => {
  const { values, positionals } = parseFlags("sheet", {
    args,
    allowPositionals: true,
    options: { lang: { type: "string", default: "zh" }, out: { type: "string" } },
  });
  if (positionals.length !== 1 || positionals[0] !== "template") {
    throw new UsageError(`sheet: expected the subcommand "template"; ${TEMPLATE_USAGE}`);
  }
  const lang = parseLang(values.lang);
  if (!values.out || formatOf(values.out) !== "xlsx") {
    throw new UsageError(`sheet template --out: give a file name ending in .xlsx; ${TEMPLATE_USAGE}`);
  }
  const set = loadPolicySet();
  await writeAtomically(values.out, (stream) => writeTemplate(set, lang, stream), "sheet template --out");
  return EXIT_OK;
};

export async function triageSheetFile(
  set: PolicySet,
  file: string,
  out: string | undefined,
  options: { lang: Lang; asOf?: string },
  stdout: NodeJS.WritableStream,
): Promise<void> {
  const { lang } = options;
  const format = formatOf(file);
  if (!format)
    throw new UsageError(
      `triage --sheet: ${file} is not .xlsx or .csv; save the sheet as .xlsx or CSV UTF-8`,
    );
  const outFormat = out === undefined ? undefined : formatOf(out);
  if (out !== undefined && !outFormat) throw new UsageError(`triage --out: ${out} must end in .xlsx or .csv`);
  readUserFile(file, "give an .xlsx or .csv sheet, one entity a row");
  const bytes = readFileSync(file);
  let rows: Awaited<ReturnType<typeof triageSheet>>;
  try {
    rows = await triageSheet(set, bytes, format, lang, options.asOf);
  } catch (error) {
    if (error instanceof SheetError) throw new UsageError(`${file}: ${error.message}`);
    throw error;
  }
  if (out === undefined || !outFormat) {
    let text = "";
    for (const r of rows) text += `${toJsonLine(r)}\n`;
    stdout.write(text);
    return;
  }
  await writeAtomically(
    out,
    (stream) => writeTable(resultTable(set, rows, lang), outFormat, stream),
    "triage --out",
  );
}

/** Writes beside the target and renames, so a failed write never leaves half a file in its place. */
export async function writeAtomically(
  path: string,
  write: (stream: Writable) => Promise<void>,
  flag = "--out",
): Promise<void> {
  const temp = `${path}.${process.pid}.tmp`;
  const file = createWriteStream(temp);
  try {
    await once(file, "open");
    const done = once(file, "close");
    await write(file);
    await done;
    await rename(temp, path);
  } catch (error) {
    file.destroy();
    await rm(temp, { force: true });
    const code = (error as NodeJS.ErrnoException).code;
    if (code && ["ENOENT", "EACCES", "EISDIR", "ENOTDIR", "EROFS"].includes(code)) {
      throw new UsageError(`${flag}: cannot write ${path} (${code}); give a writable file path`);
    }
    throw error;
  }
}

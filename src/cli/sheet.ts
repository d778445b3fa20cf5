/**
 * `triage --sheet FILE.xlsx|FILE.csv [--out FILE.xlsx|FILE.csv]` (CONTRACT.md section 9): JSON
 * Lines on stdout by default, or the result sheet written to --out.
 */
import { once } from "node:events";
import { createWriteStream, readFileSync } from "node:fs";
import { rename, rm } from "node:fs/promises";
import type { Writable } from "node:stream";
import type { PolicySet } from "../policy/load.ts";
import type { Lang } from "../policy/outcome.ts";
import { formatOf, resultTable, SheetError, toJsonLine, triageSheet, writeTable } from "../sheet/index.ts";
import { readUserFile, UsageError } from "./io.ts";

export async function triageSheetFile(
  set: PolicySet,
  file: string,
  out: string | undefined,
  lang: Lang,
  stdout: NodeJS.WritableStream,
): Promise<void> {
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
    rows = await triageSheet(set, bytes, format, lang);
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
  await writeAtomically(out, (stream) => writeTable(resultTable(set, rows, lang), outFormat, stream));
}

/** Writes beside the target and renames, so a failed write never leaves half a file in its place. */
export async function writeAtomically(
  path: string,
  write: (stream: Writable) => Promise<void>,
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
      throw new UsageError(`cannot write ${path} (${code}); give a writable file path`);
    }
    throw error;
  }
}

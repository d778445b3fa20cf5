/**
 * `advisor records export --format csv|jsonl [--out FILE] [--bom]`: the finished triages, for
 * district staff. Reads the same store the bots write (REDIS_URL, else DATA_DIR) and never
 * changes it. Rows are streamed, so a long history does not have to fit in memory.
 */

import { once } from "node:events";
import { createWriteStream } from "node:fs";
import { rename, rm } from "node:fs/promises";
import { parseArgs } from "node:util";
import { createStore } from "../store/index.ts";
import type { TriageRecord } from "../store/types.ts";
import { type Command, EXIT_OK, UsageError } from "./io.ts";

const USAGE = "usage: advisor records export --format csv|jsonl [--out FILE] [--bom]";
const FORMATS = ["csv", "jsonl"] as const;
type Format = (typeof FORMATS)[number];

export const CSV_COLUMNS = [
  "at",
  "channel",
  "conversationId",
  "userId",
  "district",
  "matches",
  "totalMax",
  "profile",
  "result",
] as const;

export const run: Command = async (args, io) => {
  const options = parseOptions(args);
  const store = await createStore(io.env, {
    readOnly: true,
    warn: (message, fields) =>
      io.stderr.write(`warning: ${message}${fields ? ` ${JSON.stringify(fields)}` : ""}\n`),
  });
  try {
    const lines = exportLines(store.export(), options.format, options.bom);
    if (options.out === undefined) await writeAll(lines, io.stdout);
    else await writeFileAtomically(options.out, lines);
  } finally {
    await store.close();
  }
  return EXIT_OK;
};

interface ExportOptions {
  format: Format;
  out: string | undefined;
  bom: boolean;
}

function parseOptions(args: string[]): ExportOptions {
  let parsed: ReturnType<typeof parseFlags>;
  try {
    parsed = parseFlags(args);
  } catch (error) {
    throw new UsageError(`records: ${(error as Error).message}; ${USAGE}`);
  }
  const { values, positionals } = parsed;
  if (positionals.length !== 1 || positionals[0] !== "export") {
    throw new UsageError(`records: expected the subcommand "export"; ${USAGE}`);
  }
  const format = values.format;
  if (!isFormat(format)) {
    const got = format === undefined ? "none given" : `got "${format}"`;
    throw new UsageError(`records export --format: expected csv or jsonl, ${got}`);
  }
  if (values.out === "") throw new UsageError("records export --out: expected a file name");
  if (values.bom && format !== "csv") throw new UsageError("records export --bom: only for --format csv");
  return { format, out: values.out, bom: values.bom };
}

function parseFlags(args: string[]) {
  return parseArgs({
    args,
    options: {
      format: { type: "string" },
      out: { type: "string" },
      // A UTF-8 byte-order mark makes Excel show Chinese correctly instead of guessing GBK.
      bom: { type: "boolean", default: false },
    },
    strict: true,
    allowPositionals: true,
  });
}

function isFormat(value: string | undefined): value is Format {
  return (FORMATS as readonly string[]).includes(value ?? "");
}

async function* exportLines(
  records: AsyncIterable<TriageRecord>,
  format: Format,
  bom: boolean,
): AsyncIterable<string> {
  if (format === "csv") yield `${bom ? "\uFEFF" : ""}${csvRow(CSV_COLUMNS)}`;
  for await (const record of records) {
    yield format === "csv" ? csvRow(csvFields(record)) : `${JSON.stringify(record)}\n`;
  }
}

export function csvFields(record: TriageRecord): string[] {
  const profile = asObject(record.profile);
  const result = asObject(record.result);
  const totals = asObject(result.totals);
  return [
    record.at,
    record.channel,
    record.conversationId,
    record.userId,
    typeof profile.district === "string" ? profile.district : "",
    Array.isArray(result.matches) ? String(result.matches.length) : "",
    typeof totals.max === "number" ? String(totals.max) : "",
    JSON.stringify(record.profile ?? null),
    JSON.stringify(record.result ?? null),
  ];
}

/** RFC 4180: fields with a comma, quote or line break are quoted, quotes doubled, rows end CRLF. */
export function csvRow(fields: readonly string[]): string {
  return `${fields.map((field) => (/[",\r\n]/.test(field) ? `"${field.replaceAll('"', '""')}"` : field)).join(",")}\r\n`;
}

function asObject(value: unknown): Record<string, unknown> {
  return typeof value === "object" && value !== null ? (value as Record<string, unknown>) : {};
}

async function writeAll(lines: AsyncIterable<string>, out: NodeJS.WritableStream): Promise<void> {
  for await (const line of lines) {
    if (!out.write(line)) await once(out, "drain");
  }
}

/** Writes beside the target and renames, so a failed export never leaves half a file in its place. */
async function writeFileAtomically(path: string, lines: AsyncIterable<string>): Promise<void> {
  const temp = `${path}.${process.pid}.tmp`;
  const file = createWriteStream(temp, { encoding: "utf8" });
  try {
    await once(file, "open");
    await writeAll(lines, file);
    file.end();
    await once(file, "finish");
    await rename(temp, path);
  } catch (error) {
    file.destroy();
    await rm(temp, { force: true });
    const code = (error as NodeJS.ErrnoException).code;
    if (code && ["ENOENT", "EACCES", "EISDIR", "ENOTDIR", "EROFS"].includes(code)) {
      throw new UsageError(`records export --out: cannot write ${path} (${code}); give a writable file path`);
    }
    throw error;
  }
}

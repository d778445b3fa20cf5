/**
 * `advisor records export --format csv|xlsx|jsonl [--latest] [--out FILE]`: the finished triages,
 * for district staff. Reads the same store the bots write (REDIS_URL, else DATA_DIR) and never
 * changes it. CSV and xlsx have the flat columns of a result sheet (CONTRACT.md section 9) after
 * when and where the triage happened, the time in Beijing; the CSV has a UTF-8 BOM so Excel shows
 * the Chinese. `--latest` keeps one row per conversation, its last triage. A reader that stops
 * early (`| head -1`) ends the export quietly.
 */

import { once } from "node:events";
import { parseArgs } from "node:util";
import { loadPolicySet, type PolicySet } from "../policy/load.ts";
import { identityOf } from "../policy/profile.ts";
import { type OutCell, type OutcomeLike, type RowSource, tableLayout, tableRow } from "../sheet/table.ts";
import { csvRow, writeTable } from "../sheet/write.ts";
import { createStore } from "../store/index.ts";
import type { TriageRecord } from "../store/types.ts";
import { type Command, EXIT_OK, UsageError } from "./io.ts";
import { writeAtomically } from "./sheet.ts";

export { csvRow };

const USAGE = "usage: advisor records export --format csv|xlsx|jsonl [--latest] [--out FILE]";
const FORMATS = ["csv", "xlsx", "jsonl"] as const;
type Format = (typeof FORMATS)[number];

/** Where and when, before the result columns. */
export const RECORD_COLUMNS = ["at", "channel", "conversationId", "userId"] as const;

export const run: Command = async (args, io) => {
  const options = parseOptions(args);
  const store = await createStore(io.env, {
    readOnly: true,
    warn: (message, fields) =>
      io.stderr.write(`warning: ${message}${fields ? ` ${JSON.stringify(fields)}` : ""}\n`),
  });
  try {
    const set = loadPolicySet();
    const records = options.latest ? latestOnly(store.export()) : store.export();
    if (options.format === "xlsx") {
      if (options.out === undefined)
        throw new UsageError("records export --format xlsx: give --out FILE.xlsx");
      const table = await recordTable(set, records);
      await writeAtomically(
        options.out,
        (stream) => writeTable(table, "xlsx", stream),
        "records export --out",
      );
      return EXIT_OK;
    }
    const lines = exportLines(set, records, options.format);
    if (options.out === undefined) await writeAll(lines, io.stdout);
    else
      await writeAtomically(options.out, (stream) => writeAll(lines, stream, true), "records export --out");
  } finally {
    await store.close();
  }
  return EXIT_OK;
};

interface ExportOptions {
  format: Format;
  out: string | undefined;
  latest: boolean;
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
    throw new UsageError(`records export --format: expected csv, xlsx or jsonl, ${got}`);
  }
  if (values.out === "") throw new UsageError("records export --out: expected a file name");
  if (values.bom && format !== "csv") throw new UsageError("records export --bom: only for --format csv");
  return { format, out: values.out, latest: values.latest };
}

function parseFlags(args: string[]) {
  return parseArgs({
    args,
    options: {
      format: { type: "string" },
      out: { type: "string" },
      latest: { type: "boolean", default: false },
      // Kept so older scripts still run: the CSV now always starts with the BOM.
      bom: { type: "boolean", default: false },
    },
    strict: true,
    allowPositionals: true,
  });
}

function isFormat(value: string | undefined): value is Format {
  return (FORMATS as readonly string[]).includes(value ?? "");
}

/** Each conversation's last record, in the order of those last records. */
async function* latestOnly(records: AsyncIterable<TriageRecord>): AsyncIterable<TriageRecord> {
  const last = new Map<string, TriageRecord>();
  for await (const record of records) {
    last.delete(record.conversationId);
    last.set(record.conversationId, record);
  }
  yield* last.values();
}

/** Beijing time as staff read it ("2026-11-21 18:00:00"). China has kept UTC+8 without daylight
 * saving since 1991, so a fixed offset is exact. Unreadable times are shown as stored. */
export function localTime(at: string): string {
  const ms = Date.parse(at);
  if (Number.isNaN(ms)) return at;
  return new Date(ms + 8 * 3600_000).toISOString().slice(0, 19).replace("T", " ");
}

const asObject = (value: unknown): Record<string, unknown> =>
  typeof value === "object" && value !== null ? (value as Record<string, unknown>) : {};

/** A record as a row source: the profile's id, name and district, and the result it was shown. */
function rowSource(record: TriageRecord): RowSource {
  const profile = asObject(record.profile);
  const result = asObject(record.result);
  return {
    ...identityOf(profile),
    ...(typeof profile.district === "string" && { district: profile.district }),
    result: {
      matches: Array.isArray(result.matches) ? result.matches.filter(isOutcome) : [],
      nearMisses: Array.isArray(result.nearMisses) ? result.nearMisses.filter(isOutcome) : [],
      ...(typeof asObject(result.totals).max === "number" && {
        totals: { max: asObject(result.totals).max as number },
      }),
    },
  };
}

function isOutcome(value: unknown): value is OutcomeLike {
  const o = asObject(value);
  return (
    typeof o.policy === "string" &&
    typeof o.article === "number" &&
    typeof o.benefit === "string" &&
    typeof o.amount === "object"
  );
}

/** The flat row: when and where, then the result sheet's columns without `error` (a record has none). */
export function recordRow(set: PolicySet, record: TriageRecord, layout = recordLayout(set)): OutCell[] {
  return [
    localTime(record.at),
    record.channel,
    record.conversationId,
    record.userId,
    ...tableRow(rowSource(record), layout, "zh").slice(0, -1),
  ];
}

function recordLayout(set: PolicySet) {
  return tableLayout(set, "zh");
}

export function recordHeader(set: PolicySet): string[] {
  return [...RECORD_COLUMNS, ...recordLayout(set).header.slice(0, -1)];
}

async function* exportLines(set: PolicySet, records: AsyncIterable<TriageRecord>, format: "csv" | "jsonl") {
  const layout = recordLayout(set);
  if (format === "csv") yield `\uFEFF${csvRow(recordHeader(set))}`;
  for await (const record of records) {
    yield format === "csv" ? csvRow(recordRow(set, record, layout)) : `${JSON.stringify(record)}\n`;
  }
}

async function recordTable(set: PolicySet, records: AsyncIterable<TriageRecord>) {
  const layout = recordLayout(set);
  const rows: OutCell[][] = [];
  for await (const record of records) rows.push(recordRow(set, record, layout));
  return {
    header: recordHeader(set),
    rows,
    yuanColumns: layout.yuanColumns.map((i) => i + RECORD_COLUMNS.length),
    benefits: layout.benefits,
    lang: "zh" as const,
  };
}

/** Resolves when `out` takes more, closes or fails (the failure is seen by writeAll's listener). */
const drained = (out: NodeJS.WritableStream) =>
  new Promise<void>((resolve) => {
    const done = () => {
      out.off("drain", done).off("close", done).off("error", done);
      resolve();
    };
    out.on("drain", done).on("close", done).on("error", done);
  });

/** Writes every line, waiting when the reader is slow. A reader that has gone (EPIPE: `| head`)
 * ends the export: the lines it wanted are out, so that is success, not an error. */
async function writeAll(
  lines: AsyncIterable<string>,
  out: NodeJS.WritableStream,
  end = false,
): Promise<void> {
  let gone = false;
  let failure: Error | undefined;
  // Left attached: a write already queued may still fail after the last line is handed over.
  out.on("error", (error: NodeJS.ErrnoException) => {
    if (error.code === "EPIPE") gone = true;
    else failure ??= error;
  });
  for await (const line of lines) {
    if (failure) throw failure;
    if (gone) return;
    if (!out.write(line)) await drained(out);
  }
  if (failure) throw failure;
  if (end) {
    out.end();
    await once(out, "close");
    if (failure) throw failure;
  }
}

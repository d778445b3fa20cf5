import { existsSync } from "node:fs";
import { appendFile, mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PassThrough, Writable } from "node:stream";
import ExcelJS from "exceljs";
import fc from "fast-check";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { UsageError } from "../../src/cli/io.ts";
import { csvRow, run } from "../../src/cli/records.ts";
import { FileStore } from "../../src/store/file.ts";
import { RedisStore } from "../../src/store/redis.ts";
import type { TriageRecord } from "../../src/store/types.ts";
import { redisServerInstalled, useRedisServer } from "../store/redis-server.ts";

/** An independent RFC 4180 reader, so the test does not trust the writer's own quoting. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ",") {
      row.push(field);
      field = "";
    } else if (c === "\r" && text[i + 1] === "\n") {
      row.push(field);
      rows.push(row);
      row = [];
      field = "";
      i++;
    } else field += c;
  }
  if (field !== "" || row.length > 0) throw new Error(`unterminated last row: ${JSON.stringify(row)}`);
  return rows;
}

const tricky: TriageRecord = {
  at: "2026-11-21T10:00:00.000Z",
  channel: "slack",
  conversationId: "slack:T1:C1",
  userId: "U1",
  profile: { district: "tongzhou", name: '北京"数据",科技\n有限公司' },
  result: { matches: [{ benefit: "a" }, { benefit: "b" }], nearMisses: [], totals: { max: 1_500_000 } },
};
const plain: TriageRecord = {
  at: "2026-11-21T11:00:00.000Z",
  channel: "telegram",
  conversationId: "telegram:42",
  userId: "42",
  profile: { district: "shijingshan", dcmm: { level: 3 } },
  result: {
    matches: [
      {
        policy: "shijingshan",
        article: 5,
        benefit: "dcmm-certification",
        title: "DCMM 认证一次性资金支持",
        amount: { max: 200_000, monetary: true },
      },
    ],
    nearMisses: [],
    totals: { max: 200_000 },
  },
};

describe("advisor records export", () => {
  let dir: string;
  let stdout: PassThrough;
  let stderr: PassThrough;
  let out: string;
  let err: string;

  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), "advisor-records-"));
    stdout = new PassThrough();
    stderr = new PassThrough();
    out = "";
    err = "";
    stdout.setEncoding("utf8").on("data", (chunk: string) => {
      out += chunk;
    });
    stderr.setEncoding("utf8").on("data", (chunk: string) => {
      err += chunk;
    });
  });

  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  const exportWith = (args: string[], env: NodeJS.ProcessEnv = { DATA_DIR: dir }) =>
    run(["export", ...args], { stdin: new PassThrough(), stdout, stderr, env });

  async function seed(...records: TriageRecord[]): Promise<void> {
    const store = await FileStore.open(dir);
    for (const record of records) await store.append(record);
    await store.close();
  }

  it("writes CSV with a BOM, Beijing time, the result sheet's flat columns and quoting that survives commas, quotes, newlines and Chinese", async () => {
    await seed(tricky, plain);
    expect(await exportWith(["--format", "csv"])).toBe(0);
    expect(out.startsWith("\uFEFFat,")).toBe(true);
    const [header, first, second, ...rest] = parseCsv(out.slice(1));
    expect(header?.slice(0, 8)).toEqual([
      "at",
      "channel",
      "conversationId",
      "userId",
      "id",
      "name",
      "district",
      "totalMax",
    ]);
    expect(header?.slice(-2)).toEqual(["matches", "nearMisses"]);
    expect(header?.some((h) => h.includes("tongzhou:2"))).toBe(true);
    expect(rest).toEqual([]);
    expect(first?.slice(0, 8)).toEqual([
      "2026-11-21 18:00:00",
      "slack",
      "slack:T1:C1",
      "U1",
      "",
      '北京"数据",科技\n有限公司',
      "tongzhou",
      "1500000",
    ]);
    const dcmm = header?.findIndex((h) => h.includes("shijingshan:5")) ?? -1;
    expect(second?.slice(4, 8)).toEqual(["", "", "shijingshan", "200000"]);
    expect(second?.[dcmm]).toBe("200000");
    expect(second?.at(-2)).toContain("200,000");
  });

  it("leaves the result columns empty for a record without them, rather than failing", async () => {
    await seed({ ...plain, profile: null, result: "not an evaluation" });
    expect(await exportWith(["--format", "csv"])).toBe(0);
    expect(
      parseCsv(out.slice(1))[1]
        ?.slice(4)
        .every((c) => c === ""),
    ).toBe(true);
  });

  it("keeps one row per conversation with --latest: its last triage, in the order of those", async () => {
    const later = { ...tricky, at: "2026-11-21T12:00:00.000Z" };
    await seed(tricky, plain, later);
    expect(await exportWith(["--format", "csv", "--latest"])).toBe(0);
    const rows = parseCsv(out.slice(1)).slice(1);
    expect(rows.map((r) => [r[0], r[2]])).toEqual([
      ["2026-11-21 19:00:00", "telegram:42"],
      ["2026-11-21 20:00:00", "slack:T1:C1"],
    ]);
  });

  it("writes an xlsx with the same rows", async () => {
    await seed(tricky, plain);
    const file = join(dir, "records.xlsx");
    expect(await exportWith(["--format", "xlsx", "--out", file])).toBe(0);
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(file);
    const sheet = book.worksheets[0];
    expect(sheet?.getRow(1).getCell(1).value).toBe("at");
    expect(sheet?.getRow(3).getCell(1).value).toBe("2026-11-21 19:00:00");
    expect(sheet?.getRow(3).getCell(8).value).toBe(200_000);
    await expect(exportWith(["--format", "xlsx"])).rejects.toThrow(/--out FILE.xlsx/);
  });

  it("ends quietly when the reader goes away (EPIPE, as under `| head -1`)", async () => {
    await seed(...Array.from({ length: 50 }, (_, i) => ({ ...plain, conversationId: `telegram:${i}` })));
    let lines = 0;
    const closed = new Writable({
      write(_chunk, _encoding, callback) {
        lines++;
        callback(lines > 1 ? Object.assign(new Error("write EPIPE"), { code: "EPIPE" }) : null);
      },
    });
    const code = await run(["export", "--format", "jsonl"], {
      stdin: new PassThrough(),
      stdout: closed,
      stderr,
      env: { DATA_DIR: dir },
    });
    expect(code).toBe(0);
    expect(lines).toBeLessThan(50);
    expect(err).toBe("");
  });

  it("writes JSON Lines, one stored record a line, in the order they were added", async () => {
    await seed(tricky, plain);
    expect(await exportWith(["--format", "jsonl"])).toBe(0);
    const lines = out.split("\n");
    expect(lines.pop()).toBe("");
    expect(lines.map((line) => JSON.parse(line))).toEqual([tricky, plain]);
  });

  it("writes to --out instead of stdout", async () => {
    await seed(plain);
    const file = join(dir, "export.csv");
    expect(await exportWith(["--format", "csv", "--out", file, "--bom"])).toBe(0);
    expect(out).toBe("");
    const text = await readFile(file, "utf8");
    expect(text.startsWith("\uFEFFat,")).toBe(true);
    expect(text.indexOf("\uFEFF", 1)).toBe(-1);
    expect(parseCsv(text.slice(1))).toHaveLength(2);
  });

  it("exports just the header from a DATA_DIR that does not exist, and does not create it", async () => {
    const missing = join(dir, "never-used");
    expect(await exportWith(["--format", "csv"], { DATA_DIR: missing })).toBe(0);
    expect(parseCsv(out.slice(1))).toHaveLength(1);
    expect(existsSync(missing)).toBe(false);
  });

  it("skips a record line torn by a crash, with a warning, and exports the rest", async () => {
    await seed(plain);
    await appendFile(join(dir, "records.jsonl"), '{"at":"2026');
    expect(await exportWith(["--format", "jsonl"])).toBe(0);
    expect(
      out
        .trim()
        .split("\n")
        .map((line) => JSON.parse(line)),
    ).toEqual([plain]);
    expect(err).toMatch(/^warning: skipped an unreadable triage record line/);
  });

  const badArgs: [string, string[], RegExp][] = [
    ["no format", [], /--format: expected csv, xlsx or jsonl, none given/],
    ["an unknown format", ["--format", "xls"], /--format: expected csv, xlsx or jsonl, got "xls"/],
    ["an unknown flag", ["--format", "csv", "--since", "2026"], /--since/],
    ["a flag without its value", ["--format"], /--format/],
    ["--bom with JSON Lines", ["--format", "jsonl", "--bom"], /--bom: only for --format csv/],
  ];
  for (const [what, args, message] of badArgs) {
    it(`rejects ${what} with a one-line usage error and writes nothing`, async () => {
      const attempt = exportWith(args);
      await expect(attempt).rejects.toBeInstanceOf(UsageError);
      await expect(attempt).rejects.toThrow(message);
      await attempt.catch((error: Error) => expect(error.message).not.toContain("\n"));
      expect(out).toBe("");
    });
  }

  it("rejects a missing subcommand", async () => {
    await expect(
      run(["--format", "csv"], { stdin: new PassThrough(), stdout, stderr, env: {} }),
    ).rejects.toThrow(/expected the subcommand "export"/);
  });

  it("refuses an --out it cannot write, naming the path", async () => {
    await seed(plain);
    const file = join(dir, "no-such-folder", "export.csv");
    await expect(exportWith(["--format", "csv", "--out", file])).rejects.toThrow(
      new UsageError(`records export --out: cannot write ${file} (ENOENT); give a writable file path`),
    );
  });

  it("exits 2 with one line on stderr through the command dispatcher", async () => {
    const { main } = await import("../../src/cli/main.ts");
    const env = { DATA_DIR: dir };
    expect(
      await main(["records", "export", "--format", "xml"], { stdin: new PassThrough(), stdout, stderr, env }),
    ).toBe(2);
    expect(out).toBe("");
    expect(err.trim().split("\n")).toHaveLength(1);
    expect(err).toContain("--format");
  });
});

describe.runIf(redisServerInstalled())("advisor records export with REDIS_URL", () => {
  const server = useRedisServer();

  it("exports the records every instance added to the shared Redis store", async () => {
    const prefix = "advisor:";
    const writer = await RedisStore.open(server.url(), { prefix });
    await writer.append(tricky);
    await writer.append(plain);
    await writer.close();
    const stdout = new PassThrough();
    let out = "";
    stdout.setEncoding("utf8").on("data", (chunk: string) => {
      out += chunk;
    });
    const io = {
      stdin: new PassThrough(),
      stdout,
      stderr: new PassThrough(),
      env: { REDIS_URL: server.url() },
    };
    expect(await run(["export", "--format", "jsonl"], io)).toBe(0);
    expect(
      out
        .trim()
        .split("\n")
        .map((line) => JSON.parse(line)),
    ).toEqual([tricky, plain]);
  });
});

describe("CSV rows", () => {
  it("read back as the same fields, whatever characters the fields hold", () => {
    const field = fc.string({ unit: fc.constantFrom("a", "数", ",", '"', "\n", "\r", " ", "'", "=") });
    fc.assert(
      fc.property(fc.array(field, { minLength: 1, maxLength: 6 }), (fields) => {
        expect(parseCsv(csvRow(fields))).toEqual([fields]);
      }),
    );
  });
});

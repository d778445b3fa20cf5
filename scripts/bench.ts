/**
 * `npm run bench` (`-- --json` for one JSON object): the speed figures of BENCHMARKS.md,
 * measured on this machine. Each figure is a function; a figure whose part of the advisor is
 * missing says so instead of inventing a number.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { cpus, tmpdir, totalmem } from "node:os";
import { join } from "node:path";
import { loadPolicySet } from "../src/policy/load.ts";
import { variedProfiles } from "./varied-profiles.ts";

interface Figure {
  key: string;
  what: string;
  target: string;
  ok: (value: number) => boolean;
  measure: () => Promise<number>;
}

const root = new URL("..", import.meta.url).pathname;
const work = mkdtempSync(join(tmpdir(), "advisor-bench-"));

/** The whole `advisor triage --batch` process, start-up included, on 10,000 varied profiles. */
async function triageBatch10k(): Promise<number> {
  const set = loadPolicySet();
  const file = join(work, "profiles.jsonl");
  writeFileSync(
    file,
    `${variedProfiles(set, 10_000)
      .map((p) => JSON.stringify(p))
      .join("\n")}\n`,
  );
  const runs: number[] = [];
  for (let i = 0; i < 3; i++) {
    const started = process.hrtime.bigint();
    const result = spawnSync(
      process.execPath,
      [join(root, "dist/advisor.mjs"), "triage", "--batch", file, "--json"],
      {
        maxBuffer: 1 << 30,
        encoding: "utf8",
      },
    );
    const ms = Number(process.hrtime.bigint() - started) / 1e6;
    if (result.status !== 0)
      throw new Error(`triage exited ${result.status}: ${result.stderr.split("\n")[0]}`);
    const lines = result.stdout.trim().split("\n").length;
    if (lines !== 10_000) throw new Error(`triage printed ${lines} lines for 10,000 profiles`);
    runs.push(ms);
  }
  return Math.min(...runs);
}

/** One FAQ query with the index already built: p99 over the question set, asked 20 times. */
async function faqP99(): Promise<number> {
  const { createFaqIndex } = await import("../src/faq/index.ts");
  const index = createFaqIndex(loadPolicySet());
  const questions: { q: string }[] = JSON.parse(
    readFileSync(join(root, "test/fixtures/faq-questions.json"), "utf8"),
  );
  for (const { q } of questions) index.ask(q); // warm up
  const times: number[] = [];
  for (let round = 0; round < 20; round++) {
    for (const { q } of questions) {
      const started = process.hrtime.bigint();
      index.ask(q);
      times.push(Number(process.hrtime.bigint() - started) / 1e6);
    }
  }
  return percentile(times, 99);
}

export function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN;
}

const figures: Figure[] = [
  {
    key: "triageBatch10kMs",
    what: "10,000 varied profiles through `advisor triage --batch --json`, whole process (best of 3)",
    target: "< 2000",
    ok: (v) => v < 2000,
    measure: triageBatch10k,
  },
  {
    key: "faqP99Ms",
    what: "one `ask` query, index built (p99 over the question set × 20)",
    target: "< 5",
    ok: (v) => v < 5,
    measure: faqP99,
  },
];

const json = process.argv.includes("--json");
const results: Record<string, number | string> = {};
for (const figure of figures) {
  try {
    results[figure.key] = Math.round((await figure.measure()) * 100) / 100;
  } catch (error) {
    results[figure.key] = `not measured: ${(error as Error).message}`;
  }
}

const machine = `${cpus().length} × ${cpus()[0]?.model ?? "cpu"}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}`;
if (json) {
  console.log(JSON.stringify({ machine, ...results }));
} else {
  console.log(`machine: ${machine}\n`);
  console.log("| figure | value | target | met | what |\n|---|---|---|---|---|");
  for (const f of figures) {
    const v = results[f.key];
    console.log(
      `| ${f.key} | ${v} | ${f.target} | ${typeof v === "number" && f.ok(v) ? "yes" : "no"} | ${f.what} |`,
    );
  }
}

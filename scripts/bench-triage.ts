/**
 * `npx tsx scripts/bench-triage.ts [--runs N]` (after `npm run build`): the whole
 * `advisor triage --batch FILE --json` process on 10,000 varied profiles, against the floor of a
 * bare `node` that reads the same file, parses each line and prints it again. Both are spawned
 * in turn, in the same run, so a busy machine slows both; the ratio is the figure that travels.
 * Targets (issue 10): under 1 s whole process, at most 5× the floor.
 * `--baseline DIR/advisor.mjs` also times another build (e.g. main before a change) in turn with
 * the two, so a before/after on a shared machine is measured under the same load.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { loadPolicySet } from "../src/policy/load.ts";
import { variedProfiles } from "./varied-profiles.ts";

const root = new URL("..", import.meta.url).pathname;
const runsFlag = process.argv.indexOf("--runs");
const runs = runsFlag > 0 ? Number(process.argv[runsFlag + 1]) : 5;
const baselineFlag = process.argv.indexOf("--baseline");
const baseline = baselineFlag > 0 ? process.argv[baselineFlag + 1] : undefined;

/** The floor: read, JSON.parse each line, JSON.stringify it back, one write. */
const BARE = `const fs = require("node:fs");
const out = [];
for (const line of fs.readFileSync(process.argv[1], "utf8").split("\\n"))
  if (line.trim()) out.push(JSON.stringify(JSON.parse(line)));
process.stdout.write(out.join("\\n") + "\\n");`;

function time(args: string[], expectLines: number): number {
  const started = process.hrtime.bigint();
  const result = spawnSync(process.execPath, args, { maxBuffer: 1 << 30, encoding: "utf8" });
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  if (result.status !== 0) throw new Error(`exit ${result.status}: ${result.stderr.split("\n")[0]}`);
  const lines = result.stdout.trim().split("\n").length;
  if (lines !== expectLines) throw new Error(`printed ${lines} lines, expected ${expectLines}`);
  return ms;
}

const work = mkdtempSync(join(tmpdir(), "advisor-bench-triage-"));
try {
  const file = join(work, "profiles.jsonl");
  const profiles = variedProfiles(loadPolicySet(), 10_000);
  writeFileSync(file, `${profiles.map((p) => JSON.stringify(p)).join("\n")}\n`);
  const triage: number[] = [];
  const bare: number[] = [];
  const before: number[] = [];
  const loadBefore = loadavg()[0] ?? 0;
  for (let i = 0; i < runs; i++) {
    bare.push(time(["-e", BARE, file], profiles.length));
    triage.push(time([join(root, "dist/advisor.mjs"), "triage", "--batch", file, "--json"], profiles.length));
    if (baseline) before.push(time([baseline, "triage", "--batch", file, "--json"], profiles.length));
  }
  const best = (list: number[]) => Math.min(...list);
  const report = {
    triageBatch10kMs: Math.round(best(triage)),
    bareReadParsePrintMs: Math.round(best(bare)),
    ratio: Number((best(triage) / best(bare)).toFixed(2)),
    ...(baseline
      ? {
          baselineTriageMs: Math.round(best(before)),
          baselineRatio: Number((best(before) / best(bare)).toFixed(2)),
        }
      : {}),
    runs: {
      triage: triage.map(Math.round),
      bare: bare.map(Math.round),
      ...(baseline ? { baseline: before.map(Math.round) } : {}),
    },
    loadAverage1m: { before: loadBefore, after: loadavg()[0] ?? 0 },
  };
  console.log(JSON.stringify(report, null, 2));
  const ok = report.triageBatch10kMs < 1000 && report.ratio <= 5;
  console.log(ok ? "targets met (< 1,000 ms, <= 5x the floor)" : "targets NOT met");
} finally {
  rmSync(work, { recursive: true, force: true });
}

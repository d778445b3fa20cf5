/**
 * Sheet benchmark (issue 12): `advisor triage --sheet` of 10,000 varied rows, xlsx in and out
 * and CSV in and out, as whole processes of the built CLI (start-up, policy load, read, triage,
 * write). Target: each within 3 s. Run `npm run build` first; figures go to BENCHMARKS.md with
 * the machine's load at the time.
 *   npx tsx scripts/bench-sheet.ts [--rows 10000] [--runs 3]
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, statSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { loadPolicySet } from "../src/policy/load.ts";
import { staffSheet, writeStaffSheet } from "./varied-sheet.ts";

const { values } = parseArgs({
  options: { rows: { type: "string", default: "10000" }, runs: { type: "string", default: "3" } },
});
const rows = Number(values.rows);
const runs = Number(values.runs);
const dir = mkdtempSync(join(tmpdir(), "bench-sheet-"));
const sheet = staffSheet(loadPolicySet(), rows);

for (const format of ["xlsx", "csv"] as const) {
  const input = join(dir, `in.${format}`);
  const output = join(dir, `out.${format}`);
  await writeStaffSheet(sheet, input);
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    const r = spawnSync(process.execPath, ["dist/advisor.mjs", "triage", "--sheet", input, "--out", output], {
      encoding: "utf8",
    });
    times.push(performance.now() - start);
    if (r.status !== 0) throw new Error(`triage --sheet failed: ${r.stderr}`);
  }
  const kb = (f: string) => Math.round(statSync(f).size / 1024);
  console.log(
    JSON.stringify({
      format,
      rows,
      msEachRun: times.map(Math.round),
      bestMs: Math.round(Math.min(...times)),
      inKB: kb(input),
      outKB: kb(output),
      loadavg1m: Number(loadavg()[0]?.toFixed(2)),
    }),
  );
}

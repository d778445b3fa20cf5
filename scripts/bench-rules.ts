/**
 * `npx tsx scripts/bench-rules.ts [--runs N]` (after `npm run build`): what the rule kinds of
 * issue 11 cost a batch. The whole `advisor triage --batch --json` process on 10,000 varied
 * profiles of the two real documents, then on 10,000 of the fictional Example District (ratios,
 * durations, bands, dated values, 择一享受, a document cap, a validity window; loaded with
 * ADVISOR_EXTRA_POLICIES), each beside the floor of a bare `node` read-parse-print of the same file,
 * spawned in turn in the same run so a busy machine slows all of them alike.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { defaultDataDir, loadPolicySet } from "../src/policy/load.ts";
import { random, variedProfiles } from "./varied-profiles.ts";

const root = new URL("..", import.meta.url).pathname;
const fixtures = join(root, "test/fixtures/policies");
const runsFlag = process.argv.indexOf("--runs");
const runs = runsFlag > 0 ? Number(process.argv[runsFlag + 1]) : 3;

const BARE = `const fs = require("node:fs");
const out = [];
for (const line of fs.readFileSync(process.argv[1], "utf8").split("\\n"))
  if (line.trim()) out.push(JSON.stringify(JSON.parse(line)));
process.stdout.write(out.join("\\n") + "\\n");`;

function time(args: string[], env: NodeJS.ProcessEnv): number {
  const started = process.hrtime.bigint();
  const result = spawnSync(process.execPath, args, { maxBuffer: 1 << 30, encoding: "utf8", env });
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  if (result.status !== 0) throw new Error(`exit ${result.status}: ${result.stderr.split("\n")[0]}`);
  return ms;
}

/** Varied profiles in the example district, with founding dates (the generic generator has none). */
function exampleProfiles(count: number): Record<string, unknown>[] {
  const set = loadPolicySet(defaultDataDir(), [fixtures]);
  const rnd = random(11);
  return variedProfiles(set, count).map((p) => ({
    ...p,
    district: "example",
    foundedOn: `${2018 + Math.floor(rnd() * 9)}-${String(1 + Math.floor(rnd() * 12)).padStart(2, "0")}`,
  }));
}

const work = mkdtempSync(join(tmpdir(), "advisor-bench-rules-"));
try {
  const cases = [
    { name: "real", profiles: variedProfiles(loadPolicySet(defaultDataDir(), []), 10_000), extra: undefined },
    { name: "example", profiles: exampleProfiles(10_000), extra: fixtures },
  ];
  const loadBefore = loadavg()[0] ?? 0;
  const report: Record<string, unknown> = {};
  for (const c of cases) {
    const file = join(work, `${c.name}.jsonl`);
    writeFileSync(file, `${c.profiles.map((p) => JSON.stringify(p)).join("\n")}\n`);
    const env = { ...process.env, ADVISOR_EXTRA_POLICIES: c.extra ?? "" };
    const triage: number[] = [];
    const bare: number[] = [];
    for (let i = 0; i < runs; i++) {
      bare.push(time(["-e", BARE, file], env));
      triage.push(
        time(
          [join(root, "dist/advisor.mjs"), "triage", "--batch", file, "--json", "--as-of", "2026-06-30"],
          env,
        ),
      );
    }
    const best = (list: number[]) => Math.min(...list);
    report[c.name] = {
      triageBatch10kMs: Math.round(best(triage)),
      bareMs: Math.round(best(bare)),
      ratio: Number((best(triage) / best(bare)).toFixed(2)),
    };
  }
  report.loadAverage1m = { before: loadBefore, after: loadavg()[0] ?? 0 };
  console.log(JSON.stringify(report, null, 2));
} finally {
  rmSync(work, { recursive: true, force: true });
}

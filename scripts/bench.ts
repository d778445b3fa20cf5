/**
 * `npm run bench` (`-- --json` for one JSON object): the speed figures of BENCHMARKS.md,
 * measured on this machine. Each measurement is a function giving one or more figures (and
 * details that explain them); a measurement that fails says so instead of inventing a number.
 * `-- --only=<key>,<key>` runs only the measurements giving those figures.
 *
 * The Telegram and memory figures run `advisor start` from dist/: run `npm run build` first.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { cpus, loadavg, tmpdir, totalmem } from "node:os";
import { join } from "node:path";
import { loadPolicySet } from "../src/policy/load.ts";
import { measureDialogTurns } from "./bench-dialog.ts";
import { measureMemory } from "./bench-memory.ts";
import { percentile } from "./bench-stats.ts";
import { measureWebhook } from "./bench-webhook.ts";
import { variedProfiles } from "./varied-profiles.ts";

interface Figure {
  key: string;
  what: string;
  target: string;
  ok: (value: number) => boolean;
}

/** Figures by key, and details that explain them (printed, and kept under `details` in JSON). */
interface Measured {
  figures: Record<string, number>;
  details?: Record<string, unknown>;
}

interface Measurement {
  keys: string[];
  run: () => Promise<Measured>;
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

/** storeWriteGrowth by the store's own benchmark (scripts/store-bench.ts), in its own process. */
async function storeGrowth(): Promise<Measured> {
  const result = spawnSync(
    process.execPath,
    ["--import", "tsx", join(root, "scripts/store-bench.ts"), "--json"],
    {
      cwd: root,
      encoding: "utf8",
    },
  );
  if (result.status !== 0)
    throw new Error(`store-bench exited ${result.status}: ${result.stderr.split("\n")[0]}`);
  const out = JSON.parse(result.stdout.trim().split("\n").at(-1) ?? "{}") as Record<string, number>;
  return {
    figures: { storeWriteGrowth: Number(out.storeWriteGrowth) },
    details: {
      storeWriteMs1k: out.writeMs1k,
      storeWriteMs100k: out.writeMs100k,
      // The store process alone (load + save 1,000 of 100,000), not a running advisor.
      storeProcessRssMb100k: out.rssMb100k,
    },
  };
}

const round2 = (value: number) => Math.round(value * 100) / 100;

function met(figure: Figure, value: number | string | undefined): string {
  if (figure.target === "—") return "—";
  return typeof value === "number" && figure.ok(value) ? "yes" : "no";
}

const measurements: Measurement[] = [
  {
    keys: ["triageBatch10kMs"],
    run: async () => ({ figures: { triageBatch10kMs: await triageBatch10k() } }),
  },
  {
    keys: ["dialogTurnP50Ms", "dialogTurnP99Ms"],
    run: async () => {
      const d = await measureDialogTurns();
      return {
        figures: { dialogTurnP50Ms: d.p50, dialogTurnP99Ms: d.p99 },
        details: {
          dialogTurns: d.turns,
          dialogTurnMaxMs: round2(d.max),
          dialogTurnCpuP50Ms: round2(d.cpuP50),
          dialogTurnCpuP99Ms: round2(d.cpuP99),
          dialogResultTurnP50Ms: round2(d.resultP50),
          dialogTurnSteadyP50Ms: round2(d.steadyP50),
          dialogTurnSteadyP99Ms: round2(d.steadyP99),
          dialogTurnSteadyCpuP99Ms: round2(d.steadyCpuP99),
        },
      };
    },
  },
  { keys: ["faqP99Ms"], run: async () => ({ figures: { faqP99Ms: await faqP99() } }) },
  {
    keys: ["telegramTurnsPerS", "webhookAckP99Ms"],
    run: async () => {
      const w = await measureWebhook();
      return {
        figures: {
          telegramTurnsPerS: Math.round(w.advisor.completedPerSecond),
          webhookAckP99Ms: round2(w.advisor.ackP99Ms),
        },
        details: {
          webhookAckP50Ms: round2(w.advisor.ackP50Ms),
          webhookAcksPerS: Math.round(w.advisor.acksPerSecond),
          webhookAdvisorCpuMsPerUpdate: round2(w.advisor.serverCpuMsPerUpdate),
          webhookDriverCpuMsPerUpdate: round2(w.advisor.driverCpuMsPerUpdate),
          webhookLoad: `${w.shape.chats} chats × ${w.shape.steps} updates, ${w.shape.concurrency} POSTs in flight`,
        },
      };
    },
  },
  { keys: ["storeWriteGrowth"], run: storeGrowth },
  {
    keys: ["rssMb100k"],
    run: async () => {
      const m = await measureMemory();
      return {
        figures: { rssMb100k: m.rssMb },
        details: {
          rssPeakMb100k: round2(m.peakMb),
          rssMbIdle100k: round2(m.idleRssMb),
          rssMbEmptyStore: round2(m.emptyRssMb),
          rssPeakMbEmptyStore: round2(m.emptyPeakMb),
          seed100kSeconds: round2(m.seedSeconds),
        },
      };
    },
  },
];

const figures: Figure[] = [
  {
    key: "triageBatch10kMs",
    what: "10,000 varied profiles through `advisor triage --batch --json`, whole process (best of 3)",
    target: "< 2000",
    ok: (v) => v < 2000,
  },
  {
    key: "dialogTurnP50Ms",
    what: "one message through the advisor service on a FileStore (load, dialog, save, record), p50 over 200 whole conversations after a warm-up of 40",
    target: "—",
    ok: () => true,
  },
  {
    key: "dialogTurnP99Ms",
    what: "the same, p99",
    target: "< 5",
    ok: (v) => v < 5,
  },
  {
    key: "faqP99Ms",
    what: "one `ask` query, index built (p99 over the question set × 20)",
    target: "< 5",
    ok: (v) => v < 5,
  },
  {
    key: "telegramTurnsPerS",
    what: "Telegram turns completed per second with every reply sent, through `advisor start`'s webhook, 250 chats × 12 updates, 32 POSTs in flight, loopback, fake Bot API, best of 2",
    target: "—",
    ok: () => true,
  },
  {
    key: "webhookAckP99Ms",
    what: "the same load: p99 time from a webhook request to its answer (200 once the turn is saved and its replies sent)",
    target: "—",
    ok: () => true,
  },
  {
    key: "storeWriteGrowth",
    what: "one conversation write with 100,000 stored ÷ with 1,000 (scripts/store-bench.ts)",
    target: "< 2",
    ok: (v) => v < 2,
  },
  {
    key: "rssMb100k",
    what: "VmRSS of `advisor start` (Telegram webhook) over 100,000 stored conversations, after 1,200 chats took turns",
    target: "< 300",
    ok: (v) => v < 300,
  },
];

/** dist/ older than a source file means the Telegram and memory figures would time old code. */
function staleBuildWarning(): string | undefined {
  const bundle = join(root, "dist/advisor.mjs");
  if (!existsSync(bundle)) return "dist/advisor.mjs is missing: run `npm run build` first";
  const built = statSync(bundle).mtimeMs;
  const newer = readdirSync(join(root, "src"), { recursive: true, encoding: "utf8" }).find(
    (file) => file.endsWith(".ts") && statSync(join(root, "src", file)).mtimeMs > built,
  );
  return newer && `src/${newer} is newer than dist/: run \`npm run build\` to time the current code`;
}

const json = process.argv.includes("--json");
const stale = staleBuildWarning();
if (stale) process.stderr.write(`warning: ${stale}\n`);
const only = process.argv
  .find((a) => a.startsWith("--only="))
  ?.slice("--only=".length)
  .split(",");
const results: Record<string, number | string> = {};
const details: Record<string, unknown> = {};
for (const measurement of measurements) {
  if (only && !measurement.keys.some((k) => only.includes(k))) continue;
  const started = performance.now();
  try {
    const measured = await measurement.run();
    for (const [key, value] of Object.entries(measured.figures)) results[key] = round2(value);
    Object.assign(details, measured.details);
  } catch (error) {
    for (const key of measurement.keys) results[key] = `not measured: ${(error as Error).message}`;
  }
  if (!json)
    process.stderr.write(
      `measured ${measurement.keys.join(", ")} in ${((performance.now() - started) / 1000).toFixed(0)} s\n`,
    );
}

rmSync(work, { recursive: true, force: true });

const machine = `${cpus().length} × ${cpus()[0]?.model ?? "cpu"}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}, load average ${loadavg()
  .map((l) => l.toFixed(2))
  .join(" ")}`;
if (json) {
  console.log(JSON.stringify({ machine, ...results, details }));
} else {
  console.log(`machine: ${machine}\n`);
  console.log("| figure | value | target | met | what |\n|---|---|---|---|---|");
  for (const f of figures) {
    if (!(f.key in results)) continue;
    const v = results[f.key];
    console.log(`| ${f.key} | ${v} | ${f.target} | ${met(f, v)} | ${f.what} |`);
  }
  if (Object.keys(details).length > 0) console.log("\ndetails:");
  for (const [key, value] of Object.entries(details)) console.log(`  ${key}: ${value}`);
}

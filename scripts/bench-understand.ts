/**
 * understandP99Ms: the time to read one message, description (`understandText`) or answer
 * (`readAnswer`), over the texts of our fixtures (test/fixtures/understand-*.json) and a long
 * message at the size limit, each timed alone after a warm-up. Target: under 2 ms p99.
 * Beside the wall-clock figures, the CPU time of each call (process.cpuUsage): on a loaded
 * machine the wall clock also holds the time the process waited for a core.
 *
 *   npx tsx scripts/bench-understand.ts
 */
import { readFileSync } from "node:fs";
import { performance } from "node:perf_hooks";
import { MAX_TEXT, readAnswer, understandText } from "../src/dialog/understand/index.ts";
import type { AnswerCase, DescriptionCase } from "../src/dialog/understand/quality.ts";
import { loadPolicySet } from "../src/policy/load.ts";
import { percentile } from "./bench-stats.ts";

const load = <T>(name: string): T =>
  JSON.parse(readFileSync(new URL(`../test/fixtures/${name}`, import.meta.url), "utf8"));
const answers = load<{ answers: AnswerCase[] }>("understand-answers.json").answers;
const descriptions = load<{ descriptions: DescriptionCase[] }>("understand-descriptions.json").descriptions;
const set = loadPolicySet();
const long = descriptions
  .map((d) => d.text)
  .join("。")
  .repeat(20)
  .slice(0, MAX_TEXT);

type Job = () => unknown;
const jobs: [string, Job][] = [
  ...descriptions.map((d) => ["description", () => understandText(d.text, set)] as [string, Job]),
  ...answers.map((a) => ["answer", () => readAnswer(a.fact, a.text, set)] as [string, Job]),
];

for (let i = 0; i < 3; i++) for (const [, job] of jobs) job();
const times: Record<string, number[]> = { description: [], answer: [], all: [] };
const cpu: number[] = [];
for (let round = 0; round < 10; round++) {
  for (const [kind, job] of jobs) {
    const c = process.cpuUsage();
    const t = performance.now();
    job();
    const ms = performance.now() - t;
    const used = process.cpuUsage(c);
    cpu.push((used.user + used.system) / 1000);
    times[kind]?.push(ms);
    times.all?.push(ms);
  }
}
const longTimes: number[] = [];
for (let i = 0; i < 20; i++) {
  const t = performance.now();
  understandText(long, set);
  longTimes.push(performance.now() - t);
}
const fmt = (xs: number[]) =>
  `p50 ${percentile(xs, 50).toFixed(3)} ms  p99 ${percentile(xs, 99).toFixed(3)} ms  max ${Math.max(...xs).toFixed(3)} ms  (n=${xs.length})`;
for (const [kind, xs] of Object.entries(times)) console.log(`${kind.padEnd(12)} ${fmt(xs)}`);
console.log(`${`${MAX_TEXT} chars`.padEnd(12)} ${fmt(longTimes)}`);
console.log(`${"cpu time".padEnd(12)} ${fmt(cpu)}`);
console.log(
  `understandP99Ms ${percentile(times.all ?? [], 99).toFixed(3)} (cpu ${percentile(cpu, 99).toFixed(3)})`,
);

/**
 * dialogTurnP50Ms / dialogTurnP99Ms: one user message through the advisor service (load the
 * conversation, run the dialog, save it, append a triage record when there is a result) on a
 * real FileStore in a temporary directory, timed message by message over whole conversations,
 * one after another. The conversations are the dialog transcripts' (bench-conversations.ts),
 * as pressed and as typed. The figures are the first pass after a short warm-up; a second pass
 * in the same process is reported beside them as the steady state of a long-running bot.
 *
 * `npx tsx scripts/bench-dialog.ts` runs it alone and prints the details.
 */
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createAdvisorService } from "../src/dialog/service.ts";
import type { AdvisorService } from "../src/dialog/types.ts";
import { createFaqIndex } from "../src/faq/index.ts";
import { loadPolicySet } from "../src/policy/load.ts";
import { FileStore } from "../src/store/file.ts";
import { conversationScripts, playReference, type ReferenceTurn, typed } from "./bench-conversations.ts";
import { percentile } from "./bench-stats.ts";

export interface DialogFigures {
  p50: number;
  p99: number;
  max: number;
  turns: number;
  conversations: number;
  /** The same percentiles of the CPU time this process spent on each message: the wall-clock
   * figures also hold the time the process waited for a core the machine gave to others. */
  cpuP50: number;
  cpuP99: number;
  /** p50 of the turns that produced a result (evaluation, result text and a triage record). */
  resultP50: number;
  /** A second pass of as many conversations in the same process, after the first. */
  steadyP50: number;
  steadyP99: number;
  steadyCpuP99: number;
}

export async function measureDialogTurns(conversations = 200): Promise<DialogFigures> {
  const set = loadPolicySet();
  const faq = createFaqIndex(set);
  const scripts = conversationScripts().flatMap((s) => [s, typed(s)]);
  // The reference runs give each step's event, presses already resolved to button ids.
  const references = await Promise.all(scripts.map((s) => playReference(s, { set, faq })));
  const dir = await mkdtemp(join(tmpdir(), "advisor-dialog-bench-"));
  const store = await FileStore.open(dir);
  const service = createAdvisorService({ set, store, faq });
  try {
    // Warm-up: the JIT, the store's directories.
    for (let c = 0; c < 40; c++) await converse(service, `telegram:${c}`, references[c % references.length]);
    const first = await pass(service, references, conversations, 1_000_000);
    // The same again in the same process: a bot that has served its first few thousand
    // messages, its code optimised by the JIT and its heap sized.
    const steady = await pass(service, references, conversations, 2_000_000);
    return {
      p50: percentile(first.wall, 50),
      p99: percentile(first.wall, 99),
      max: Math.max(...first.wall),
      cpuP50: percentile(first.cpu, 50),
      cpuP99: percentile(first.cpu, 99),
      turns: first.wall.length,
      conversations,
      resultP50: percentile(first.result, 50),
      steadyP50: percentile(steady.wall, 50),
      steadyP99: percentile(steady.wall, 99),
      steadyCpuP99: percentile(steady.cpu, 99),
    };
  } finally {
    await store.close();
    await rm(dir, { recursive: true, force: true });
  }
}

/** `conversations` whole conversations one after another: every message's clock and CPU time,
 * and the clock time of the messages that produced a result. */
async function pass(
  service: AdvisorService,
  references: ReferenceTurn[][],
  conversations: number,
  firstId: number,
): Promise<{ wall: number[]; cpu: number[]; result: number[] }> {
  const wall: number[] = [];
  const cpu: number[] = [];
  const result: number[] = [];
  for (let c = 0; c < conversations; c++) {
    const turns = references[c % references.length] ?? [];
    const timed = await converse(service, `telegram:${firstId + c}`, turns);
    wall.push(...timed.wall);
    cpu.push(...timed.cpu);
    turns.forEach((t, i) => {
      if (t.result) result.push(timed.wall[i] ?? Number.NaN);
    });
  }
  return { wall, cpu, result };
}

/** Plays one conversation; the milliseconds each message took, start to replies, on the
 * clock and in CPU time. */
async function converse(
  service: AdvisorService,
  conversationId: string,
  turns: ReferenceTurn[] = [],
): Promise<{ wall: number[]; cpu: number[] }> {
  const wall: number[] = [];
  const cpu: number[] = [];
  for (const turn of turns) {
    const started = performance.now();
    const cpuStarted = process.cpuUsage();
    await service.handle({ channel: "telegram", conversationId, userId: conversationId, event: turn.event });
    const used = process.cpuUsage(cpuStarted);
    wall.push(performance.now() - started);
    cpu.push((used.user + used.system) / 1000);
  }
  return { wall, cpu };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  console.log(JSON.stringify(await measureDialogTurns(), null, 2));
}

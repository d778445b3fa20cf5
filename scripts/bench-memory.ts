/**
 * rssMb100k: resident memory of a running advisor (`advisor start` from dist/, Telegram
 * webhook, file store) whose DATA_DIR holds 100,000 conversations, after it has served
 * turns: 1,000 stored conversations picked across the 100,000 each take their next two
 * answers, and 200 new chats answer their first four questions. RSS is read from
 * /proc/<pid>/status (VmRSS now, VmHWM at the peak) once every reply has been sent.
 *
 * The stored conversations are real dialog states, snapshots of the transcripts'
 * conversations at every step (bench-conversations.ts), saved through FileStore itself so
 * the layout is the store's own. The same load on an empty DATA_DIR is measured too, to show
 * what the 100,000 add (there the 1,000 chats start afresh instead).
 *
 * `npx tsx scripts/bench-memory.ts` runs it alone and prints the details.
 */
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { STATE_VERSION } from "../src/dialog/state.ts";
import { createFaqIndex } from "../src/faq/index.ts";
import { loadPolicySet } from "../src/policy/load.ts";
import { FileStore } from "../src/store/file.ts";
import { type FakeTelegram, startFakeTelegram } from "../test/support/fake-telegram.ts";
import {
  conversationScripts,
  playReference,
  type ReferenceTurn,
  telegramText,
  typed,
} from "./bench-conversations.ts";
import { type ChatLoad, drive, memoryMbOf, startServer, watchReplies } from "./bench-telegram.ts";

const STORED = 100_000;
const RESUMED = 1_000;
const RESUMED_STEPS = 2;
const FRESH = 200;
const FRESH_STEPS = 4;
const FIRST_CHAT = 200_000_000;

export interface MemoryFigures {
  rssMb: number;
  peakMb: number;
  /** Right after start-up, before any update. */
  idleRssMb: number;
  /** The same load on an empty DATA_DIR. */
  emptyRssMb: number;
  emptyPeakMb: number;
  stored: number;
  seedSeconds: number;
}

/** Where conversation `n` stands: script n mod scripts, some step before its last two. */
function positionOf(n: number, references: ReferenceTurn[][]): { turns: ReferenceTurn[]; step: number } {
  const turns = references[n % references.length] ?? [];
  return { turns, step: Math.floor(n / references.length) % (turns.length - RESUMED_STEPS) };
}

/** Saves `count` conversations through the store, `parallel` at a time. */
async function seed(dir: string, count: number, references: ReferenceTurn[][], parallel = 256) {
  const store = await FileStore.open(dir, { maxHandles: parallel * 2 });
  const updatedAt = new Date().toISOString();
  for (let start = 0; start < count; start += parallel) {
    const batch: Promise<void>[] = [];
    for (let n = start; n < Math.min(count, start + parallel); n++) {
      const { turns, step } = positionOf(n, references);
      const state = turns[step]?.state;
      batch.push(store.save(`telegram:${FIRST_CHAT + n}`, { version: STATE_VERSION, state, updatedAt }));
    }
    await Promise.all(batch);
  }
  await store.close();
}

/** Stored chats continue where they stand; new chats start. Every chat's replies are counted. */
function loadOf(fake: FakeTelegram, references: ReferenceTurn[][], stored: number) {
  const chats: ChatLoad[] = [];
  const owed = new Map<number, number>();
  const add = (chatId: number, turns: ReferenceTurn[]) => {
    chats.push({ chatId, updates: turns.map((t) => fake.textUpdate(chatId, telegramText(t.step) ?? "")) });
    owed.set(
      chatId,
      turns.reduce((sum, t) => sum + t.messages, 0),
    );
  };
  // With nothing stored, the same number of chats take their first answers instead.
  const spacing = Math.max(1, Math.floor(stored / RESUMED));
  for (let i = 0; i < RESUMED; i++) {
    const n = i * spacing;
    const { turns, step } = positionOf(n, references);
    const from = stored > 0 ? step + 1 : 0;
    add(FIRST_CHAT + n, turns.slice(from, from + RESUMED_STEPS));
  }
  for (let i = 0; i < FRESH; i++)
    add(FIRST_CHAT - 1 - i, (references[i % references.length] ?? []).slice(0, FRESH_STEPS));
  return { chats, owed };
}

/** Starts the advisor on `dir`, serves the load, and reads its memory before stopping it. */
async function servedRss(dir: string, references: ReferenceTurn[][], stored: number) {
  const fake = await startFakeTelegram();
  const server = await startServer(fake, { dataDir: dir });
  try {
    const idle = memoryMbOf(server.pid);
    const load = loadOf(fake, references, stored);
    const watcher = watchReplies(fake, load.owed.keys());
    await drive(server.port, load.chats, { concurrency: 32 });
    await watcher.until(load.owed);
    return { ...memoryMbOf(server.pid), idle: idle.rss };
  } finally {
    await server.stop();
    await fake.close();
  }
}

export async function measureMemory(stored = STORED): Promise<MemoryFigures> {
  const set = loadPolicySet();
  const faq = createFaqIndex(set);
  // Pressed buttons would need the bot's messages; stored chats are continued by typing.
  const references = await Promise.all(
    conversationScripts().map((s) => playReference(typed(s), { set, faq })),
  );
  const full = await mkdtemp(join(tmpdir(), "advisor-rss-bench-"));
  const empty = await mkdtemp(join(tmpdir(), "advisor-rss-bench-empty-"));
  try {
    const started = performance.now();
    await seed(full, stored, references);
    const seedSeconds = (performance.now() - started) / 1000;
    const loaded = await servedRss(full, references, stored);
    const bare = await servedRss(empty, references, 0);
    return {
      rssMb: loaded.rss,
      idleRssMb: loaded.idle,
      peakMb: loaded.peak,
      emptyRssMb: bare.rss,
      emptyPeakMb: bare.peak,
      stored,
      seedSeconds,
    };
  } finally {
    await Promise.all([
      rm(full, { recursive: true, force: true }),
      rm(empty, { recursive: true, force: true }),
    ]);
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const count = Number(process.argv[2] ?? STORED);
  console.log(JSON.stringify(await measureMemory(count), null, 2));
}

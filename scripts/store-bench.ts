/**
 * `npx tsx scripts/store-bench.ts [--json]`: how the file store scales with the number of
 * stored conversations.
 *
 * - storeWriteGrowth: average cost of one conversation write (a turn's save through the real
 *   FileStore) with 100,000 stored conversations ÷ the same with 1,000. Target < 2.
 * - rssMb100k: resident memory of a fresh process that opens the store holding 100,000
 *   conversations and runs 1,000 turns (load + save) on distinct ones. Target < 300.
 *
 * Seeding writes the files directly, in the store's own layout and format, in parallel
 * batches: it is set-up, not what is measured.
 */
import { spawnSync } from "node:child_process";
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { conversationPath, FileStore } from "../src/store/file.ts";
import type { StoredConversation } from "../src/store/types.ts";

const SMALL = 1_000;
const LARGE = 100_000;
const WRITES = 2_000;
const ROUNDS = 5;
const TOUCHED = 1_000;

const idOf = (n: number) => `telegram:${100_000_000 + n}`;

/** A conversation of realistic size: a dozen answered questions and a short history. */
function conversationOf(n: number, turn = 1): StoredConversation {
  return {
    version: 1,
    updatedAt: new Date(1_763_700_000_000 + n * 1000).toISOString(),
    state: {
      lang: n % 3 === 0 ? "en" : "zh",
      turn,
      step: "question",
      pending: "platforms",
      answers: {
        district: n % 2 === 0 ? "tongzhou" : "shijingshan",
        entityType: "enterprise",
        dataFirsts: ["registration", "transaction"],
        infrastructure: { inOperation: true, fixedAssetInvestment: 30_000_000 + n },
        dcmm: { level: 3, previousAwardedLevel: 0 },
      },
      asked: ["district", "entityType", "dataFirsts", "infrastructure.inOperation", "dcmm.level"],
      history: ["通州区", "企业", "首登记、首交易", "是", "3 级"],
    },
  };
}

/** Writes conversations [from, to) straight to disk as FileStore would, `parallel` at a time. */
async function seed(dataDir: string, from: number, to: number, parallel = 256): Promise<void> {
  // One mkdir per directory, which every file of that directory waits for (a file written while
  // its directory was still being made failed with ENOENT).
  const dirs = new Map<string, Promise<unknown>>();
  for (let start = from; start < to; start += parallel) {
    const batch = [];
    for (let n = start; n < Math.min(start + parallel, to); n++) {
      const path = conversationPath(dataDir, idOf(n));
      const dir = dirname(path);
      const made = dirs.get(dir) ?? mkdir(dir, { recursive: true });
      dirs.set(dir, made);
      const file = JSON.stringify({ seq: 1, data: { id: idOf(n), conversation: conversationOf(n) } });
      batch.push(made.then(() => writeFile(path, file)));
    }
    await Promise.all(batch);
  }
}

/** Average milliseconds of one save, over WRITES saves to stored conversations picked at random. */
async function averageWriteMs(store: FileStore, stored: number): Promise<number> {
  let turn = 2;
  const started = process.hrtime.bigint();
  for (let i = 0; i < WRITES; i++) {
    const n = Math.floor(Math.random() * stored);
    await store.save(idOf(n), conversationOf(n, turn++));
  }
  return Number(process.hrtime.bigint() - started) / 1e6 / WRITES;
}

/** The best of ROUNDS averages for each store, the two measured in alternation so that load
 * from elsewhere on the machine falls on both alike; the best is the least disturbed. */
async function bestAverageWriteMs(small: string, large: string): Promise<{ small: number; large: number }> {
  const stores = { small: await FileStore.open(small), large: await FileStore.open(large) };
  // Warm-up: JIT, directory entries, handle cache.
  await averageWriteMs(stores.small, SMALL);
  await averageWriteMs(stores.large, LARGE);
  const best = { small: Number.POSITIVE_INFINITY, large: Number.POSITIVE_INFINITY };
  for (let r = 0; r < ROUNDS; r++) {
    best.small = Math.min(best.small, await averageWriteMs(stores.small, SMALL));
    best.large = Math.min(best.large, await averageWriteMs(stores.large, LARGE));
  }
  await stores.small.close();
  await stores.large.close();
  return best;
}

/** In a fresh process: open the store, run TOUCHED turns on distinct conversations, report RSS. */
async function rssChild(dir: string): Promise<void> {
  const store = await FileStore.open(dir);
  const step = Math.floor(LARGE / TOUCHED);
  for (let i = 0; i < TOUCHED; i++) {
    const id = idOf(i * step);
    const loaded = await store.load(id);
    if (!loaded) throw new Error(`conversation ${id} missing`);
    await store.withLock(id, () => store.save(id, conversationOf(i * step, 2)));
  }
  await store.close();
  process.stdout.write(`${process.memoryUsage().rss}\n`);
}

function measureRssMb(dir: string): number {
  const script = fileURLToPath(import.meta.url);
  const child = spawnSync(process.execPath, ["--import", "tsx", script, "--rss-child", dir], {
    cwd: fileURLToPath(new URL("..", import.meta.url)),
    encoding: "utf8",
  });
  if (child.status !== 0) throw new Error(`RSS child failed: ${child.stderr.split("\n")[0]}`);
  return Number(child.stdout.trim()) / 2 ** 20;
}

async function main(json: boolean): Promise<void> {
  const root = await mkdtemp(join(tmpdir(), "advisor-store-bench-"));
  const log = (line: string) => {
    if (!json) process.stderr.write(`${line}\n`);
  };
  try {
    const small = join(root, "1k");
    const large = join(root, "100k");
    const started = Date.now();
    await seed(small, 0, SMALL);
    await seed(large, 0, LARGE);
    log(`seeded ${SMALL} + ${LARGE} conversations in ${((Date.now() - started) / 1000).toFixed(1)} s`);

    const best = await bestAverageWriteMs(small, large);
    log(
      `one write: ${best.small.toFixed(3)} ms with ${SMALL} stored, ${best.large.toFixed(3)} ms with ${LARGE}`,
    );
    const rssMb100k = measureRssMb(large);
    const result = {
      writeMs1k: round(best.small),
      writeMs100k: round(best.large),
      storeWriteGrowth: round(best.large / best.small),
      storeWriteGrowthTarget: "< 2",
      rssMb100k: round(rssMb100k),
      rssMb100kTarget: "< 300",
    };
    process.stdout.write(json ? `${JSON.stringify(result)}\n` : formatted(result));
  } finally {
    await rm(root, { recursive: true, force: true });
  }
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}

function formatted(result: Record<string, number | string>): string {
  return `${Object.entries(result)
    .map(([key, value]) => `${key}: ${value}`)
    .join("\n")}\n`;
}

const args = process.argv.slice(2);
if (args[0] === "--rss-child" && args[1]) await rssChild(args[1]);
else await main(args.includes("--json"));

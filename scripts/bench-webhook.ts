/**
 * telegramWebhookRatio: updates per second the advisor's Telegram webhook takes ÷ updates per
 * second a bare grammY webhook with an empty handler takes, both on 127.0.0.1 against the same
 * fake Bot API, driven by the same load generator in the same run.
 *
 * Both are counted as Telegram sees them: an update is taken when the webhook answers 200, and
 * the load generator sends a chat's next update only then (as Telegram does). The advisor answers
 * once the update is kept in its store (src/bots/telegram/queue.ts), so the 200 is a promise
 * that survives kill -9 (scripts/soak.ts checks it); the turn runs after. So that the figure
 * cannot hide work left undone, each run also waits until the bot has sent every message it owes
 * for every update (known from a reference run of the same conversation) and fails if that
 * stalls; the rate at which that work completes is reported beside the figure.
 *
 * `npx tsx scripts/bench-webhook.ts` runs it alone and prints the details.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createFaqIndex } from "../src/faq/index.ts";
import { loadPolicySet } from "../src/policy/load.ts";
import { type FakeTelegram, startFakeTelegram } from "../test/support/fake-telegram.ts";
import {
  conversationScripts,
  playReference,
  type ReferenceTurn,
  telegramText,
  typed,
} from "./bench-conversations.ts";
import {
  type ChatLoad,
  cpuMsOf,
  drive,
  type ServerKind,
  startServer,
  watchReplies,
} from "./bench-telegram.ts";

export interface LoadShape {
  chats: number;
  /** Updates per chat: the first steps of a typed conversation (below the rate limit's burst of 30). */
  steps: number;
  concurrency: number;
}

export interface RunFigures {
  kind: ServerKind;
  updates: number;
  /** Updates taken (answered 200) per second. */
  acksPerSecond: number;
  /** Updates whose replies were all sent, per second from the first POST to the last reply
   * (the bare webhook owes none: its acknowledgements). */
  completedPerSecond: number;
  /** CPU milliseconds of the server process per update. */
  serverCpuMsPerUpdate: number;
  /** CPU milliseconds of this process (load generator and fake Bot API) per update. */
  driverCpuMsPerUpdate: number;
}

export interface WebhookFigures {
  ratio: number;
  advisor: RunFigures;
  bare: RunFigures;
  shape: LoadShape;
}

export const DEFAULT_SHAPE: LoadShape = { chats: 250, steps: 12, concurrency: 32 };
const WARM_UP: LoadShape = { chats: 50, steps: 12, concurrency: 32 };

/** A typed conversation's first `steps` updates per chat, and the messages each chat is owed. */
async function loadOf(fake: FakeTelegram, shape: LoadShape, firstChatId: number) {
  const references = await typedReferences();
  const chats: ChatLoad[] = [];
  const owed = new Map<number, number>();
  for (let i = 0; i < shape.chats; i++) {
    const chatId = firstChatId + i;
    const turns = (references[i % references.length] ?? []).slice(0, shape.steps);
    chats.push({ chatId, updates: turns.map((t) => fake.textUpdate(chatId, telegramText(t.step) ?? "")) });
    owed.set(
      chatId,
      turns.reduce((sum, t) => sum + t.messages, 0),
    );
  }
  return { chats, owed, updates: shape.chats * Math.min(shape.steps, references[0]?.length ?? 0) };
}

let references: Promise<ReferenceTurn[][]> | undefined;
function typedReferences(): Promise<ReferenceTurn[][]> {
  references ??= (() => {
    const set = loadPolicySet();
    const faq = createFaqIndex(set);
    return Promise.all(conversationScripts().map((s) => playReference(typed(s), { set, faq })));
  })();
  return references;
}

let nextChatId = 1_000_000;

/** One load through one server: updates taken and completed per second, with CPU spent on each side. */
async function runOnce(
  kind: ServerKind,
  fake: FakeTelegram,
  port: number,
  pid: number,
  shape: LoadShape,
): Promise<RunFigures> {
  const load = await loadOf(fake, shape, nextChatId);
  nextChatId += shape.chats;
  const watcher = watchReplies(fake, load.owed.keys());
  const serverCpu = cpuMsOf(pid);
  const driverCpu = process.cpuUsage();
  const driven = await drive(port, load.chats, { concurrency: shape.concurrency });
  if (driven.acked !== load.updates)
    throw new Error(
      `${kind}: ${driven.acked} of ${load.updates} updates acknowledged (${JSON.stringify(driven.refused)})`,
    );
  const doneAt = kind === "bare" ? driven.lastAckAt : await watcher.until(load.owed);
  const driverUsed = process.cpuUsage(driverCpu);
  const perSecondUntil = (at: number) => load.updates / ((at - driven.startedAt) / 1000);
  return {
    kind,
    updates: load.updates,
    acksPerSecond: perSecondUntil(driven.lastAckAt),
    completedPerSecond: perSecondUntil(doneAt),
    serverCpuMsPerUpdate: (cpuMsOf(pid) - serverCpu) / load.updates,
    driverCpuMsPerUpdate: (driverUsed.user + driverUsed.system) / 1000 / load.updates,
  };
}

/** Both servers in alternation, `rounds` times each, so load from elsewhere on the machine
 * falls on both alike; the best run of each is the least disturbed. */
export async function measureWebhook(shape = DEFAULT_SHAPE, rounds = 2): Promise<WebhookFigures> {
  const fake = await startFakeTelegram();
  const best: Partial<Record<ServerKind, RunFigures>> = {};
  try {
    for (let round = 0; round < rounds; round++) {
      for (const kind of ["bare", "advisor"] as ServerKind[]) {
        const dataDir = mkdtempSync(join(tmpdir(), "advisor-webhook-bench-"));
        const server = await startServer(kind, fake, { dataDir });
        try {
          await runOnce(kind, fake, server.port, server.pid, WARM_UP);
          const figures = await runOnce(kind, fake, server.port, server.pid, shape);
          if (!best[kind] || figures.acksPerSecond > best[kind].acksPerSecond) best[kind] = figures;
        } finally {
          await server.stop();
          rmSync(dataDir, { recursive: true, force: true });
        }
      }
    }
  } finally {
    await fake.close();
  }
  const { advisor, bare } = best as Record<ServerKind, RunFigures>;
  return { ratio: advisor.acksPerSecond / bare.acksPerSecond, advisor, bare, shape };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  console.log(JSON.stringify(await measureWebhook(), null, 2));
}

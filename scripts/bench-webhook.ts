/**
 * telegramWebhookRatio: updates per second the advisor's Telegram webhook *completes* ÷ the
 * updates per second a bare grammY webhook with an empty handler acknowledges, both on
 * 127.0.0.1 against the same fake Bot API, driven by the same load generator in the same run.
 *
 * The advisor answers a webhook request as soon as the update is queued behind its chat's
 * earlier ones, before the dialog has run; counting those acknowledgements would measure
 * only grammY's HTTP handling. An update counts as done when the bot has sent every message
 * it owes for it (known from a reference run of the same conversation), so the advisor's
 * figure includes the dialog, the store writes and its calls to the (fake) Bot API.
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
  /** Completed updates per second (the bare webhook: acknowledged). */
  perSecond: number;
  /** Acknowledged updates per second, whatever the work behind them. */
  acksPerSecond: number;
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

/** One load through one server: completed updates per second, with CPU spent on each side. */
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
  const seconds = (doneAt - driven.startedAt) / 1000;
  const driverUsed = process.cpuUsage(driverCpu);
  return {
    kind,
    updates: load.updates,
    perSecond: load.updates / seconds,
    acksPerSecond: load.updates / ((driven.lastAckAt - driven.startedAt) / 1000),
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
          if (!best[kind] || figures.perSecond > best[kind].perSecond) best[kind] = figures;
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
  return { ratio: advisor.perSecond / bare.perSecond, advisor, bare, shape };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  console.log(JSON.stringify(await measureWebhook(), null, 2));
}

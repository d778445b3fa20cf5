/**
 * `npx tsx scripts/soak.ts [--chats=300] [--no-kill]`: the advisor under a few thousand
 * concurrent Telegram updates, then killed mid-write. Loopback only, bounded in count and time.
 *
 * Soak: a real `advisor start` (from the sources, Telegram webhook, file store on a fresh
 * DATA_DIR) against the fake Bot API. Hundreds of chats talk at once, each in order: /start,
 * district, entity type and more answers, typed or by pressing the bot's buttons once they are
 * shown; some updates are delivered twice. Then every conversation's stored state must equal
 * the state a reference run of the same messages leaves (bench-conversations.ts), so a copy was
 * applied once; every chat must have had the replies it was owed, plus at most the open question
 * shown again for each copy; and the triage records must be one per result.
 *
 * Kill -9: the same kind of load on another DATA_DIR, the process killed once about half the
 * replies are out. The store it leaves must load (no file unreadable), and each conversation
 * must stand at a point of its messages between the last one the bot answered and the last
 * one sent; every update the webhook accepted (answered 200) must be applied to the
 * conversation, since Telegram does not deliver those again (the webhook answers only once the
 * turn is saved, so none may be missing). Then the advisor is started again on the same DATA_DIR
 * and, as Telegram would, every update not accepted is delivered again (same update id) followed
 * by the chat's later ones: every conversation must then be whole, no answer lost, none taken twice.
 *
 * Prints a summary; exits 1 on any mismatch.
 */
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Update } from "grammy/types";
import type { DialogState } from "../src/dialog/state.ts";
import { createFaqIndex } from "../src/faq/index.ts";
import { loadPolicySet } from "../src/policy/load.ts";
import { FileStore } from "../src/store/file.ts";
import { type FakeTelegram, startFakeTelegram } from "../test/support/fake-telegram.ts";
import {
  conversationScripts,
  difference,
  playReference,
  type ReferenceTurn,
  stepsAnswered,
  telegramText,
  typed,
} from "./bench-conversations.ts";
import { type ChatLoad, type DriveResult, drive, startServer, watchReplies } from "./bench-telegram.ts";

/** Every limit the soak keeps to, so it ends whatever happens. */
const LIMITS = { maxChats: 2_000, maxStepsPerChat: 25, concurrency: 64, stallMs: 15_000, maxRunMs: 180_000 };

interface ChatPlan {
  chatId: number;
  turns: ReferenceTurn[];
}

interface Problem {
  chatId: number;
  what: string;
}

const args = process.argv.slice(2);
const chatCount = Math.min(LIMITS.maxChats, Number(arg("chats") ?? 300));
const withKill = !args.includes("--no-kill");

function arg(name: string): string | undefined {
  return args.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
}

/** Chat i: one of the conversations, pressed or typed, cut after 6 to 25 steps. */
function plans(references: ReferenceTurn[][], count: number, firstChatId: number): ChatPlan[] {
  return Array.from({ length: count }, (_, i) => {
    const turns = references[i % references.length] ?? [];
    const longest = Math.min(turns.length, LIMITS.maxStepsPerChat);
    return { chatId: firstChatId + i, turns: turns.slice(0, 6 + ((i * 7) % (longest - 5))) };
  });
}

const owedBy = (turns: ReferenceTurn[]) => turns.reduce((sum, t) => sum + t.messages, 0);

/** The chat's updates: text built now; a press built once the bot has sent the question. */
function loadOf(fake: FakeTelegram, plan: ChatPlan, sent: (chatId: number) => number): ChatLoad {
  const { chatId, turns } = plan;
  return {
    chatId,
    updates: turns.map((turn, index) => {
      const text = telegramText(turn.step);
      if (text !== undefined) return fake.textUpdate(chatId, text);
      const shown = owedBy(turns.slice(0, index));
      return async (): Promise<Update> => {
        await waitUntil(fake, () => sent(chatId) >= shown, `the question of chat ${chatId}`);
        const message = fake.chat(chatId).findLast((m) => m.buttons.length > 0);
        if (!message || turn.event.kind !== "choice") throw new Error(`chat ${chatId}: no buttons to press`);
        return fake.pressUpdate(message, turn.event.id);
      };
    }),
  };
}

/** The fake's wait gives up after 10 s; this one after `limitMs`. */
async function waitUntil(
  fake: FakeTelegram,
  condition: () => boolean,
  what: string,
  limitMs = LIMITS.stallMs,
): Promise<void> {
  const deadline = performance.now() + limitMs;
  while (!condition()) {
    if (performance.now() > deadline) throw new Error(`still waiting for ${what}`);
    await fake.waitFor(condition, what).catch(() => {});
  }
}

async function openStore(dir: string) {
  const warnings: string[] = [];
  const store = await FileStore.open(dir, {
    readOnly: true,
    warn: (message, fields) => warnings.push(`${message} ${JSON.stringify(fields)}`),
  });
  return { store, warnings };
}

async function recordsByConversation(store: FileStore): Promise<Map<string, number>> {
  const counts = new Map<string, number>();
  for await (const record of store.export())
    counts.set(record.conversationId, (counts.get(record.conversationId) ?? 0) + 1);
  return counts;
}

async function soak(references: ReferenceTurn[][]): Promise<Problem[]> {
  const dir = await mkdtemp(join(tmpdir(), "advisor-soak-"));
  const fake = await startFakeTelegram();
  const problems: Problem[] = [];
  try {
    const server = await startServer(fake, { dataDir: dir, entry: "src" });
    const chats = plans(references, chatCount, 10_000);
    const watcher = watchReplies(
      fake,
      chats.map((c) => c.chatId),
    );
    const owed = new Map(chats.map((c) => [c.chatId, owedBy(c.turns)]));
    // Every 9th update of every 4th chat is delivered twice: it must be applied once.
    let counter = 0;
    const redelivered = new Set<number>();
    const copies = new Map<number, number>();
    const redeliver = (update: Update) => {
      const chatId = update.message?.chat.id ?? update.callback_query?.message?.chat.id ?? 0;
      if (chatId % 4 !== 0 || ++counter % 9 !== 0) return false;
      redelivered.add(update.update_id);
      copies.set(chatId, (copies.get(chatId) ?? 0) + 1);
      return true;
    };
    const started = performance.now();
    const driven = await drive(
      server.port,
      chats.map((plan) => loadOf(fake, plan, watcher.sent)),
      { concurrency: LIMITS.concurrency, redeliver },
    );
    await watcher.until(owed, LIMITS.stallMs);
    const seconds = (performance.now() - started) / 1000;
    const exitCode = await server.stop();
    if (exitCode !== 0) problems.push({ chatId: 0, what: `advisor exited ${exitCode} on SIGTERM` });
    const updates = chats.reduce((sum, c) => sum + c.turns.length, 0);
    if (driven.acked !== updates + redelivered.size)
      problems.push({ chatId: 0, what: `${driven.acked} of ${updates + redelivered.size} POSTs accepted` });

    const { store, warnings } = await openStore(dir);
    const records = await recordsByConversation(store);
    for (const { chatId, turns } of chats) {
      const id = `telegram:${chatId}`;
      const expected = turns.at(-1)?.state as DialogState;
      const stored = (await store.load(id))?.state as DialogState | undefined;
      const diff = difference(stored, expected);
      if (diff) problems.push({ chatId, what: `stored state differs: ${diff}` });
      // A copy of an update applied already gets the open question again (one message, or an
      // edit in place for a tick): never the answer's replies a second time.
      const replies = watcher.counts.get(chatId) ?? 0;
      const least = owed.get(chatId) ?? 0;
      if (replies < least || replies > least + (copies.get(chatId) ?? 0))
        problems.push({
          chatId,
          what: `${replies} replies, owed ${least} (+${copies.get(chatId) ?? 0} copies)`,
        });
      const results = turns.filter((t) => t.result).length;
      if ((records.get(id) ?? 0) !== results)
        problems.push({ chatId, what: `${records.get(id) ?? 0} triage records, expected ${results}` });
    }
    for (const warning of warnings) problems.push({ chatId: 0, what: `store warning: ${warning}` });
    console.log(
      `soak: ${chats.length} chats, ${updates} updates (+${redelivered.size} delivered twice, ` +
        `${fake.callsOf("answerCallbackQuery").length} button presses answered), all replies in ` +
        `${seconds.toFixed(1)} s (${Math.round(updates / seconds)} updates/s); ` +
        `${problems.length} problem(s)`,
    );
    return problems;
  } finally {
    await fake.close();
    // A server left running by a failure may still be writing; leftovers in /tmp are harmless.
    await rm(dir, { recursive: true, force: true }).catch(() => {});
  }
}

async function killMidWrite(references: ReferenceTurn[][]): Promise<Problem[]> {
  const dir = await mkdtemp(join(tmpdir(), "advisor-soak-kill-"));
  const fake = await startFakeTelegram();
  const problems: Problem[] = [];
  try {
    const server = await startServer(fake, { dataDir: dir, entry: "src" });
    // Typed only: a press waits for the bot, which will not answer after the kill.
    const typedReferences = references.filter((_, i) => i % 2 === 1);
    const chats = plans(typedReferences, chatCount, 500_000);
    const watcher = watchReplies(
      fake,
      chats.map((c) => c.chatId),
    );
    const loads = chats.map((plan) => loadOf(fake, plan, watcher.sent));
    const total = chats.reduce((sum, c) => sum + owedBy(c.turns), 0);
    const abort = new AbortController();
    const driving = drive(server.port, loads, { concurrency: LIMITS.concurrency, signal: abort.signal });
    await waitUntil(
      fake,
      () => chats.reduce((n, c) => n + watcher.sent(c.chatId), 0) >= total / 2,
      "half the replies",
      // A whole run's worth: on a loaded machine half the replies take longer than a stall.
      LIMITS.maxRunMs,
    );
    abort.abort();
    await server.kill();
    const driven = await driving;
    const replied = new Map(chats.map((c) => [c.chatId, watcher.sent(c.chatId)]));
    const crash = await crashState(dir, chats, replied, driven);
    problems.push(...crash.problems);

    // Restarted on the same DATA_DIR. Telegram sends again every update it was not told 200 for,
    // with the same update id, and then the chat's later ones.
    const again = await startServer(fake, { dataDir: dir, entry: "src" });
    const rest = loads.map((load) => ({
      chatId: load.chatId,
      updates: load.updates.slice(driven.ackedByChat.get(load.chatId) ?? 0),
    }));
    await drive(again.port, rest, { concurrency: LIMITS.concurrency }).catch(async (error) => {
      await again.kill();
      throw error;
    });
    const exitCode = await again.stop();
    if (exitCode !== 0) problems.push({ chatId: 0, what: `restarted advisor exited ${exitCode} on SIGTERM` });

    // Every conversation must now be whole: no answer lost, none taken twice.
    const { store, warnings } = await openStore(dir);
    let whole = 0;
    for (const { chatId, turns } of chats) {
      const stored = (await store.load(`telegram:${chatId}`))?.state as DialogState | undefined;
      const diff = difference(stored, turns.at(-1)?.state as DialogState);
      if (diff) problems.push({ chatId, what: `after the restart and redelivery: ${diff}` });
      else whole++;
    }
    const unexpected = warnings.filter((w) => !w.startsWith("skipped an unreadable triage record line"));
    for (const warning of unexpected) problems.push({ chatId: 0, what: `store warning: ${warning}` });
    console.log(
      `kill -9: killed after ${[...replied.values()].reduce((a, b) => a + b, 0)} of ${total} replies ` +
        `(${crash.answered} updates answered, ${driven.acked} accepted); the store loaded; ` +
        `${crash.lost} accepted update(s) not applied (at most ${crash.mostLost} in one chat), ` +
        `${crash.torn} torn record line(s); after a restart and Telegram's redelivery ` +
        `${whole} of ${chats.length} conversations whole; ${problems.length} problem(s)`,
    );
    return problems;
  } finally {
    await fake.close();
    // A server left running by a failure may still be writing; leftovers in /tmp are harmless.
    await rm(dir, { recursive: true, force: true }).catch(() => {});
  }
}

/**
 * The store as the kill left it: it loads without unreadable files, and each conversation
 * stands at a step between the last one the bot had answered and the last one sent. Accepted
 * updates (answered 200) not applied are lost for good, since Telegram does not send them again.
 */
async function crashState(
  dir: string,
  chats: ChatPlan[],
  replied: Map<number, number>,
  driven: DriveResult,
): Promise<{
  problems: Problem[];
  answered: number;
  lost: number;
  mostLost: number;
  torn: number;
}> {
  const problems: Problem[] = [];
  const { store, warnings } = await openStore(dir);
  let answered = 0;
  let lost = 0;
  let mostLost = 0;
  for (const { chatId, turns } of chats) {
    const low = stepsAnswered(turns, replied.get(chatId) ?? 0);
    const sent = driven.sentByChat.get(chatId) ?? 0;
    const accepted = driven.ackedByChat.get(chatId) ?? 0;
    answered += low;
    const stored = (await store.load(`telegram:${chatId}`))?.state as DialogState | undefined;
    // Two steps can leave the same state; the latest step that matches is where it stands.
    const at = [...Array(sent + 1).keys()].findLast((k) =>
      k === 0 ? stored === undefined : difference(stored, turns[k - 1]?.state as DialogState) === undefined,
    );
    if (at === undefined || at < low) {
      problems.push({
        chatId,
        what: `stored state is not that after any step from ${low} (answered) to ${sent} (sent)`,
      });
      continue;
    }
    // Every accepted step must be applied: the conversation stands at or after the last one.
    const missing = Math.max(0, accepted - at);
    lost += missing;
    mostLost = Math.max(mostLost, missing);
    if (missing > 0)
      problems.push({ chatId, what: `${missing} accepted updates lost (steps ${at + 1}-${accepted})` });
  }
  for await (const _ of store.export()) {
    // Reading every record is the check: a torn line is reported through `warnings`.
  }
  const torn = warnings.filter((w) => w.startsWith("skipped an unreadable triage record line")).length;
  for (const warning of warnings)
    if (!warning.startsWith("skipped an unreadable triage record line"))
      problems.push({ chatId: 0, what: `store warning after the kill: ${warning}` });
  return { problems, answered, lost, mostLost, torn };
}

async function main(): Promise<number> {
  const set = loadPolicySet();
  const faq = createFaqIndex(set);
  // Pressed and typed versions of each conversation, alternating.
  const scripts = conversationScripts().flatMap((s) => [s, typed(s)]);
  const references = await Promise.all(scripts.map((s) => playReference(s, { set, faq })));
  const problems = await soak(references);
  if (withKill) problems.push(...(await killMidWrite(references)));
  for (const { chatId, what } of problems.slice(0, 20)) console.log(`  chat ${chatId}: ${what}`);
  if (problems.length > 20) console.log(`  … and ${problems.length - 20} more`);
  return problems.length === 0 ? 0 : 1;
}

// A hard bound on the whole run: a hang is a failure too.
const guard = setTimeout(() => {
  console.error("soak: gave up after 10 minutes");
  process.exit(1);
}, 600_000);
guard.unref();
process.exitCode = await main();

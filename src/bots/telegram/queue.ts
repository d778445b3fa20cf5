/**
 * Updates taken from Telegram and not yet handled. Taking an update keeps it in the store
 * first (`keepDelivery`), so the webhook can answer Telegram at once and the turn run after:
 * Telegram is never kept waiting on a dialog turn or a conversation lock (its connections to
 * the webhook are few, and one slow chat held on each would stall every other chat), and an
 * update it was told "200" for survives a crash of this process. Kept updates are settled once
 * their turn is over; those a stopped process left are handed out again at start-up (and,
 * with Redis, those of an instance that died while others run). With several instances, a
 * chat's update waits until no earlier update of that chat is kept by another one, so an early
 * answer to Telegram does not let a chat's updates overtake each other across instances.
 *
 * Each chat's updates run in the order they were taken and never at the same time; chats do
 * not wait for each other beyond sharing `maxConcurrentTurns` turns at once. About
 * `maxBacklog` taken updates wait at most: beyond that taking one waits for room (takes already
 * past the check may overshoot by a few); a webhook gives up after `roomWaitMs` (it then
 * answers 503, and Telegram holds the update and sends it again later), long polling simply
 * fetches no more meanwhile. Stopping gives queued turns a grace period (`close`); what has not
 * run by then stays kept for the next start.
 */
import type { Update } from "grammy/types";
import { KeyedMutex, Semaphore } from "../../store/lock.ts";
import type { ConversationStore, DeliveryPlace } from "../../store/types.ts";
import type { Logger } from "../logger.ts";
import { readUpdate } from "./inbound.ts";

export const NAMESPACE = "telegram";

export type QueueStore = Pick<
  ConversationStore,
  "hasSeen" | "keepDelivery" | "settleDelivery" | "orphanedDeliveries" | "awaitEarlierDeliveries"
>;

/** How long a turn waits for a chat's earlier update held by another instance before going on
 * (that instance is slow or stuck; its lease and the conversation lock still bound the damage). */
const EARLIER_UPDATE_WAIT_MS = 30_000;

export interface UpdateQueueOptions {
  store: QueueStore;
  logger: Logger;
  /** Runs one update's turn; it reports its own failures and does not throw. */
  handle(update: Update): Promise<void>;
  maxBacklog?: number;
  /** How long taking an update waits for room (default 5,000 ms; Infinity: as long as it takes,
   * for long polling, where Telegram waits for us anyway and a refusal would lose the update). */
  roomWaitMs?: number;
  /** Turns running at once, across chats (default 4). A turn is a few milliseconds of CPU and
   * one or two Bot API calls; Telegram lets a bot send about 30 messages a second in all, which
   * 4 turns reach at about 70 ms per call, so more would rarely reply sooner. Each turn in
   * flight lengthens the event loop's pass, which taking the next update waits for: with 8,
   * the webhook took 0.36–0.48 of a bare grammY webhook's updates per second, with 4, 0.57–0.75,
   * completing the same 410–450 updates/s (BENCHMARKS.md, telegramWebhookRatio). */
  maxConcurrentTurns?: number;
}

/** Too many updates wait already; Telegram should send this one again later. */
export class BacklogFullError extends Error {
  override readonly name = "BacklogFullError";
  constructor(backlog: number, waitedMs: number) {
    super(
      `${backlog} Telegram updates are waiting to be handled and none finished within ${waitedMs} ms; ` +
        "the update was refused so Telegram sends it again later. Run more instances (with REDIS_URL) if this persists.",
    );
  }
}

export function createUpdateQueue(options: UpdateQueueOptions) {
  const { store, logger, handle } = options;
  const maxBacklog = options.maxBacklog ?? 10_000;
  const roomWaitMs = options.roomWaitMs ?? 5_000;
  const chats = new KeyedMutex();
  const turnSlots = new Semaphore(options.maxConcurrentTurns ?? 4);
  let backlog = 0;
  /** Stopping, and the grace for the queued turns is over: no further turn starts. */
  let leaving = false;
  let roomWaiters: (() => void)[] = [];

  /** A chat's updates in Telegram's order, across every instance sharing the store. */
  const placeOf = (update: Update, chatId: number): DeliveryPlace => ({
    queue: String(chatId),
    position: update.update_id,
  });

  /** Another instance may have taken this chat's previous update and not run it yet. Waiting is
   * best effort: if the store cannot say, the turn runs (and reports its own failures). */
  const awaitEarlier = async (id: string, place: DeliveryPlace) => {
    try {
      if (await store.awaitEarlierDeliveries(NAMESPACE, id, place, EARLIER_UPDATE_WAIT_MS)) return;
      logger.warn("telegram: an earlier update of this chat is still waiting elsewhere; going on", {
        updateId: Number(id),
      });
    } catch (error) {
      logger.warn("telegram: could not look for earlier updates of this chat; going on", { error });
    }
  };

  const schedule = (update: Update, chatId: number) => {
    backlog++;
    const id = String(update.update_id);
    const place = placeOf(update, chatId);
    void chats.run(String(chatId), async () => {
      let ran = false;
      try {
        if (leaving) return;
        await awaitEarlier(id, place);
        await turnSlots.acquire();
        try {
          if (leaving) return;
          ran = true;
          await handle(update);
        } finally {
          turnSlots.release();
        }
      } finally {
        // One never run stays kept: the next start (or another instance) runs it.
        if (ran)
          await store.settleDelivery(NAMESPACE, id, place).catch((error) => {
            logger.warn("telegram: could not settle an update", { error, updateId: update.update_id });
          });
        backlog--;
        const waiters = roomWaiters;
        roomWaiters = [];
        for (const wake of waiters) wake();
      }
    });
  };

  const room = async () => {
    const started = Date.now();
    while (backlog >= maxBacklog) {
      const left = roomWaitMs - (Date.now() - started);
      if (left <= 0) throw new BacklogFullError(backlog, roomWaitMs);
      await new Promise<void>((resolve) => {
        const timer = Number.isFinite(left) ? setTimeout(resolve, left) : undefined;
        roomWaiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
  };

  return {
    /** Keeps the update and queues its turn; resolves once it is kept (or known already). */
    async take(update: Update): Promise<void> {
      const inbound = readUpdate(update);
      if (inbound.kind === "ignored") return;
      const id = String(update.update_id);
      await room();
      if (await store.hasSeen(NAMESPACE, id)) {
        logger.info("telegram: update delivered again, skipped", { updateId: update.update_id });
        return;
      }
      // A copy of an update still waiting: the first one will be handled.
      if (!(await store.keepDelivery(NAMESPACE, id, update, placeOf(update, inbound.chatId)))) return;
      schedule(update, inbound.chatId);
    },

    /** Queues the updates a stopped process (or a dead instance) kept and did not handle. */
    async adoptOrphans(): Promise<number> {
      const orphans = await store.orphanedDeliveries(NAMESPACE);
      for (const { id, payload } of orphans) {
        const update = payload as Update;
        const inbound = isUpdate(payload) ? readUpdate(update) : ({ kind: "ignored" } as const);
        if (inbound.kind === "ignored") await store.settleDelivery(NAMESPACE, id, placeOf(update, 0));
        else schedule(update, inbound.chatId);
      }
      if (orphans.length > 0)
        logger.info("telegram: handling updates taken before a restart", { updates: orphans.length });
      return orphans.length;
    },

    /** Resolves once every update queued so far has been handled. */
    drain: () => chats.drain(),

    /** For stopping: lets queued turns run for up to `graceMs`, then starts no more and resolves
     * once the turns under way are over. Updates not run stay kept, for the next start or (with
     * Redis) for another instance, so a deep backlog does not hold up a restart. */
    async close(graceMs: number): Promise<void> {
      let timer: NodeJS.Timeout | undefined;
      const graceOver = new Promise<"grace over">((resolve) => {
        timer = setTimeout(() => resolve("grace over"), graceMs);
      });
      const outcome = await Promise.race([chats.drain(), graceOver]);
      clearTimeout(timer);
      if (outcome !== "grace over") return;
      leaving = true;
      logger.info("telegram: stopping; updates not yet handled stay kept for the next start", {
        updates: backlog,
      });
      await chats.drain();
    },

    get backlog() {
      return backlog;
    },
  };
}

function isUpdate(value: unknown): value is Update {
  return typeof value === "object" && value !== null && typeof (value as Update).update_id === "number";
}

/**
 * One turn of a conversation at a time within this process: a FIFO mutex per conversation
 * (async-mutex), so a chat's updates run in the order they arrived. Re-entrant within one turn
 * (AsyncLocalStorage): an adapter holds the lock around the whole update — dialog and replies —
 * and the dialog service, which takes the same lock for itself, runs inside it without waiting
 * on its own caller. Entries are dropped once nobody holds or waits for them.
 */
import { AsyncLocalStorage } from "node:async_hooks";
import { Mutex } from "async-mutex";

const held = new AsyncLocalStorage<ReadonlySet<string>>();

export class ConversationLocks {
  private readonly mutexes = new Map<string, { mutex: Mutex; users: number }>();
  private readonly running = new Set<Promise<unknown>>();

  /** Runs `work` once every earlier turn of `key` is over; `guard` wraps it inside the local
   * lock (the Redis store takes its shared lock there). A turn already holding `key` runs at once. */
  run<T>(key: string, work: () => Promise<T>, guard = (inner: () => Promise<T>) => inner()): Promise<T> {
    const outer = held.getStore();
    if (outer?.has(key)) return work();
    const entry = this.mutexes.get(key) ?? { mutex: new Mutex(), users: 0 };
    this.mutexes.set(key, entry);
    entry.users++;
    const turn = entry.mutex
      .runExclusive(() => held.run(new Set([...(outer ?? []), key]), () => guard(work)))
      .finally(() => {
        this.running.delete(turn);
        if (--entry.users === 0) this.mutexes.delete(key);
      });
    this.running.add(turn);
    return turn;
  }

  /** Resolves when every turn started so far has finished. */
  async drain(): Promise<void> {
    while (this.running.size > 0) await Promise.allSettled([...this.running]);
  }
}

/**
 * In-process concurrency helpers shared by the stores and the adapters: a per-key promise
 * chain (one turn of a conversation at a time), a counting semaphore, and a bounded "seen" set
 * for delivery ids.
 */

/** Serializes work per key inside one process. Entries are removed once their chain drains,
 * so the map holds only conversations that have a turn running or waiting. */
export class KeyedMutex {
  private readonly tails = new Map<string, Promise<void>>();

  async run<T>(key: string, work: () => Promise<T>): Promise<T> {
    const previous = this.tails.get(key) ?? Promise.resolve();
    let release!: () => void;
    const mine = new Promise<void>((resolve) => {
      release = resolve;
    });
    const tail = previous.then(() => mine);
    this.tails.set(key, tail);
    await previous;
    try {
      return await work();
    } finally {
      release();
      if (this.tails.get(key) === tail) this.tails.delete(key);
    }
  }

  /** Resolves when every turn started so far has finished. */
  async drain(): Promise<void> {
    await Promise.all([...this.tails.values()]);
  }
}

/** A FIFO counting semaphore: waiters are served in the order they asked. */
export class Semaphore {
  private readonly waiting: (() => void)[] = [];
  constructor(private free: number) {}

  async acquire(): Promise<void> {
    if (this.free > 0) {
      this.free--;
      return;
    }
    await new Promise<void>((resolve) => this.waiting.push(resolve));
  }

  release(): void {
    const next = this.waiting.shift();
    if (next) next();
    else this.free++;
  }
}

/** Remembers the most recent `limit` ids per namespace. Redeliveries arrive within seconds or
 * minutes of the original, so forgetting the oldest ids costs nothing in practice and keeps
 * memory flat however long the process runs. */
export class BoundedSeenSet {
  private readonly namespaces = new Map<string, Set<string>>();

  constructor(private readonly limit = 10_000) {}

  /** `true` the first time `id` is seen in `namespace`, `false` afterwards. */
  add(namespace: string, id: string): boolean {
    let seen = this.namespaces.get(namespace);
    if (!seen) {
      seen = new Set();
      this.namespaces.set(namespace, seen);
    }
    if (seen.has(id)) return false;
    seen.add(id);
    // A Set iterates in insertion order, so the first entry is the oldest.
    if (seen.size > this.limit) seen.delete(seen.values().next().value as string);
    return true;
  }

  has(namespace: string, id: string): boolean {
    return this.namespaces.get(namespace)?.has(id) ?? false;
  }

  /** Every remembered id, oldest first within each namespace. */
  *entries(): Iterable<[namespace: string, id: string]> {
    for (const [namespace, ids] of this.namespaces) for (const id of ids) yield [namespace, id];
  }

  get size(): number {
    let size = 0;
    for (const ids of this.namespaces.values()) size += ids.size;
    return size;
  }
}

/**
 * The store for several advisor instances sharing state through one Redis server (ioredis).
 *
 * Keys, all under a prefix (default `advisor:`):
 * - `conv:<id>`: the conversation as JSON.
 * - `lock:<id>`: the turn lock, holding the owner's random token, with a lease (`lockTtlMs`)
 *   renewed while the turn runs, so the lock of an instance that died expires by itself.
 * - `records`: a list of triage records as JSON, oldest first.
 *
 * Locking is pessimistic: SET lock NX PX, retried with jittered backoff, released by a Lua
 * script only if the token is still ours (an expired lock re-taken by another instance is never
 * deleted by the late owner). Optimistic WATCH/MULTI would have to re-run a losing turn, and a
 * turn is not free to repeat: it may already have sent replies. Turns of one conversation in the
 * same process queue in memory first (lock.ts), so they keep their order and do not spin on Redis.
 */
import { randomUUID } from "node:crypto";
import { Redis } from "ioredis";
import { defaultWarn, StoreError } from "./errors.ts";
import { ConversationLocks } from "./lock.ts";
import {
  type ConversationStore,
  isStoredConversation,
  type RecordLog,
  type Store,
  type StoredConversation,
  type StoreOptions,
  storeOf,
  type TriageRecord,
} from "./types.ts";

export interface RedisStoreOptions extends StoreOptions {
  /** Key prefix, so several deployments (or tests) can share one server. Default `advisor:`. */
  prefix?: string;
  /** How long a lock outlives a crashed holder (default 15,000 ms); renewed while the turn runs. */
  lockTtlMs?: number;
  /** How long a turn waits for the lock before giving up (default 30,000 ms). */
  lockWaitMs?: number;
}

/** Lua run by Redis: act on the lock only if it still holds our token. */
const IF_OURS = (then: string) =>
  `if redis.call("get", KEYS[1]) == ARGV[1] then return ${then} else return 0 end`;
const RELEASE = IF_OURS(`redis.call("del", KEYS[1])`);
const RENEW = IF_OURS(`redis.call("pexpire", KEYS[1], ARGV[2])`);
const RECORD_PAGE = 500;
const FIX_REDIS = "Check that REDIS_URL points at a running Redis server the advisor can reach.";

/** One connection and what every part of the store needs to use it. */
class Connection {
  readonly prefix: string;
  readonly warn: NonNullable<StoreOptions["warn"]>;

  constructor(
    readonly redis: Redis,
    /** The server without credentials, for messages. */
    readonly where: string,
    options: RedisStoreOptions,
  ) {
    this.prefix = options.prefix ?? "advisor:";
    this.warn = options.warn ?? defaultWarn;
  }

  key(...parts: string[]): string {
    return this.prefix + parts.join(":");
  }

  async call<T>(action: string, command: () => Promise<T>): Promise<T> {
    try {
      return await command();
    } catch (error) {
      throw new StoreError(this.where, action, error, FIX_REDIS);
    }
  }
}

/** What `RedisStore.open` gives: conversations and records on one Redis connection. */
export type RedisStore = Store;

export const RedisStore = {
  /** Connects and checks the server answers; a bad URL or an unreachable server is a StoreError. */
  async open(url: string, options: RedisStoreOptions = {}): Promise<Store> {
    const where = withoutCredentials(url);
    if (!/^rediss?:\/\//i.test(url)) {
      throw new StoreError(where, "use REDIS_URL", new Error("not a redis:// or rediss:// URL"), FIX_REDIS);
    }
    const redis = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 2 });
    const connection = new Connection(redis, where, options);
    // A listener is needed at all times, or ioredis prints every connection error itself.
    let opened = false;
    let lastProblem: Error | undefined;
    redis.on("error", (error: Error) => {
      if (lastProblem?.message === error.message) return;
      lastProblem = error;
      if (opened)
        connection.warn("Redis connection problem; retrying", { server: where, problem: error.message });
    });
    try {
      await redis.connect();
      await redis.ping();
    } catch (error) {
      redis.disconnect();
      // "connect ECONNREFUSED 127.0.0.1:6379" says more than ioredis's "Connection is closed".
      throw new StoreError(where, "connect to Redis", lastProblem ?? error, FIX_REDIS);
    }
    opened = true;
    lastProblem = undefined;
    const conversations = new RedisConversations(connection, options);
    return storeOf(conversations, new RedisRecordLog(connection), async () => {
      await conversations.drain();
      // QUIT is answered after every command already sent, so pending writes complete first.
      await redis.quit().catch(() => redis.disconnect());
    });
  },
};

class RedisConversations implements ConversationStore {
  private readonly local = new ConversationLocks();
  private readonly lockTtlMs: number;
  private readonly lockWaitMs: number;

  constructor(
    private readonly db: Connection,
    options: RedisStoreOptions,
  ) {
    this.lockTtlMs = options.lockTtlMs ?? 15_000;
    this.lockWaitMs = options.lockWaitMs ?? 30_000;
  }

  async load(conversationId: string): Promise<StoredConversation | undefined> {
    const key = this.db.key("conv", conversationId);
    const json = await this.db.call("load conversation", () => this.db.redis.get(key));
    if (json === null) return undefined;
    const value = parseOrUndefined(json);
    return isStoredConversation(value) ? value : this.setAside(key);
  }

  async save(conversationId: string, conversation: StoredConversation): Promise<void> {
    const json = JSON.stringify(conversation);
    await this.db.call("save conversation", () =>
      this.db.redis.set(this.db.key("conv", conversationId), json),
    );
  }

  withLock<T>(conversationId: string, work: () => Promise<T>): Promise<T> {
    return this.local.run(conversationId, work, async (inner) => {
      const key = this.db.key("lock", conversationId);
      const token = await this.acquire(key, conversationId);
      const ttl = this.lockTtlMs;
      const renewal = setInterval(() => void this.ifOurs("renew", RENEW, key, token, ttl), ttl / 3);
      renewal.unref();
      try {
        return await inner();
      } finally {
        clearInterval(renewal);
        // Should the release fail, the lock expires by itself after lockTtlMs.
        await this.ifOurs("release", RELEASE, key, token);
      }
    });
  }

  drain(): Promise<void> {
    return this.local.drain();
  }

  private async acquire(key: string, conversationId: string): Promise<string> {
    const token = randomUUID();
    const deadline = Date.now() + this.lockWaitMs;
    for (let attempt = 0; ; attempt++) {
      const taken = await this.db.call("lock conversation", () =>
        this.db.redis.set(key, token, "PX", this.lockTtlMs, "NX"),
      );
      if (taken === "OK") return token;
      if (Date.now() >= deadline) {
        throw new StoreError(
          this.db.where,
          `lock conversation ${conversationId}`,
          new Error(`another turn held it for over ${this.lockWaitMs} ms`),
          "A turn of this conversation is stuck in another instance; it is freed when that lock expires.",
        );
      }
      // Exponential backoff with jitter (5 ms doubling up to 200 ms), so waiters do not retry in step.
      const ceiling = Math.min(5 * 2 ** attempt, 200);
      await new Promise((resolve) => setTimeout(resolve, ceiling / 2 + Math.random() * (ceiling / 2)));
    }
  }

  private async ifOurs(what: string, script: string, key: string, ...args: Array<string | number>) {
    try {
      await this.db.redis.eval(script, 1, key, ...args);
    } catch (error) {
      this.db.warn(`could not ${what} a conversation lock`, { key, problem: (error as Error).message });
    }
  }

  /** Keeps a damaged conversation for inspection under another key; the chat starts afresh. */
  private async setAside(key: string): Promise<undefined> {
    const aside = `${key}:corrupt:${Date.now()}`;
    try {
      await this.db.redis.rename(key, aside);
    } catch (error) {
      // Another instance moved it first.
      if (!/no such key/i.test((error as Error).message)) {
        throw new StoreError(this.db.where, "move aside a corrupt conversation", error, FIX_REDIS);
      }
    }
    this.db.warn("moved aside an unreadable conversation; the conversation starts afresh", { key: aside });
    return undefined;
  }
}

class RedisRecordLog implements RecordLog {
  constructor(private readonly db: Connection) {}

  async append(record: TriageRecord): Promise<void> {
    const json = JSON.stringify(record);
    await this.db.call("add triage record", () => this.db.redis.rpush(this.db.key("records"), json));
  }

  async *export(): AsyncIterable<TriageRecord> {
    const key = this.db.key("records");
    const read = <T>(command: () => Promise<T>) => this.db.call("read triage records", command);
    // Records are only appended, so the length read now bounds a consistent pass.
    const length = await read(() => this.db.redis.llen(key));
    for (let start = 0; start < length; start += RECORD_PAGE) {
      const end = Math.min(start + RECORD_PAGE, length) - 1;
      const page = await read(() => this.db.redis.lrange(key, start, end));
      for (const [offset, json] of page.entries()) {
        const record = parseOrUndefined(json) as TriageRecord | undefined;
        if (record) yield record;
        else this.db.warn("skipped an unreadable triage record", { key, index: start + offset });
      }
    }
  }
}

function parseOrUndefined(json: string): unknown {
  try {
    return JSON.parse(json);
  } catch {
    return undefined;
  }
}

/** `redis://user:secret@host:6379/0` → `redis://host:6379/0`: a password never reaches a log. */
export function withoutCredentials(url: string): string {
  const parsed = URL.parse(url);
  if (!parsed) return "(unparseable REDIS_URL)";
  parsed.username = "";
  parsed.password = "";
  return parsed.toString();
}

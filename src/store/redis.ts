/**
 * The store for several advisor instances sharing state through one Redis server.
 *
 * Keys, all under a prefix (default `advisor:`):
 * - `conv:<id>`: the conversation as JSON.
 * - `lock:<id>`: the turn lock, holding the owner's random token.
 * - `seen:<namespace>:<id>`: a delivery id, expiring after `seenTtlSeconds`.
 * - `records`: a list of triage records as JSON, oldest first.
 *
 * Turn locking is pessimistic: SET lock NX PX, retried with jittered backoff, released by a
 * Lua script only if the token is still ours (an expired lock re-taken by another instance
 * is never deleted by the late owner), and kept alive while the turn runs. Optimistic
 * WATCH/MULTI would have to re-run a losing turn, and a turn is not free to repeat: it may
 * already have appended a triage record. Turns of one conversation in the same process
 * queue in memory first, so they do not spin against Redis.
 */
import { randomUUID } from "node:crypto";
import { Redis } from "ioredis";
import { defaultWarn, StoreError } from "./errors.ts";
import { KeyedMutex } from "./lock.ts";
import { isStoredConversation } from "./shape.ts";
import type { ConversationStore, StoredConversation, StoreOptions, TriageRecord } from "./types.ts";

export interface RedisStoreOptions extends StoreOptions {
  /** Key prefix, so several deployments (or tests) can share one server. Default `advisor:`. */
  prefix?: string;
  /** How long a lock outlives a crashed holder (default 15,000 ms); renewed while the turn runs. */
  lockTtlMs?: number;
  /** How long a turn waits for the lock before giving up (default 30,000 ms). */
  lockWaitMs?: number;
  /** How long a delivery id is remembered (default one day). */
  seenTtlSeconds?: number;
}

const RELEASE = `if redis.call("get", KEYS[1]) == ARGV[1] then return redis.call("del", KEYS[1]) else return 0 end`;
const RENEW = `if redis.call("get", KEYS[1]) == ARGV[1] then return redis.call("pexpire", KEYS[1], ARGV[2]) else return 0 end`;
const RECORD_PAGE = 500;
const FIX_REDIS = "Check that REDIS_URL points at a running Redis server the advisor can reach.";

export class RedisStore implements ConversationStore {
  private readonly local = new KeyedMutex();
  private readonly prefix: string;
  private readonly lockTtlMs: number;
  private readonly lockWaitMs: number;
  private readonly seenTtlSeconds: number;
  private readonly warn: NonNullable<StoreOptions["warn"]>;

  private constructor(
    private readonly redis: Redis,
    /** The server without credentials, for messages. */
    readonly where: string,
    options: RedisStoreOptions,
  ) {
    this.prefix = options.prefix ?? "advisor:";
    this.lockTtlMs = options.lockTtlMs ?? 15_000;
    this.lockWaitMs = options.lockWaitMs ?? 30_000;
    this.seenTtlSeconds = options.seenTtlSeconds ?? 86_400;
    this.warn = options.warn ?? defaultWarn;
  }

  /** Connects and checks the server answers; a bad URL or an unreachable server is a StoreError. */
  static async open(url: string, options: RedisStoreOptions = {}): Promise<RedisStore> {
    const where = withoutCredentials(url);
    if (!/^rediss?:$/.test(safeProtocol(url))) {
      throw new StoreError(where, "use REDIS_URL", new Error("not a redis:// or rediss:// URL"), FIX_REDIS);
    }
    const warn = options.warn ?? defaultWarn;
    const redis = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 2 });
    // A listener is needed at all times, or ioredis prints every connection error itself.
    let firstError: Error | undefined;
    const whileOpening = (error: Error) => {
      firstError ??= error;
    };
    redis.on("error", whileOpening);
    try {
      await redis.connect();
      await redis.ping();
    } catch (error) {
      redis.disconnect();
      // "connect ECONNREFUSED 127.0.0.1:6379" says more than ioredis's "Connection is closed".
      throw new StoreError(where, "connect to Redis", firstError ?? error, FIX_REDIS);
    }
    redis.off("error", whileOpening);
    let lastProblem = "";
    redis.on("error", (error: Error) => {
      if (error.message === lastProblem) return;
      lastProblem = error.message;
      warn("Redis connection problem; retrying", { server: where, problem: error.message });
    });
    return new RedisStore(redis, where, options);
  }

  async load(conversationId: string): Promise<StoredConversation | undefined> {
    const key = this.key("conv", conversationId);
    const json = await this.call("load conversation", () => this.redis.get(key));
    if (json === null) return undefined;
    let value: unknown;
    try {
      value = JSON.parse(json);
    } catch {
      value = undefined;
    }
    if (isStoredConversation(value)) return value;
    return this.setAside(key);
  }

  async save(conversationId: string, conversation: StoredConversation): Promise<void> {
    const json = JSON.stringify(conversation);
    await this.call("save conversation", () => this.redis.set(this.key("conv", conversationId), json));
  }

  async addRecord(record: TriageRecord): Promise<void> {
    const json = JSON.stringify(record);
    await this.call("add triage record", () => this.redis.rpush(this.key("records"), json));
  }

  async *records(): AsyncIterable<TriageRecord> {
    const key = this.key("records");
    // Records are only appended, so the length read now bounds a consistent pass.
    const length = await this.call("read triage records", () => this.redis.llen(key));
    for (let start = 0; start < length; start += RECORD_PAGE) {
      const end = Math.min(start + RECORD_PAGE, length) - 1;
      const page = await this.call("read triage records", () => this.redis.lrange(key, start, end));
      for (const [offset, json] of page.entries()) {
        try {
          yield JSON.parse(json) as TriageRecord;
        } catch (error) {
          this.warn("skipped an unreadable triage record", {
            key,
            index: start + offset,
            problem: (error as Error).message,
          });
        }
      }
    }
  }

  async markSeen(namespace: string, id: string): Promise<boolean> {
    const key = this.key("seen", namespace, id);
    const answer = await this.call("mark delivery seen", () =>
      this.redis.set(key, "1", "EX", this.seenTtlSeconds, "NX"),
    );
    return answer === "OK";
  }

  async hasSeen(namespace: string, id: string): Promise<boolean> {
    const key = this.key("seen", namespace, id);
    return (await this.call("look up a delivery", () => this.redis.exists(key))) === 1;
  }

  withLock<T>(conversationId: string, work: () => Promise<T>): Promise<T> {
    return this.local.run(conversationId, async () => {
      const key = this.key("lock", conversationId);
      const token = await this.acquire(key, conversationId);
      const renewal = setInterval(() => void this.renew(key, token), this.lockTtlMs / 3);
      renewal.unref();
      try {
        return await work();
      } finally {
        clearInterval(renewal);
        await this.release(key, token);
      }
    });
  }

  async close(): Promise<void> {
    await this.local.drain();
    // QUIT is answered after every command already sent, so pending writes complete first.
    try {
      await this.redis.quit();
    } catch {
      this.redis.disconnect();
    }
  }

  private key(...parts: string[]): string {
    return this.prefix + parts.join(":");
  }

  private async acquire(key: string, conversationId: string): Promise<string> {
    const token = randomUUID();
    const deadline = Date.now() + this.lockWaitMs;
    for (let attempt = 0; ; attempt++) {
      const taken = await this.call("lock conversation", () =>
        this.redis.set(key, token, "PX", this.lockTtlMs, "NX"),
      );
      if (taken === "OK") return token;
      if (Date.now() >= deadline) {
        throw new StoreError(
          this.where,
          `lock conversation ${conversationId}`,
          new Error(`another turn held it for over ${this.lockWaitMs} ms`),
          "A turn of this conversation is stuck in another instance; it is freed when that lock expires.",
        );
      }
      // Exponential backoff with jitter, so waiting instances do not retry in step.
      const ceiling = Math.min(5 * 2 ** attempt, 200);
      await new Promise((resolve) => setTimeout(resolve, ceiling / 2 + Math.random() * (ceiling / 2)));
    }
  }

  private async renew(key: string, token: string): Promise<void> {
    try {
      await this.redis.eval(RENEW, 1, key, token, this.lockTtlMs);
    } catch (error) {
      this.warn("could not renew a conversation lock", { key, problem: (error as Error).message });
    }
  }

  private async release(key: string, token: string): Promise<void> {
    try {
      await this.redis.eval(RELEASE, 1, key, token);
    } catch (error) {
      // The lock expires by itself after lockTtlMs; the next turn waits at most that long.
      this.warn("could not release a conversation lock", { key, problem: (error as Error).message });
    }
  }

  /** Keeps a damaged conversation for inspection under another key; the chat starts afresh. */
  private async setAside(key: string): Promise<undefined> {
    const aside = `${key}:corrupt:${Date.now()}`;
    try {
      await this.redis.rename(key, aside);
    } catch (error) {
      // Another instance moved it first.
      if (!/no such key/i.test((error as Error).message)) {
        throw new StoreError(this.where, "move aside a corrupt conversation", error, FIX_REDIS);
      }
    }
    this.warn("moved aside an unreadable conversation; the conversation starts afresh", { key: aside });
    return undefined;
  }

  private async call<T>(action: string, command: () => Promise<T>): Promise<T> {
    try {
      return await command();
    } catch (error) {
      throw new StoreError(this.where, action, error, FIX_REDIS);
    }
  }
}

function safeProtocol(url: string): string {
  try {
    return new URL(url).protocol;
  } catch {
    return "";
  }
}

/** `redis://user:secret@host:6379/0` → `redis://host:6379/0`: a password never reaches a log. */
export function withoutCredentials(url: string): string {
  try {
    const parsed = new URL(url);
    parsed.username = "";
    parsed.password = "";
    return parsed.toString();
  } catch {
    return "(unparseable REDIS_URL)";
  }
}

/**
 * The store for several advisor instances sharing state through one Redis server.
 *
 * Keys, all under a prefix (default `advisor:`):
 * - `conv:<id>`: the conversation as JSON.
 * - `lock:<id>`: the turn lock, holding the owner's random token.
 * - `seen:<namespace>:<id>`: a delivery id, expiring after `seenTtlSeconds`.
 * - `records`: a list of triage records as JSON, oldest first.
 * - `inbox:<namespace>:<instance>`: deliveries an instance kept and has not settled (a hash of
 *   id → {at, payload}); `kept:<namespace>:<id>` marks an id kept by any instance, so a copy
 *   delivered to another one is not kept twice.
 * - `order:<namespace>:<queue>`: the ids of one conversation's kept deliveries, scored by
 *   position, so an instance runs a delivery only after the earlier ones (`awaitEarlierDeliveries`).
 * - `lease:<instance>`: present while that instance runs (renewed every third of
 *   `leaseMs`). An inbox whose instance's lease is gone is adopted whole, in one script, by the
 *   first live instance that looks: a crashed instance's acknowledged updates are not lost.
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
import { ConversationLocks } from "./lock.ts";
import { isStoredConversation } from "./shape.ts";
import type {
  ConversationStore,
  DeliveryPlace,
  KeptDelivery,
  StoredConversation,
  StoreOptions,
  TriageRecord,
} from "./types.ts";

export interface RedisStoreOptions extends StoreOptions {
  /** Key prefix, so several deployments (or tests) can share one server. Default `advisor:`. */
  prefix?: string;
  /** How long a lock outlives a crashed holder (default 15,000 ms); renewed while the turn runs. */
  lockTtlMs?: number;
  /** How long a turn waits for the lock before giving up (default 30,000 ms). */
  lockWaitMs?: number;
  /** How long a delivery id is remembered (default one day). */
  seenTtlSeconds?: number;
  /** How long an instance's kept deliveries stay its own after it stops renewing its lease
   * (default 10,000 ms). */
  leaseMs?: number;
}

const RELEASE = `if redis.call("get", KEYS[1]) == ARGV[1] then return redis.call("del", KEYS[1]) else return 0 end`;
const RENEW = `if redis.call("get", KEYS[1]) == ARGV[1] then return redis.call("pexpire", KEYS[1], ARGV[2]) else return 0 end`;
const KEEP = `if not redis.call("set", KEYS[1], ARGV[1], "NX", "EX", ARGV[2]) then return 0 end
redis.call("hset", KEYS[2], ARGV[3], ARGV[4])
if ARGV[5] ~= "" then
  redis.call("zadd", KEYS[3], ARGV[5], ARGV[3])
  redis.call("expire", KEYS[3], ARGV[2])
end
return 1`;
const ADOPT = `if redis.call("exists", KEYS[1]) == 1 then return {} end
local all = redis.call("hgetall", KEYS[2])
for i = 1, #all, 2 do redis.call("hset", KEYS[3], all[i], all[i + 1]) end
redis.call("del", KEYS[2])
return all`;
const RECORD_PAGE = 500;
const FIX_REDIS = "Check that REDIS_URL points at a running Redis server the advisor can reach.";

export class RedisStore implements ConversationStore {
  private readonly local = new ConversationLocks();
  private readonly prefix: string;
  private readonly lockTtlMs: number;
  private readonly lockWaitMs: number;
  private readonly seenTtlSeconds: number;
  private readonly warn: NonNullable<StoreOptions["warn"]>;
  private readonly leaseMs: number;
  /** This instance's name in `lease:` and `inbox:` keys; a restart is a new instance. */
  private readonly instance = randomUUID();
  private leaseRenewal: NodeJS.Timeout | undefined;
  /** Orders deliveries this instance keeps within one millisecond. */
  private keepSeq = 0;

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
    this.leaseMs = options.leaseMs ?? 10_000;
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
    const store = new RedisStore(redis, where, options);
    await store.renewLease();
    store.leaseRenewal = setInterval(() => void store.renewLease(), store.leaseMs / 3);
    store.leaseRenewal.unref();
    return store;
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

  async keepDelivery(
    namespace: string,
    id: string,
    payload: unknown,
    place?: DeliveryPlace,
  ): Promise<boolean> {
    const json = JSON.stringify({ at: Date.now(), seq: this.keepSeq++, payload });
    const kept = await this.call("keep a delivery", () =>
      this.redis.eval(
        KEEP,
        3,
        this.key("kept", namespace, id),
        this.key("inbox", namespace, this.instance),
        this.key("order", namespace, place?.queue ?? ""),
        this.instance,
        this.seenTtlSeconds,
        id,
        json,
        place ? String(place.position) : "",
      ),
    );
    return kept === 1;
  }

  async settleDelivery(namespace: string, id: string, place?: DeliveryPlace): Promise<void> {
    try {
      const settle = this.redis
        .multi()
        .hdel(this.key("inbox", namespace, this.instance), id)
        .del(this.key("kept", namespace, id));
      if (place) settle.zrem(this.key("order", namespace, place.queue), id);
      await settle.exec();
    } catch (error) {
      // Adopted after this instance stops, its turn is recognised as applied: a repeated
      // question, no lost answer.
      this.warn("could not record a delivery as settled", { problem: (error as Error).message });
    }
  }

  async awaitEarlierDeliveries(
    namespace: string,
    id: string,
    place: DeliveryPlace,
    maxWaitMs: number,
  ): Promise<boolean> {
    const key = this.key("order", namespace, place.queue);
    const deadline = Date.now() + maxWaitMs;
    for (let attempt = 0; ; attempt++) {
      const [first] = await this.call("look for earlier deliveries", () => this.redis.zrange(key, 0, 0));
      if (first === undefined || first === id) return true;
      if (Date.now() >= deadline) return false;
      // Another instance is running (or will adopt) the earlier one: back off as for a lock.
      await backOff(attempt);
    }
  }

  async orphanedDeliveries(namespace: string): Promise<KeptDelivery[]> {
    const mine = this.key("inbox", namespace, this.instance);
    const prefix = this.key("inbox", namespace, "");
    const adopted: { at: number; seq: number; id: string; payload: unknown }[] = [];
    let cursor = "0";
    do {
      const [next, keys] = await this.call("look for orphaned deliveries", () =>
        this.redis.scan(cursor, "MATCH", `${prefix}*`, "COUNT", 100),
      );
      cursor = next;
      for (const key of keys) {
        if (key === mine) continue;
        const owner = key.slice(prefix.length);
        const fields = (await this.call("adopt orphaned deliveries", () =>
          this.redis.eval(ADOPT, 3, this.key("lease", owner), key, mine),
        )) as string[];
        for (let i = 0; i + 1 < fields.length; i += 2) {
          const entry = parseKept(fields[i + 1] as string);
          if (entry) adopted.push({ id: fields[i] as string, ...entry });
        }
      }
    } while (cursor !== "0");
    return adopted.sort((a, b) => a.at - b.at || a.seq - b.seq).map(({ id, payload }) => ({ id, payload }));
  }

  withLock<T>(conversationId: string, work: () => Promise<T>): Promise<T> {
    return this.local.run(conversationId, work, async (inner) => {
      const key = this.key("lock", conversationId);
      const token = await this.acquire(key, conversationId);
      const renewal = setInterval(() => void this.renew(key, token), this.lockTtlMs / 3);
      renewal.unref();
      try {
        return await inner();
      } finally {
        clearInterval(renewal);
        await this.release(key, token);
      }
    });
  }

  async close(): Promise<void> {
    await this.local.drain();
    clearInterval(this.leaseRenewal);
    // What is still kept (nothing, after a clean stop of the adapters) is adopted by the others.
    await this.redis.del(this.key("lease", this.instance)).catch(() => {});
    // QUIT is answered after every command already sent, so pending writes complete first.
    try {
      await this.redis.quit();
    } catch {
      this.redis.disconnect();
    }
  }

  private async renewLease(): Promise<void> {
    try {
      await this.redis.set(this.key("lease", this.instance), "1", "PX", this.leaseMs);
    } catch (error) {
      this.warn("could not renew this instance's lease", { problem: (error as Error).message });
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
      await backOff(attempt);
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

/** Exponential backoff with jitter (5 ms doubling up to 200 ms), so waiting instances do not
 * retry in step. */
function backOff(attempt: number): Promise<void> {
  const ceiling = Math.min(5 * 2 ** attempt, 200);
  return new Promise((resolve) => setTimeout(resolve, ceiling / 2 + Math.random() * (ceiling / 2)));
}

function parseKept(json: string): { at: number; seq: number; payload: unknown } | undefined {
  try {
    const value = JSON.parse(json) as { at?: unknown; seq?: unknown; payload?: unknown };
    if (typeof value.at !== "number") return undefined;
    return { at: value.at, seq: Number(value.seq) || 0, payload: value.payload };
  } catch {
    return undefined;
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

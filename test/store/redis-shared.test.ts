import { randomUUID } from "node:crypto";
import { Redis } from "ioredis";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { RedisStore, type RedisStoreOptions } from "../../src/store/redis.ts";
import { conversation, stateOf } from "./contract.ts";
import { requireRedisServer, useRedisServer } from "./redis-server.ts";

if (requireRedisServer()) {
  describe("two RedisStore instances on one server (two advisor processes)", () => {
    const server = useRedisServer();
    let prefix: string;
    let opened: RedisStore[];
    let raw: Redis;
    let warnings: string[];

    beforeEach(async () => {
      prefix = `shared-${randomUUID()}:`;
      opened = [];
      warnings = [];
      raw = new Redis(server.url());
    });

    afterEach(async () => {
      for (const store of opened) await store.close();
      raw.disconnect();
    });

    async function instance(options: RedisStoreOptions = {}): Promise<RedisStore> {
      const store = await RedisStore.open(server.url(), {
        prefix,
        warn: (message) => warnings.push(message),
        ...options,
      });
      opened.push(store);
      return store;
    }

    const tick = () => new Promise((resolve) => setTimeout(resolve, 1));

    /** One turn: read the count, let the other instance try to run, write count + 1. */
    const increment = (store: RedisStore, id: string) =>
      store.withLock(id, async () => {
        const { count } = stateOf<{ count: number }>(await store.load(id));
        await tick();
        await store.save(id, conversation({ count: count + 1 }));
      });

    it("lose no update when both run turns of one conversation at once", async () => {
      const [a, b] = [await instance(), await instance()];
      await a.save("slack:T1:C1", conversation({ count: 0 }));
      const turns = Array.from({ length: 15 }, () => [
        increment(a, "slack:T1:C1"),
        increment(b, "slack:T1:C1"),
      ]);
      await Promise.all(turns.flat());
      expect(await b.load("slack:T1:C1")).toEqual(conversation({ count: 30 }));
    });

    it("share triage records", async () => {
      const [a, b] = [await instance(), await instance()];
      const record = {
        at: "2026-11-21T10:00:00.000Z",
        channel: "slack" as const,
        conversationId: "slack:T1:C1",
        userId: "U1",
        profile: { district: "shijingshan" },
        result: { matches: [] },
      };
      await a.append(record);
      const seen = [];
      for await (const r of b.export()) seen.push(r);
      expect(seen).toEqual([record]);
    });

    it("keep a long turn's lock alive, so the other instance waits instead of running alongside", async () => {
      const [a, b] = [await instance({ lockTtlMs: 150 }), await instance({ lockTtlMs: 150 })];
      const events: string[] = [];
      let started!: () => void;
      const aStarted = new Promise<void>((resolve) => {
        started = resolve;
      });
      const long = a.withLock("telegram:long", async () => {
        events.push("a start");
        started();
        await new Promise((resolve) => setTimeout(resolve, 600)); // four lock lifetimes
        events.push("a end");
      });
      await aStarted;
      await b.withLock("telegram:long", async () => {
        events.push("b");
      });
      await long;
      expect(events).toEqual(["a start", "a end", "b"]);
    });

    it("take over a lock left by a crashed instance once it expires", async () => {
      const store = await instance();
      // What a process killed in the middle of a turn leaves behind.
      await raw.set(`${prefix}lock:telegram:1`, "dead-instance-token", "PX", 300);
      expect(await store.withLock("telegram:1", async () => "ran")).toBe("ran");
    });

    it("give up with a clear error when another turn holds the lock too long", async () => {
      const store = await instance({ lockWaitMs: 100 });
      await raw.set(`${prefix}lock:telegram:2`, "busy-instance-token", "PX", 60_000);
      await expect(store.withLock("telegram:2", async () => "ran")).rejects.toThrow(
        /lock conversation telegram:2.*another turn held it/,
      );
    });

    it("never release a lock that another instance has taken over", async () => {
      const store = await instance();
      const lockKey = `${prefix}lock:telegram:3`;
      await store.withLock("telegram:3", async () => {
        // Our lock expired (say the process was paused) and another instance took it.
        await raw.set(lockKey, "other-instance-token", "PX", 60_000);
      });
      expect(await raw.get(lockKey)).toBe("other-instance-token");
    });

    it("set aside a damaged conversation and start it afresh", async () => {
      const store = await instance();
      await raw.set(`${prefix}conv:telegram:4`, '{"version":1,"sta');
      expect(await store.load("telegram:4")).toBeUndefined();
      expect(await raw.keys(`${prefix}conv:telegram:4:corrupt:*`)).toHaveLength(1);
      expect(warnings).toHaveLength(1);
    });
  });
}

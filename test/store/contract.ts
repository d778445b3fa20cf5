/**
 * The behaviour every store must have (its conversations and its record log), written once and
 * run against each implementation (memory, file, Redis) by its own test file.
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Store, StoredConversation, TriageRecord } from "../../src/store/types.ts";

export interface StoreHarness {
  /** A fresh, empty store for one test. */
  create(): Promise<Store>;
  /** A second handle on the same data, as another process or a restart would see it. */
  reopen(): Promise<Store>;
  /** Removes whatever the test left behind. */
  cleanup(): Promise<void>;
}

export function conversation(state: unknown, version = 1): StoredConversation {
  return { version, state, updatedAt: "2026-11-21T10:00:00.000Z" };
}

export function triageRecord(overrides: Partial<TriageRecord> = {}): TriageRecord {
  return {
    at: "2026-11-21T10:00:00.000Z",
    channel: "telegram",
    conversationId: "telegram:42",
    userId: "42",
    profile: { district: "tongzhou", keyTechBreakthrough: true },
    result: { matches: [{ benefit: "tongzhou-4" }], totals: { max: 1_000_000 } },
    ...overrides,
  };
}

export async function collect(records: AsyncIterable<TriageRecord>): Promise<TriageRecord[]> {
  const all: TriageRecord[] = [];
  for await (const record of records) all.push(record);
  return all;
}

/** The state of a loaded conversation, failing the test if there is none. */
export function stateOf<T>(stored: StoredConversation | undefined): T {
  if (!stored) throw new Error("expected a stored conversation, found none");
  return stored.state as T;
}

const tick = () => new Promise((resolve) => setTimeout(resolve, 1));

export function describeStoreContract(name: string, harness: () => StoreHarness): void {
  describe(`${name}: store contract`, () => {
    let h: StoreHarness;
    let store: Store;
    const opened: Store[] = [];

    beforeEach(async () => {
      h = harness();
      store = await h.create();
      opened.push(store);
    });

    afterEach(async () => {
      for (const s of opened.splice(0)) await s.close();
      await h.cleanup();
    });

    async function reopen(): Promise<Store> {
      const other = await h.reopen();
      opened.push(other);
      return other;
    }

    it("answers undefined for a conversation never saved", async () => {
      expect(await store.load("telegram:unknown")).toBeUndefined();
    });

    it("returns what was saved, including Chinese text and nested state", async () => {
      const saved = conversation({
        lang: "zh",
        answers: { district: "通州区", platforms: [{ level: "national" }] },
      });
      await store.save("slack:T1:C1", saved);
      expect(await store.load("slack:T1:C1")).toEqual(saved);
    });

    it("keeps conversations apart and lets a later save replace an earlier one", async () => {
      await store.save("telegram:1", conversation({ step: 1 }));
      await store.save("telegram:2", conversation({ step: 10 }));
      await store.save("telegram:1", conversation({ step: 2 }, 2));
      expect(await store.load("telegram:1")).toEqual(conversation({ step: 2 }, 2));
      expect(await store.load("telegram:2")).toEqual(conversation({ step: 10 }));
    });

    it("is not changed by a caller mutating state after saving or loading it", async () => {
      const state = { answers: ["a"] };
      await store.save("console:local", conversation(state));
      state.answers.push("mutated after save");
      const loaded = await store.load("console:local");
      stateOf<{ answers: string[] }>(loaded).answers.push("mutated after load");
      expect(await store.load("console:local")).toEqual(conversation({ answers: ["a"] }));
    });

    it("lets another handle on the same data resume a conversation", async () => {
      await store.save("telegram:7", conversation({ step: 3 }));
      await store.close();
      const resumed = await reopen();
      expect(await resumed.load("telegram:7")).toEqual(conversation({ step: 3 }));
    });

    it("keeps triage records in the order they were added", async () => {
      const first = triageRecord({ userId: "1", profile: { district: "shijingshan", note: '逗号, "引号"' } });
      const second = triageRecord({ userId: "2", channel: "slack" });
      await store.append(first);
      await store.append(second);
      expect(await collect(store.export())).toEqual([first, second]);
    });

    it("has no records when none were added", async () => {
      expect(await collect(store.export())).toEqual([]);
    });

    it("runs the turns of one conversation one at a time and loses no update", async () => {
      await store.save("telegram:9", conversation({ count: 0 }));
      const running: string[] = [];
      let overlap = false;
      const turn = (n: number) =>
        store.withLock("telegram:9", async () => {
          if (running.length > 0) overlap = true;
          running.push(`turn ${n}`);
          const current = await store.load("telegram:9");
          await tick(); // give another turn every chance to interleave
          const { count } = stateOf<{ count: number }>(current);
          await store.save("telegram:9", conversation({ count: count + 1 }));
          running.pop();
          return n;
        });
      const results = await Promise.all(Array.from({ length: 20 }, (_, n) => turn(n)));
      expect(results).toEqual(Array.from({ length: 20 }, (_, n) => n));
      expect(overlap).toBe(false);
      expect(await store.load("telegram:9")).toEqual(conversation({ count: 20 }));
    });

    it("does not hold one conversation's turn behind another's", async () => {
      let releaseSlow!: () => void;
      const slowStarted = new Promise<void>((resolve) => {
        void store.withLock("telegram:slow", async () => {
          resolve();
          await new Promise<void>((r) => {
            releaseSlow = r;
          });
        });
      });
      await slowStarted;
      // If the locks were global this would never resolve and the test would time out.
      expect(await store.withLock("telegram:fast", async () => "done")).toBe("done");
      releaseSlow();
    });

    it("passes a failing turn's error to its caller and still runs the next turn", async () => {
      const failing = store.withLock("telegram:5", async () => {
        throw new Error("turn failed");
      });
      await expect(failing).rejects.toThrow("turn failed");
      expect(await store.withLock("telegram:5", async () => "next")).toBe("next");
    });

    it("runs a conversation's waiting turns in the order they asked for the lock", async () => {
      const order: number[] = [];
      let release!: () => void;
      let started!: () => void;
      const running = new Promise<void>((resolve) => {
        started = resolve;
      });
      const first = store.withLock("telegram:8", async () => {
        started();
        await new Promise<void>((resolve) => {
          release = resolve;
        });
        order.push(0);
      });
      const later = Array.from({ length: 5 }, (_, n) =>
        store.withLock("telegram:8", async () => {
          order.push(n + 1);
        }),
      );
      await running;
      release();
      await Promise.all([first, ...later]);
      expect(order).toEqual([0, 1, 2, 3, 4, 5]);
    });

    it("lets a turn holding the lock take it again (the service inside its adapter's turn)", async () => {
      const inner = await store.withLock("telegram:6", () =>
        store.withLock("telegram:6", async () => "inner"),
      );
      expect(inner).toBe("inner");
      // Released afterwards: the next turn is not held.
      expect(await store.withLock("telegram:6", async () => "next")).toBe("next");
    });

    it("finishes a save started before close", async () => {
      const pending = store.save("telegram:closing", conversation({ last: true }));
      await store.close();
      await pending;
      const resumed = await reopen();
      expect(await resumed.load("telegram:closing")).toEqual(conversation({ last: true }));
    });
  });
}

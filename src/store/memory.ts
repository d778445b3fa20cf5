/**
 * A store that keeps everything in memory: for tests of the dialog and the bots, and for
 * a throw-away console chat. Values are deep-copied in and out so a caller mutating its
 * state after `save` cannot change what is stored (as with the file and Redis stores).
 */
import { KeptDeliveries } from "./kept.ts";
import { BoundedSeenSet, ConversationLocks } from "./lock.ts";
import type {
  ConversationStore,
  DeliveryPlace,
  KeptDelivery,
  StoredConversation,
  TriageRecord,
} from "./types.ts";

export class MemoryStore implements ConversationStore {
  private readonly conversations = new Map<string, StoredConversation>();
  private readonly triageRecords: TriageRecord[] = [];
  private readonly seen: BoundedSeenSet;
  private readonly mutex = new ConversationLocks();
  private readonly inbox = new KeptDeliveries();

  constructor(options: { seenLimit?: number } = {}) {
    this.seen = new BoundedSeenSet(options.seenLimit);
  }

  async load(conversationId: string): Promise<StoredConversation | undefined> {
    const stored = this.conversations.get(conversationId);
    return stored && structuredClone(stored);
  }

  async save(conversationId: string, conversation: StoredConversation): Promise<void> {
    this.conversations.set(conversationId, structuredClone(conversation));
  }

  async addRecord(record: TriageRecord): Promise<void> {
    this.triageRecords.push(structuredClone(record));
  }

  async *records(): AsyncIterable<TriageRecord> {
    // A snapshot: records added while the caller iterates are not part of this pass.
    for (const record of [...this.triageRecords]) yield structuredClone(record);
  }

  async markSeen(namespace: string, id: string): Promise<boolean> {
    return this.seen.add(namespace, id);
  }

  async hasSeen(namespace: string, id: string): Promise<boolean> {
    return this.seen.has(namespace, id);
  }

  async keepDelivery(namespace: string, id: string, payload: unknown): Promise<boolean> {
    return this.inbox.keep(namespace, id, structuredClone(payload));
  }

  async settleDelivery(namespace: string, id: string): Promise<void> {
    this.inbox.settle(namespace, id);
  }

  /** One process: its own per-conversation queue orders the deliveries already. */
  async awaitEarlierDeliveries(
    _namespace: string,
    _id: string,
    _place: DeliveryPlace,
    _maxWaitMs: number,
  ): Promise<boolean> {
    return true;
  }

  /** Nothing outlives a memory store, so no delivery is ever orphaned. */
  async orphanedDeliveries(_namespace: string): Promise<KeptDelivery[]> {
    return [];
  }

  withLock<T>(conversationId: string, work: () => Promise<T>): Promise<T> {
    return this.mutex.run(conversationId, work);
  }

  async close(): Promise<void> {
    await this.mutex.drain();
  }
}

/**
 * A store that keeps everything in memory: for tests of the dialog and the bots, and for
 * a throw-away console chat. Values are deep-copied in and out so a caller mutating its
 * state after `save` cannot change what is stored (as with the file and Redis stores).
 */
import { ConversationLocks } from "./lock.ts";
import type { Store, StoredConversation, TriageRecord } from "./types.ts";

export class MemoryStore implements Store {
  private readonly conversations = new Map<string, StoredConversation>();
  private readonly triageRecords: TriageRecord[] = [];
  private readonly locks = new ConversationLocks();

  async load(conversationId: string): Promise<StoredConversation | undefined> {
    const stored = this.conversations.get(conversationId);
    return stored && structuredClone(stored);
  }

  async save(conversationId: string, conversation: StoredConversation): Promise<void> {
    this.conversations.set(conversationId, structuredClone(conversation));
  }

  withLock<T>(conversationId: string, work: () => Promise<T>): Promise<T> {
    return this.locks.run(conversationId, work);
  }

  async append(record: TriageRecord): Promise<void> {
    this.triageRecords.push(structuredClone(record));
  }

  async *export(): AsyncIterable<TriageRecord> {
    // A snapshot: records added while the caller iterates are not part of this pass.
    for (const record of [...this.triageRecords]) yield structuredClone(record);
  }

  async close(): Promise<void> {
    await this.locks.drain();
  }
}

/**
 * Where conversations and finished triage records are kept, two concerns with one interface
 * each: a conversation store (load, save, a per-conversation lock) and a record log (append,
 * export). Each has a file implementation (the embedded default, under DATA_DIR) and a Redis one
 * (REDIS_URL, shared by several instances); `Store` is the pair a process opens and closes once.
 */
import type { Channel } from "../dialog/types.ts";

export interface StoredConversation {
  /** Schema version of `state`: a conversation stored by an older version is migrated or restarted. */
  version: number;
  /** The dialog's JSON-serializable state. */
  state: unknown;
  updatedAt: string;
  /** The latest platform deliveries applied to this state (Telegram update_id, Slack event_id),
   * saved in the same write, so a delivery repeated after a crash is recognised however far its
   * first turn got: the one duplicate check (src/dialog/service.ts). */
  deliveries?: string[];
}

/** One finished triage, kept for district staff (`advisor records export`). */
export interface TriageRecord {
  at: string;
  channel: Channel;
  conversationId: string;
  userId: string;
  profile: unknown;
  result: unknown;
  /** Policy id → version of each document the result was evaluated against (src/notify);
   * absent in records kept before documents carried versions. */
  versions?: Record<string, string>;
}

export interface ConversationStore {
  load(conversationId: string): Promise<StoredConversation | undefined>;
  save(conversationId: string, conversation: StoredConversation): Promise<void>;
  /** Runs `work` while no other turn of the same conversation runs, in this process or another;
   * turns waiting run in the order they asked. A turn already holding the lock runs at once. */
  withLock<T>(conversationId: string, work: () => Promise<T>): Promise<T>;
}

export interface RecordLog {
  append(record: TriageRecord): Promise<void>;
  /** Every record, oldest first; a damaged one is reported and skipped. */
  export(): AsyncIterable<TriageRecord>;
}

/** Both, over one backing (a DATA_DIR, or one Redis connection). */
export interface Store extends ConversationStore, RecordLog {
  /** Finishes the turns and writes under way and releases resources. */
  close(): Promise<void>;
}

/** Settings every store accepts; all optional. */
export interface StoreOptions {
  /** Where a store reports data it had to set aside (a corrupt conversation, a torn record line).
   * Matches `Logger.warn` of src/bots/logger.ts; default: one line on stderr. */
  warn?: (message: string, fields?: Record<string, unknown>) => void;
  /** The caller only reads (e.g. `advisor records export`): the file store creates no
   * directory, reads a missing DATA_DIR as empty, and refuses writes. */
  readOnly?: boolean;
}

/** What a store reads back is checked, so a damaged entry is set aside instead of reaching the dialog. */
export function isStoredConversation(value: unknown): value is StoredConversation {
  if (typeof value !== "object" || value === null) return false;
  const { version, updatedAt } = value as Partial<StoredConversation>;
  return typeof version === "number" && typeof updatedAt === "string" && "state" in value;
}

/** One `Store` from its two halves and what closes them. */
export function storeOf(
  conversations: ConversationStore,
  records: RecordLog,
  close: () => Promise<void>,
): Store {
  return {
    load: (id) => conversations.load(id),
    save: (id, conversation) => conversations.save(id, conversation),
    withLock: (id, work) => conversations.withLock(id, work),
    append: (record) => records.append(record),
    export: () => records.export(),
    close,
  };
}

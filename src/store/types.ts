/**
 * Where conversations and finished triage records are kept. The embedded default is
 * file-backed (one process); a Redis implementation shares state between instances.
 */
import type { Channel } from "../dialog/types.ts";

export interface StoredConversation {
  /** Schema version of `state`: a conversation stored by an older version is migrated or restarted. */
  version: number;
  /** The dialog's JSON-serializable state. */
  state: unknown;
  updatedAt: string;
  /** The latest platform deliveries applied to this state, saved in the same write, so a
   * delivery repeated after a crash is recognised however far its first turn got. */
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
}

export interface ConversationStore {
  load(conversationId: string): Promise<StoredConversation | undefined>;
  save(conversationId: string, conversation: StoredConversation): Promise<void>;
  addRecord(record: TriageRecord): Promise<void>;
  records(): AsyncIterable<TriageRecord>;
  /** Records a delivery id (Telegram update_id, Slack event_id) and answers whether it is new:
   * `true` the first time, `false` for a redelivery. */
  markSeen(namespace: string, id: string): Promise<boolean>;
  /** Whether `markSeen` recorded this id already, without recording it. Lets an adapter record a
   * delivery only once its turn is done, so a crash mid-turn leaves it to be delivered again. */
  hasSeen(namespace: string, id: string): Promise<boolean>;
  /** Runs `work` while no other turn of the same conversation runs, in this process or another. */
  withLock<T>(conversationId: string, work: () => Promise<T>): Promise<T>;
  /** Flushes pending writes and releases resources. */
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

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

/** Where a kept delivery stands: `queue` names its conversation, `position` orders it (Telegram's
 * update_id, which grows with every update). */
export interface DeliveryPlace {
  queue: string;
  position: number;
}

/** A delivery kept by `keepDelivery`, as handed back for its turn to run. */
export interface KeptDelivery {
  id: string;
  payload: unknown;
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
  addRecord(record: TriageRecord): Promise<void>;
  records(): AsyncIterable<TriageRecord>;
  /** Records a delivery id (Telegram update_id, Slack event_id) and answers whether it is new:
   * `true` the first time, `false` for a redelivery. */
  markSeen(namespace: string, id: string): Promise<boolean>;
  /** Whether `markSeen` recorded this id already, without recording it. Lets an adapter record a
   * delivery only once its turn is done, so a crash mid-turn leaves it to be delivered again. */
  hasSeen(namespace: string, id: string): Promise<boolean>;
  /** Keeps a delivery (a Telegram update) until `settleDelivery`, so an adapter can acknowledge
   * it to the platform before its turn runs without a crash losing it. Resolves once kept as
   * durably as the store keeps conversations; `false` when this id is kept already (a copy
   * arrived while the first waits), and then nothing changes. `place` puts it in order among its
   * conversation's deliveries for `awaitEarlierDeliveries`. */
  keepDelivery(namespace: string, id: string, payload: unknown, place?: DeliveryPlace): Promise<boolean>;
  /** The delivery's turn is over (done or failed and reported): it is no longer kept. */
  settleDelivery(namespace: string, id: string, place?: DeliveryPlace): Promise<void>;
  /** Resolves `true` once no delivery placed before this one in its queue is still kept by any
   * instance, or `false` after `maxWaitMs`. Several instances take one conversation's
   * deliveries in turn this way; within one process the caller's own queue already orders
   * them, so the single-process stores resolve at once. */
  awaitEarlierDeliveries(
    namespace: string,
    id: string,
    place: DeliveryPlace,
    maxWaitMs: number,
  ): Promise<boolean>;
  /** Deliveries kept by a process that stopped before settling them (the file store: this
   * DATA_DIR's previous run; Redis: an instance whose lease ran out), oldest first. Each is
   * handed to one caller once, which then settles it like its own. */
  orphanedDeliveries(namespace: string): Promise<KeptDelivery[]>;
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

/**
 * The embedded default store: plain files under DATA_DIR, for one advisor process.
 *
 * Layout and why:
 * - One small lowdb file per conversation, DATA_DIR/conversations/<ab>/<sha1(id)>.json.
 *   A write rewrites only that conversation (a few KB), so its cost does not grow with
 *   the number of stored conversations, unlike one JSON file rewritten whole. An
 *   append-only log would also write little per turn but needs compaction and an index
 *   rebuilt on every start; separate files need neither, and startup reads nothing.
 *   Hashing makes any conversation id a safe file name; the two-hex-digit prefix keeps
 *   directories to a few hundred entries at 100,000 conversations.
 * - Each file is written through lowdb with a two-copy adapter (slots.ts): `<sha1>.json` and
 *   `<sha1>.b.json` are overwritten in turn, each write stamped with a sequence number, so a
 *   crash (even kill -9) always leaves the previous version whole in the other copy. That costs
 *   an in-place overwrite per turn (about 0.07 ms here) instead of a temp file renamed over the
 *   old one (about 0.45 ms, an inode created and deleted each time). Written synchronously on
 *   purpose: the asynchronous call took longer in thread-pool round trips and queued behind
 *   other I/O on libuv's four threads (dialog turn p99 about 6 ms with it; BENCHMARKS.md).
 *   No fsync: a power cut can still damage both copies, which are then handled like any
 *   corrupt file: moved aside as `.corrupt`, reported, and read as absent.
 * - Triage records: append-only JSON Lines, DATA_DIR/records.jsonl (see jsonl.ts).
 * - markSeen: the last `seenLimit` ids per namespace, in memory and appended to
 *   DATA_DIR/seen.jsonl, so updates redelivered after a restart (Telegram resends what was
 *   not confirmed) are still recognised. The log is rewritten, compacted, whenever it holds
 *   `seenLimit` lines more than the ids remembered.
 *
 * - Kept deliveries (updates acknowledged to Telegram before their turn ran): appended to
 *   DATA_DIR/inbox.jsonl as "keep" and "settle" lines, one small write each, so taking an
 *   update costs one append, not a file. At open, what is kept and never settled is handed
 *   out once as orphans; the log is compacted at open and whenever it holds `inboxSlack` lines
 *   more than the deliveries kept.
 *
 * One FileStore per DATA_DIR: two processes writing the same files race on the temp file
 * and each other's cached copies. Several instances share state through Redis instead (redis.ts).
 */
import { createHash } from "node:crypto";
import { mkdir, rename } from "node:fs/promises";
import { join } from "node:path";
import { LowSync } from "lowdb";
import { defaultWarn, StoreError } from "./errors.ts";
import { JsonLinesFile } from "./jsonl.ts";
import { type InboxLine, isInboxLine, KeptDeliveries } from "./kept.ts";
import { BoundedSeenSet, ConversationLocks } from "./lock.ts";
import { isStoredConversation } from "./shape.ts";
import { TwoSlotJsonFile } from "./slots.ts";
import type {
  ConversationStore,
  DeliveryPlace,
  KeptDelivery,
  StoredConversation,
  StoreOptions,
  TriageRecord,
} from "./types.ts";

/** What one conversation file holds. The id is kept so a file can be traced to its chat. */
interface ConversationFile {
  id: string;
  conversation: StoredConversation;
}

interface Handle {
  db: LowSync<ConversationFile | null>;
  /** The two files `db` writes in turn. */
  copies: TwoSlotJsonFile<ConversationFile | null>;
  /** Saves not yet finished (one may wait for its directory to be made): a handle is never
   * dropped from the cache while it has one, so `load` always waits for the latest save. */
  pending: number;
  /** Settles when the latest write has finished, successfully or not. */
  lastWrite: Promise<void>;
  /** What this process last wrote to the file and saw written: one FileStore per DATA_DIR, so
   * the file holds exactly this and a turn need not read it back (the dialog's hot path). */
  written?: StoredConversation;
}

export interface FileStoreOptions extends StoreOptions {
  /** Most conversation handles kept open at once (default 1,000). */
  maxHandles?: number;
  /** Delivery ids remembered per namespace (default 10,000). */
  seenLimit?: number;
  /** Settled lines the inbox log may hold before it is compacted (default 10,000). */
  inboxSlack?: number;
}

const FIX_DATA_DIR =
  "Check that DATA_DIR exists and is writable by the advisor, or set DATA_DIR to one that is.";

export class FileStore implements ConversationStore {
  private readonly handles = new Map<string, Handle>();
  private readonly madeDirs = new Set<string>();
  private readonly writes = new Set<Promise<void>>();
  private readonly mutex = new ConversationLocks();
  private readonly seen: BoundedSeenSet;
  private readonly journal: JsonLinesFile<TriageRecord>;
  private readonly seenLog: JsonLinesFile<[string, string]>;
  private seenLogLines = 0;
  private readonly inbox = new KeptDeliveries();
  private readonly inboxLog: JsonLinesFile<InboxLine>;
  private inboxLogLines = 0;
  private readonly inboxSlack: number;
  private readonly seenLimit: number;
  private readonly warn: NonNullable<StoreOptions["warn"]>;
  private readonly maxHandles: number;
  private readonly readOnly: boolean;

  /** Use `FileStore.open`, which also checks that the directory is usable. */
  private constructor(
    readonly dataDir: string,
    options: FileStoreOptions,
  ) {
    this.warn = options.warn ?? defaultWarn;
    this.maxHandles = options.maxHandles ?? 1_000;
    this.readOnly = options.readOnly ?? false;
    this.seenLimit = options.seenLimit ?? 10_000;
    this.seen = new BoundedSeenSet(this.seenLimit);
    this.inboxSlack = options.inboxSlack ?? 10_000;
    this.inboxLog = new JsonLinesFile(join(dataDir, "inbox.jsonl"), (line, problem) =>
      // Only a last line torn by a crash: that delivery was never acknowledged, so it comes again.
      this.warn("skipped an unreadable inbox line", { file: this.inboxLog.path, line, problem }),
    );
    this.seenLog = new JsonLinesFile(join(dataDir, "seen.jsonl"), () => {
      // A torn last line of the seen log only means one delivery id is forgotten.
    });
    this.journal = new JsonLinesFile(join(dataDir, "records.jsonl"), (line, problem) =>
      this.warn("skipped an unreadable triage record line (torn by a crash?)", {
        file: this.journal.path,
        line,
        problem,
      }),
    );
  }

  static async open(dataDir: string, options: FileStoreOptions = {}): Promise<FileStore> {
    if (options.readOnly) {
      // Read-only callers (an export, a check after a crash) see what is kept, and change nothing.
      const store = new FileStore(dataDir, options);
      await store.loadInbox();
      return store;
    }
    const conversations = join(dataDir, "conversations");
    try {
      await mkdir(conversations, { recursive: true });
    } catch (error) {
      throw new StoreError(conversations, "create the data directory", error, FIX_DATA_DIR);
    }
    const store = new FileStore(dataDir, options);
    await store.loadSeen();
    await store.loadInbox();
    return store;
  }

  async load(conversationId: string): Promise<StoredConversation | undefined> {
    const handle = this.handle(conversationId);
    // Our own write may be in flight: wait for it rather than read the version it replaces.
    await handle.lastWrite;
    if (handle.written) return structuredClone(handle.written);
    const path = this.pathOf(conversationId);
    let file: ConversationFile | null;
    try {
      file = handle.db.adapter.read();
    } catch (error) {
      if (error instanceof SyntaxError) return this.setAside(handle, path, error.message);
      throw new StoreError(path, "read conversation", error, FIX_DATA_DIR);
    }
    if (file === null) return undefined;
    if (!isConversationFile(file, conversationId))
      return this.setAside(handle, path, "not a stored conversation");
    return file.conversation;
  }

  async save(conversationId: string, conversation: StoredConversation): Promise<void> {
    const path = this.pathOf(conversationId);
    this.refuseIfReadOnly(path, "save conversation");
    const handle = this.handle(conversationId);
    // A copy taken now: the caller may change its state while the directory is being made.
    const data = structuredClone({ id: conversationId, conversation });
    handle.pending++;
    handle.written = undefined;
    const write = (async () => {
      await this.ensureDir(path);
      handle.db.data = data;
      handle.db.write();
      handle.written = data.conversation;
    })();
    const settled = write.catch(() => {});
    handle.lastWrite = settled;
    this.writes.add(settled);
    try {
      await write;
    } catch (error) {
      throw new StoreError(path, "save conversation", error, FIX_DATA_DIR);
    } finally {
      this.writes.delete(settled);
      handle.pending--;
    }
  }

  async addRecord(record: TriageRecord): Promise<void> {
    this.refuseIfReadOnly(this.journal.path, "add triage record");
    try {
      await this.journal.append(record);
    } catch (error) {
      throw new StoreError(this.journal.path, "add triage record", error, FIX_DATA_DIR);
    }
  }

  records(): AsyncIterable<TriageRecord> {
    return this.journal.read();
  }

  async hasSeen(namespace: string, id: string): Promise<boolean> {
    return this.seen.has(namespace, id);
  }

  async markSeen(namespace: string, id: string): Promise<boolean> {
    if (!this.seen.add(namespace, id)) return false;
    if (this.readOnly) return true;
    try {
      this.seenLogLines++;
      if (this.seenLogLines > this.seen.size + this.seenLimit) {
        this.seenLogLines = this.seen.size;
        await this.seenLog.replace(this.seen.entries());
      } else {
        await this.seenLog.append([namespace, id]);
      }
    } catch (error) {
      // Forgetting a delivery id after a restart risks one duplicate reply; failing the turn is worse.
      this.warn("could not record a delivery id", {
        file: this.seenLog.path,
        problem: (error as Error).message,
      });
    }
    return true;
  }

  async keepDelivery(namespace: string, id: string, payload: unknown): Promise<boolean> {
    this.refuseIfReadOnly(this.inboxLog.path, "keep a delivery");
    if (!this.inbox.keep(namespace, id, payload)) return false;
    this.inboxLogLines++;
    try {
      await this.inboxLog.append(["keep", namespace, id, payload]);
    } catch (error) {
      this.inbox.settle(namespace, id);
      throw new StoreError(this.inboxLog.path, "keep a delivery", error, FIX_DATA_DIR);
    }
    return true;
  }

  async settleDelivery(namespace: string, id: string): Promise<void> {
    if (this.readOnly || !this.inbox.settle(namespace, id)) return;
    try {
      this.inboxLogLines++;
      if (this.inboxLogLines > this.inbox.size + this.inboxSlack) await this.compactInbox();
      else await this.inboxLog.append(["settle", namespace, id]);
    } catch (error) {
      // The delivery would be handed out again after a restart, where its turn is recognised
      // as applied (the id is saved with the conversation): a repeated question, no lost answer.
      this.warn("could not record a delivery as settled", {
        file: this.inboxLog.path,
        problem: (error as Error).message,
      });
    }
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

  async orphanedDeliveries(namespace: string): Promise<KeptDelivery[]> {
    return this.inbox.takeOrphans(namespace);
  }

  withLock<T>(conversationId: string, work: () => Promise<T>): Promise<T> {
    return this.mutex.run(conversationId, work);
  }

  async close(): Promise<void> {
    await this.mutex.drain();
    await Promise.all([...this.writes]);
    await Promise.all([this.journal.close(), this.seenLog.close(), this.inboxLog.close()]);
    this.handles.clear();
  }

  private async loadInbox(): Promise<void> {
    try {
      for await (const line of this.inboxLog.read()) {
        this.inboxLogLines++;
        if (isInboxLine(line)) this.inbox.replay(line);
      }
    } catch (error) {
      throw new StoreError(this.inboxLog.path, "read the inbox", error, FIX_DATA_DIR);
    }
    this.inbox.orphanAll();
    if (!this.readOnly && this.inboxLogLines > this.inbox.size) await this.compactInbox();
  }

  /** Rewrites the inbox log with only what is still kept. */
  private async compactInbox(): Promise<void> {
    this.inboxLogLines = this.inbox.size;
    await this.inboxLog.replace(this.inbox.lines());
  }

  private async loadSeen(): Promise<void> {
    try {
      for await (const entry of this.seenLog.read()) {
        this.seenLogLines++;
        if (Array.isArray(entry) && typeof entry[0] === "string" && typeof entry[1] === "string") {
          this.seen.add(entry[0], entry[1]);
        }
      }
    } catch (error) {
      this.warn("could not read the delivery ids seen before; starting without them", {
        file: this.seenLog.path,
        problem: (error as Error).message,
      });
    }
  }

  /** DATA_DIR/conversations/<first two hex digits>/<sha1 of the id>.json */
  pathOf(conversationId: string): string {
    const hash = createHash("sha1").update(conversationId).digest("hex");
    return join(this.dataDir, "conversations", hash.slice(0, 2), `${hash}.json`);
  }

  /** The cached handle for a conversation, most recently used last; the oldest idle handles
   * are dropped beyond `maxHandles` so memory stays flat however many chats there are. */
  private handle(conversationId: string): Handle {
    let handle = this.handles.get(conversationId);
    if (handle) {
      this.handles.delete(conversationId);
    } else {
      const copies = new TwoSlotJsonFile<ConversationFile | null>(this.pathOf(conversationId));
      handle = {
        db: new LowSync(copies, null),
        copies,
        pending: 0,
        lastWrite: Promise.resolve(),
      };
    }
    this.handles.set(conversationId, handle);
    if (this.handles.size > this.maxHandles) {
      for (const [id, candidate] of this.handles) {
        if (this.handles.size <= this.maxHandles) break;
        if (candidate.pending === 0 && id !== conversationId) this.handles.delete(id);
      }
    }
    return handle;
  }

  private refuseIfReadOnly(path: string, action: string): void {
    if (this.readOnly) {
      throw new StoreError(
        path,
        action,
        new Error("the store was opened read-only"),
        "Open it without readOnly.",
      );
    }
  }

  private async ensureDir(path: string): Promise<void> {
    const dir = join(path, "..");
    if (this.madeDirs.has(dir)) return;
    await mkdir(dir, { recursive: true });
    this.madeDirs.add(dir);
  }

  /** Keeps an unreadable conversation file for inspection and lets the chat start afresh. */
  private async setAside(handle: Handle, path: string, problem: string): Promise<undefined> {
    // Read-only, or a save started meanwhile (which replaces the bad file): leave the file be.
    if (this.readOnly || handle.pending > 0) {
      this.warn("skipped an unreadable conversation file", { file: path, problem });
      return undefined;
    }
    const stamp = Date.now();
    const aside: string[] = [];
    for (const copy of handle.copies.paths) {
      try {
        await rename(copy, `${copy}.${stamp}.corrupt`);
        aside.push(`${copy}.${stamp}.corrupt`);
      } catch (error) {
        // Absent, or another load of the same conversation moved it first.
        if ((error as NodeJS.ErrnoException).code === "ENOENT") continue;
        throw new StoreError(copy, "move aside a corrupt conversation file", error, FIX_DATA_DIR);
      }
    }
    if (aside.length === 0) return undefined;
    this.warn("moved aside an unreadable conversation file; the conversation starts afresh", {
      file: aside.join(", "),
      problem,
    });
    return undefined;
  }
}

function isConversationFile(value: unknown, conversationId: string): value is ConversationFile {
  if (typeof value !== "object" || value === null) return false;
  const { id, conversation } = value as Partial<ConversationFile>;
  return id === conversationId && isStoredConversation(conversation);
}

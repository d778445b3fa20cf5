/**
 * The embedded default store: plain files under DATA_DIR, for one advisor process.
 *
 * - Conversations: one small file per conversation, DATA_DIR/conversations/<ab>/<sha1(id)>.json,
 *   so a write rewrites only that conversation (a few KB) whatever the number stored, and start-up
 *   reads nothing. Hashing makes any conversation id a safe file name; the two-hex-digit prefix
 *   keeps directories to a few hundred entries at 100,000 conversations. Each file is written as
 *   two alternating copies (slots.ts) rather than through a kept library: see there for why.
 *   An unreadable file is moved aside as `.corrupt`, reported, and read as absent.
 * - Triage records: append-only JSON Lines, DATA_DIR/records.jsonl (file-records.ts).
 * - The lock is in memory (lock.ts): one FileStore per DATA_DIR. Several instances share state
 *   through Redis instead (redis.ts).
 */
import { createHash } from "node:crypto";
import { mkdirSync } from "node:fs";
import { mkdir, rename } from "node:fs/promises";
import { dirname, join } from "node:path";
import { LRUCache } from "lru-cache";
import { defaultWarn, StoreError } from "./errors.ts";
import { FileRecordLog } from "./file-records.ts";
import { ConversationLocks } from "./lock.ts";
import { TwoSlotJsonFile } from "./slots.ts";
import {
  type ConversationStore,
  isStoredConversation,
  type Store,
  type StoredConversation,
  type StoreOptions,
  storeOf,
} from "./types.ts";

/** What one conversation file holds. The id is kept so a file can be traced to its chat. */
interface ConversationFile {
  id: string;
  conversation: StoredConversation;
}

interface Handle {
  copies: TwoSlotJsonFile<ConversationFile>;
  /** What this process last wrote: one FileStore per DATA_DIR, so the file holds exactly this and
   * a turn need not read it back (the dialog's hot path). */
  written?: StoredConversation;
}

export interface FileStoreOptions extends StoreOptions {
  /** Most conversation handles kept open at once (default 1,000). */
  maxHandles?: number;
}

const FIX_DATA_DIR =
  "Check that DATA_DIR exists and is writable by the advisor, or set DATA_DIR to one that is.";

/** What `FileStore.open` gives: conversations and records under one DATA_DIR. */
export type FileStore = Store;

export const FileStore = {
  /** Opens the store under `dataDir`, creating it unless read-only; StoreError if unusable. */
  async open(dataDir: string, options: FileStoreOptions = {}): Promise<Store> {
    const conversationsDir = join(dataDir, "conversations");
    if (!options.readOnly) {
      try {
        await mkdir(conversationsDir, { recursive: true });
      } catch (error) {
        throw new StoreError(conversationsDir, "create the data directory", error, FIX_DATA_DIR);
      }
    }
    const warn = options.warn ?? defaultWarn;
    const conversations = new FileConversations(dataDir, { ...options, warn });
    const records = new FileRecordLog(dataDir, warn, options.readOnly ?? false, FIX_DATA_DIR);
    return storeOf(conversations, records, async () => {
      await conversations.close();
      records.close();
    });
  },
};

export class FileConversations implements ConversationStore {
  private readonly handles: LRUCache<string, Handle>;
  private readonly madeDirs = new Set<string>();
  private readonly locks = new ConversationLocks();
  private readonly warn: NonNullable<StoreOptions["warn"]>;

  constructor(
    readonly dataDir: string,
    private readonly options: FileStoreOptions,
  ) {
    this.warn = options.warn ?? defaultWarn;
    this.handles = new LRUCache({ max: options.maxHandles ?? 1_000 });
  }

  async load(conversationId: string): Promise<StoredConversation | undefined> {
    const handle = this.handle(conversationId);
    if (handle.written) return structuredClone(handle.written);
    const path = this.pathOf(conversationId);
    let file: ConversationFile | null;
    try {
      file = handle.copies.read();
    } catch (error) {
      if (error instanceof SyntaxError) return this.setAside(handle, path, error.message);
      throw new StoreError(path, "read conversation", error, FIX_DATA_DIR);
    }
    if (file === null) return undefined;
    if (!isConversationFile(file, conversationId))
      return this.setAside(handle, path, "not a stored conversation");
    return file.conversation;
  }

  /** Written synchronously, directory included (once per directory): the asynchronous calls took
   * longer in thread-pool round trips and queued behind other I/O on libuv's four threads (dialog
   * turn p99 about 6 ms with them; BENCHMARKS.md), and a save is then over when it returns. */
  async save(conversationId: string, conversation: StoredConversation): Promise<void> {
    const path = this.pathOf(conversationId);
    const handle = this.handle(conversationId);
    try {
      if (this.options.readOnly) throw new Error("the store was opened read-only");
      const dir = dirname(path);
      if (!this.madeDirs.has(dir)) mkdirSync(dir, { recursive: true });
      this.madeDirs.add(dir);
      handle.written = undefined;
      handle.copies.write({ id: conversationId, conversation });
      handle.written = structuredClone(conversation);
    } catch (error) {
      throw new StoreError(path, "save conversation", error, FIX_DATA_DIR);
    }
  }

  withLock<T>(conversationId: string, work: () => Promise<T>): Promise<T> {
    return this.locks.run(conversationId, work);
  }

  async close(): Promise<void> {
    await this.locks.drain();
    this.handles.clear();
  }

  private pathOf(conversationId: string): string {
    return conversationPath(this.dataDir, conversationId);
  }

  /** The cached handle for a conversation; the least recently used are dropped beyond
   * `maxHandles`, so memory stays flat. */
  private handle(conversationId: string): Handle {
    let handle = this.handles.get(conversationId);
    if (!handle) {
      handle = { copies: new TwoSlotJsonFile(this.pathOf(conversationId)) };
      this.handles.set(conversationId, handle);
    }
    return handle;
  }

  /** Keeps an unreadable conversation file for inspection and lets the chat start afresh. */
  private async setAside(handle: Handle, path: string, problem: string): Promise<undefined> {
    if (this.options.readOnly) {
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
        if ((error as NodeJS.ErrnoException).code !== "ENOENT")
          throw new StoreError(copy, "move aside a corrupt conversation file", error, FIX_DATA_DIR);
      }
    }
    if (aside.length > 0)
      this.warn("moved aside an unreadable conversation file; the conversation starts afresh", {
        file: aside.join(", "),
        problem,
      });
    return undefined;
  }
}

/** DATA_DIR/conversations/<first two hex digits>/<sha1 of the id>.json */
export function conversationPath(dataDir: string, conversationId: string): string {
  const hash = createHash("sha1").update(conversationId).digest("hex");
  return join(dataDir, "conversations", hash.slice(0, 2), `${hash}.json`);
}

function isConversationFile(value: unknown, conversationId: string): value is ConversationFile {
  if (typeof value !== "object" || value === null) return false;
  const { id, conversation } = value as Partial<ConversationFile>;
  return id === conversationId && isStoredConversation(conversation);
}

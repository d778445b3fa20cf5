/**
 * Deliveries kept in this process until their turn is over (see `keepDelivery` in types.ts):
 * the in-memory part shared by the memory and file stores. The file store also logs every
 * change to DATA_DIR/inbox.jsonl and rebuilds this from it after a restart.
 */
import type { KeptDelivery } from "./types.ts";

/** One line of the inbox log: a delivery kept, or settled. */
export type InboxLine =
  | [op: "keep", namespace: string, id: string, payload: unknown]
  | [op: "settle", namespace: string, id: string];

export class KeptDeliveries {
  /** By namespace and id, oldest first (a Map iterates in insertion order). */
  private readonly kept = new Map<string, { namespace: string; id: string; payload: unknown }>();
  /** Kept by a previous run and not yet handed out, per namespace. */
  private readonly orphans = new Map<string, KeptDelivery[]>();

  /** `false` if the id is kept already. */
  keep(namespace: string, id: string, payload: unknown): boolean {
    const key = keyOf(namespace, id);
    if (this.kept.has(key)) return false;
    this.kept.set(key, { namespace, id, payload });
    return true;
  }

  /** `false` if the id was not kept. */
  settle(namespace: string, id: string): boolean {
    return this.kept.delete(keyOf(namespace, id));
  }

  /** Applies a line of the log, as read back after a restart. */
  replay(line: InboxLine): void {
    if (line[0] === "keep") this.keep(line[1], line[2], line[3]);
    else this.settle(line[1], line[2]);
  }

  /** Marks everything kept now as left by a previous run, to be handed out once. */
  orphanAll(): void {
    for (const { namespace, id, payload } of this.kept.values()) {
      const list = this.orphans.get(namespace) ?? [];
      list.push({ id, payload });
      this.orphans.set(namespace, list);
    }
  }

  takeOrphans(namespace: string): KeptDelivery[] {
    const list = this.orphans.get(namespace) ?? [];
    this.orphans.delete(namespace);
    // One settled meanwhile (a copy redelivered and handled) is no longer owed.
    return list.filter(({ id }) => this.kept.has(keyOf(namespace, id)));
  }

  /** The log lines that rebuild what is kept now: what a compacted log holds. */
  *lines(): Iterable<InboxLine> {
    for (const { namespace, id, payload } of this.kept.values()) yield ["keep", namespace, id, payload];
  }

  get size(): number {
    return this.kept.size;
  }
}

function keyOf(namespace: string, id: string): string {
  return `${namespace}\u0000${id}`;
}

export function isInboxLine(value: unknown): value is InboxLine {
  if (!Array.isArray(value) || typeof value[1] !== "string" || typeof value[2] !== "string") return false;
  return (value[0] === "keep" && value.length === 4) || (value[0] === "settle" && value.length === 3);
}

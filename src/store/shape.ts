/** Checks on what a store reads back, so a damaged entry is set aside instead of reaching the dialog. */
import type { StoredConversation } from "./types.ts";

export function isStoredConversation(value: unknown): value is StoredConversation {
  if (typeof value !== "object" || value === null) return false;
  const { version, updatedAt } = value as Partial<StoredConversation>;
  return typeof version === "number" && typeof updatedAt === "string" && "state" in value;
}

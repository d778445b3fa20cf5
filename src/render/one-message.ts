/**
 * One turn, one new message (issue 16). A turn's replies may hold a short text about the thing
 * next to it (`joins`): an answer's read-back ("记为：400,000 元") before the next question, the
 * offer to be told of changes after the result. Posted one by one they are two messages a phone
 * scrolls through; joined to the question or result next to them they are one. Each platform
 * joins the messages of a group when they fit its limits (telegram/messages.ts,
 * slack/blocks.ts) and leaves them apart when they do not.
 */
import type { Reply } from "../dialog/types.ts";

/** A reply that stands as its own message: all but the texts that join another. */
const stands = (reply: Reply) => reply.joins !== true;

/** The turn's replies in groups of at most one standing reply each: a joining text goes with
 * the standing reply after it, or, with none after it, the one before it. */
export function groupReplies(replies: Reply[]): Reply[][] {
  const groups: Reply[][] = [];
  let pending: Reply[] = [];
  for (const reply of replies) {
    if (!stands(reply)) {
      pending.push(reply);
      continue;
    }
    groups.push([...pending, reply]);
    pending = [];
  }
  if (pending.length === 0) return groups;
  const last = groups.at(-1);
  if (last) last.push(...pending);
  else groups.push(pending);
  return groups;
}

/** Where each reply of a group stands: before its standing reply, the standing reply, after it. */
export function roleIn(group: Reply[], index: number): "before" | "anchor" | "after" {
  const anchor = group.findIndex(stands);
  if (anchor === -1 || index < anchor) return "before";
  return index === anchor ? "anchor" : "after";
}

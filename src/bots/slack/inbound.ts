/**
 * Reading Slack input: which conversation a message or button press belongs to, where the
 * answer goes, and the user's words with Slack's markup taken out.
 */
import { LRUCache } from "lru-cache";
import type { Lang } from "../../dialog/types.ts";

/** Where replies to a turn are posted: a DM, or the thread a channel conversation lives in. */
export interface SlackTarget {
  channel: string;
  threadTs?: string;
}

/** A direct-message conversation is the whole DM; a channel conversation is one thread,
 * so several people can each run their own triage in the same channel. */
export function conversationIdFor(team: string, target: SlackTarget, isDirect: boolean): string {
  if (isDirect || !target.threadTs) return `slack:${team}:${target.channel}`;
  return `slack:${team}:${target.channel}:${target.threadTs}`;
}

/** Slack gives DM channel ids the prefix "D"; interactivity payloads carry no channel type. */
export function isDirectChannel(channel: string): boolean {
  return channel.startsWith("D");
}

/** The user's text as typed: the bot's own mention removed, links and mentions reduced to
 * their label, and Slack's `&amp;` `&lt;` `&gt;` entities decoded. */
export function plainText(text: string, botUserId?: string): string {
  let result = text;
  if (botUserId) result = result.replace(new RegExp(`<@${escapeRegExp(botUserId)}(\\|[^>]*)?>`, "g"), "");
  result = result.replace(/<([^<>|]*)\|([^<>]*)>/g, "$2").replace(/<([^<>]*)>/g, "$1");
  return result.replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&amp;/g, "&").trim();
}

/** A hint for a new conversation's language; the dialog decides, the adapter only guesses. */
export function guessLang(text: string): Lang | undefined {
  if (/\p{Script=Han}/u.test(text)) return "zh";
  if (/[A-Za-z]{2,}/.test(text)) return "en";
  return undefined;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/**
 * The channel threads this process has a conversation in, so a reply in such a thread is
 * answered without mentioning the bot. Bounded, oldest forgotten first; after a restart (or on
 * another instance) a mention or a button press in the thread makes it known again.
 */
export class ActiveThreads {
  private readonly threads: LRUCache<string, true>;

  constructor(limit = 10_000) {
    this.threads = new LRUCache({ max: limit });
  }

  add(target: SlackTarget): void {
    if (target.threadTs) this.threads.set(`${target.channel}:${target.threadTs}`, true);
  }

  has(target: SlackTarget): boolean {
    return target.threadTs !== undefined && this.threads.has(`${target.channel}:${target.threadTs}`);
  }
}

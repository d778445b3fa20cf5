/**
 * What every adapter checks before a turn reaches the dialog: a per-user rate limit
 * (a token bucket, so a short burst of taps is fine but a flood is not) and a cap on the
 * length of inbound text, applied to the raw text before anything parses it.
 */
import type { Lang } from "../dialog/types.ts";
import { rateText, tooLongText } from "../render/notices.ts";

export interface LimitsOptions {
  /** Turns a user may take in a burst (bucket size). Default 30: a whole questionnaire
   * answered by quick taps, ticks of several-answer questions included. */
  burst?: number;
  /** Turns a user regains per minute. Default 60. */
  turnsPerMinute?: number;
  /** Longest inbound text accepted, in UTF-16 code units. Default 2,000. */
  maxTextLength?: number;
  /** Users remembered at most; fully recovered users are forgotten first. Default 10,000. */
  maxTrackedUsers?: number;
  now?: () => number;
}

export type RefusalReason = "rate" | "length";

export type Admission =
  | { ok: true }
  /** `notice` is the polite reply to send, or undefined when the user was already told
   * (a flood gets one notice, not one per message). */
  | { ok: false; reason: RefusalReason; notice?: string };

export interface Limits {
  /** Counts one turn of `userKey` and checks `text` (when the turn carries text).
   * `userKey` should name the platform too (`telegram:42`). Without `lang` the notice is bilingual. */
  admit(turn: { userKey: string; text?: string; lang?: Lang }): Admission;
}

interface Bucket {
  tokens: number;
  at: number;
  /** The user was refused and told so since their last admitted turn. */
  told: boolean;
}

export function createLimits(options: LimitsOptions = {}): Limits {
  const burst = options.burst ?? 30;
  const perMs = (options.turnsPerMinute ?? 60) / 60_000;
  const maxTextLength = options.maxTextLength ?? 2_000;
  const maxTracked = options.maxTrackedUsers ?? 10_000;
  const now = options.now ?? Date.now;
  const buckets = new Map<string, Bucket>();

  const refill = (bucket: Bucket, t: number) => {
    bucket.tokens = Math.min(burst, bucket.tokens + (t - bucket.at) * perMs);
    bucket.at = t;
  };

  const forgetRecovered = (t: number) => {
    for (const [key, bucket] of buckets) {
      refill(bucket, t);
      if (bucket.tokens >= burst) buckets.delete(key);
    }
    // Still full (a flood of distinct users): drop the oldest, which Map order gives first.
    for (const key of buckets.keys()) {
      if (buckets.size < maxTracked) break;
      buckets.delete(key);
    }
  };

  return {
    admit({ userKey, text, lang }) {
      const t = now();
      let bucket = buckets.get(userKey);
      if (!bucket) {
        if (buckets.size >= maxTracked) forgetRecovered(t);
        bucket = { tokens: burst, at: t, told: false };
        buckets.set(userKey, bucket);
      }
      refill(bucket, t);
      if (bucket.tokens < 1) {
        const notice = bucket.told ? undefined : rateText(lang);
        bucket.told = true;
        return { ok: false, reason: "rate", notice };
      }
      bucket.tokens -= 1;
      bucket.told = false;
      if (text !== undefined && text.length > maxTextLength) {
        return { ok: false, reason: "length", notice: tooLongText(maxTextLength, lang) };
      }
      return { ok: true };
    },
  };
}

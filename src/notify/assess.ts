/**
 * The kept triages worth telling about: the latest record of each conversation (read through
 * the store's public interface), evaluated again and compared (diff.ts), with the user's consent
 * and language as the conversation holds them now.
 */
import { consentOf } from "../dialog/subscribe.ts";
import type { Channel, Lang } from "../dialog/types.ts";
import { ProfileError } from "../policy/errors.ts";
import type { PolicySet } from "../policy/load.ts";
import type { Store, TriageRecord } from "../store/types.ts";
import { type Difference, difference, grantedIn, grantedNow } from "./diff.ts";
import type { KeptVersion } from "./versions.ts";

export interface Assessment {
  conversationId: string;
  channel: Channel;
  userId: string;
  /** When the triage compared was made. */
  at: string;
  lang: Lang;
  subscribed: boolean;
  difference: Difference;
  /** Once per conversation and version of the documents that changed: the journal's key. */
  key: string;
}

/** A kept triage that could not be evaluated again (its profile no longer fits the facts). */
export interface Unassessable {
  conversationId: string;
  channel: Channel;
  at: string;
  error: string;
}

export interface Assessed {
  /** Conversations with a kept triage. */
  kept: number;
  affected: Assessment[];
  unassessable: Unassessable[];
}

export async function assessKept(
  store: Store,
  set: PolicySet,
  versions: Map<string, KeptVersion>,
): Promise<Assessed> {
  const latest = await latestRecords(store);
  const affected: Assessment[] = [];
  const unassessable: Unassessable[] = [];
  for (const record of latest.values()) {
    const { granted, compared } = record;
    let now: ReturnType<typeof grantedNow>;
    try {
      now = grantedNow(record.profile, set, compared);
    } catch (error) {
      if (!(error instanceof ProfileError)) throw error;
      const { conversationId, channel, at } = record;
      unassessable.push({ conversationId, channel, at, error: `profile: ${error.message}` });
      continue;
    }
    const diff = difference(granted, now, record.versions, set, versions);
    if (diff.changes.length === 0) continue;
    const consent = consentOf((await store.load(record.conversationId))?.state);
    affected.push({
      conversationId: record.conversationId,
      channel: record.channel,
      userId: record.userId,
      at: record.at,
      lang: consent.lang ?? "zh",
      subscribed: consent.subscribed,
      difference: diff,
      key: `${record.conversationId} ${diff.documents.map((d) => `${d.policy}@${d.to}`).join(",")}`,
    });
  }
  return { kept: latest.size, affected, unassessable };
}

/** A kept triage with its result reduced to the numbers compared: a long history of results
 * (each a few kilobytes of prose) need not fit in memory at once. */
type KeptTriage = Omit<TriageRecord, "result"> & ReturnType<typeof grantedIn>;

/** The last triage of each conversation, in the order conversations first appear. */
async function latestRecords(store: Store): Promise<Map<string, KeptTriage>> {
  const latest = new Map<string, KeptTriage>();
  for await (const { result, ...record } of store.export()) {
    latest.set(record.conversationId, { ...record, ...grantedIn(result) });
  }
  return latest;
}

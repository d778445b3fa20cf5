/**
 * One notify run: assess every kept triage, then (unless a dry run) send each affected
 * subscriber one message, in turn, through the journal. Returns one outcome per affected
 * conversation, for the JSON Lines and the staff summary.
 */
import { consentOf } from "../dialog/subscribe.ts";
import type { Channel } from "../dialog/types.ts";
import type { PolicySet } from "../policy/load.ts";
import type { ConversationStore, Store } from "../store/types.ts";
import { type Assessment, assessKept, type Unassessable } from "./assess.ts";
import type { SendJournal } from "./journal.ts";
import { type Names, userMessage } from "./message.ts";
import type { Sender } from "./send.ts";
import type { KeptVersion } from "./versions.ts";

/** What became of one affected conversation in this run. */
export type Delivery =
  /** Dry run: a message would go out. */
  | "would_send"
  | "sent"
  /** Sent by an earlier run (the journal says so). */
  | "already_sent"
  /** An earlier run crashed or lost the connection while sending: maybe delivered, not repeated. */
  | "uncertain"
  /** The platform refused it (blocked bot, unknown chat): not delivered; a later run tries again. */
  | "failed"
  | "not_subscribed"
  /** No client for the channel (console, or its token not set). */
  | "unreachable";

export interface Outcome {
  assessment: Assessment;
  delivery: Delivery;
  message?: string;
  error?: string;
}

export interface RunOptions {
  store: Store;
  set: PolicySet;
  versions: Map<string, KeptVersion>;
  journal: SendJournal;
  senders: Partial<Record<Channel, Sender>>;
  dryRun: boolean;
  resendUncertain?: boolean;
  /** Called as each conversation is settled, so output streams while a long run sends. */
  onOutcome?: (outcome: Outcome) => void;
}

export interface RunResult {
  kept: number;
  outcomes: Outcome[];
  unassessable: Unassessable[];
}

export async function runNotify(options: RunOptions): Promise<RunResult> {
  const { store, set, versions } = options;
  const names: Names = { set, versions };
  const { kept, affected, unassessable } = await assessKept(store, set, versions);
  const outcomes: Outcome[] = [];
  for (const assessment of affected) {
    const outcome = await settle(assessment, names, options);
    outcomes.push(outcome);
    options.onOutcome?.(outcome);
  }
  return { kept, outcomes, unassessable };
}

async function settle(assessment: Assessment, names: Names, options: RunOptions): Promise<Outcome> {
  const { journal, senders, dryRun } = options;
  const message = userMessage(assessment, names);
  const done = (delivery: Delivery, error?: string): Outcome => ({
    assessment,
    delivery,
    message,
    ...(error ? { error } : {}),
  });
  if (!assessment.subscribed) return done("not_subscribed");
  const state = journal.state(assessment.key);
  if (state === "sent") return done("already_sent");
  if (state === "sending" && !options.resendUncertain) return done("uncertain");
  const sender = senders[assessment.channel];
  if (!sender) return done("unreachable");
  if (dryRun) return done("would_send");
  // Consent is read again just before sending: an /unsubscribe since the assessment counts.
  if (!(await stillSubscribed(options.store, assessment.conversationId))) return done("not_subscribed");
  const sent = await deliver(assessment, message, sender, journal);
  return sent.ok ? done("sent") : done(sent.delivery, sent.error);
}

/** A 429 is waited out and tried again this many times before the send counts as failed. */
const MAX_RATE_LIMITED_ATTEMPTS = 6;

/** Each attempt is journaled "sending" right before it goes out, once its pace allows, so the
 * window in which a crash leaves a send uncertain is the platform call itself. */
async function deliver(
  assessment: Assessment,
  message: string,
  sender: Sender,
  journal: SendJournal,
): Promise<{ ok: true } | { ok: false; delivery: Delivery; error: string }> {
  const { key, conversationId, userId } = assessment;
  for (let attempt = 1; ; attempt++) {
    await sender.ready(conversationId, userId);
    journal.record(key, "sending");
    const answer = await sender.attempt(conversationId, userId, message);
    switch (answer.kind) {
      case "sent":
        journal.record(key, "sent", { messageId: answer.messageId });
        return { ok: true };
      case "rate_limited":
        // Not delivered: say so before the wait, so a crash during it leaves nothing uncertain.
        journal.record(key, "failed", { error: "429 rate limited" });
        if (attempt < MAX_RATE_LIMITED_ATTEMPTS) continue;
        return { ok: false, delivery: "failed", error: "429 rate limited" };
      case "refused":
        journal.record(key, "failed", { error: answer.error });
        return { ok: false, delivery: "failed", error: answer.error };
      case "unknown":
        // Left "sending": the request may have arrived, so it is not repeated by itself.
        return { ok: false, delivery: "uncertain", error: answer.error };
    }
  }
}

async function stillSubscribed(store: ConversationStore, conversationId: string): Promise<boolean> {
  return consentOf((await store.load(conversationId))?.state).subscribed;
}

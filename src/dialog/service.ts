/**
 * The advisor behind every adapter: one turn of one conversation at a time (under the store's
 * lock), load the state, run the reducer, save the state, keep a triage record for each result.
 */
import type { FaqIndex } from "../faq/index.ts";
import { documentVersions } from "../notify/versions.ts";
import type { PolicySet } from "../policy/load.ts";
import type { Store, StoredConversation } from "../store/types.ts";
import { transition } from "./machine.ts";
import { type DialogState, migrateState, STATE_VERSION } from "./state.ts";
import { reask } from "./steps.ts";
import { withConsent } from "./subscribe.ts";
import { TEXT } from "./text.ts";
import type { AdvisorService, DialogEvent, Lang, Reply, TurnInput } from "./types.ts";

/** Longer messages are refused before any parsing: no answer or question is that long. */
export const MAX_INBOUND_CHARS = 2_000;
/** A button id longer than this was not made by the dialog. */
const MAX_CHOICE_ID = 64;
/** Deliveries remembered per conversation: platforms repeat only recent ones. */
const DELIVERIES_KEPT = 20;

export interface AdvisorServiceOptions {
  set: PolicySet;
  store: Store;
  faq?: FaqIndex;
  now?: () => Date;
}

export function createAdvisorService(options: AdvisorServiceOptions): AdvisorService {
  const { set, store, faq } = options;
  const clock = options.now ?? (() => new Date());
  return {
    handle(input: TurnInput): Promise<Reply[]> {
      return store.withLock(input.conversationId, async () => {
        const stored = await store.load(input.conversationId);
        const restored = restore(stored);
        // Applied already: answering again would take the same answer for the next question.
        // A platform repeats a delivery when it got no confirmation, i.e. when the replies were
        // likely lost with it, so the question now open is asked again instead.
        if (input.deliveryId && stored?.deliveries?.includes(input.deliveryId)) {
          const now = clock().toISOString();
          return restored.state ? reask(restored.state, { set, faq, now }) : [];
        }
        const lang: Lang = restored.state?.lang ?? storedLang(stored) ?? input.lang ?? "zh";
        const refusal = refuse(input.event, lang);
        const now = clock().toISOString();
        // Refused unread, nothing changed: the open question again, so the user knows where they are.
        if (refusal) return [refusal, ...(restored.state ? reask(restored.state, { set, faq, now }) : [])];
        // A conversation from an older version cannot take this message as an answer: start afresh.
        const event: DialogEvent = restored.restarted ? { kind: "start", lang } : input.event;
        const turn = withConsent(
          restored.state,
          transition(restored.state, event, { set, faq, now, lang, channel: input.channel }),
          input.channel,
        );
        const deliveries = input.deliveryId
          ? [...(stored?.deliveries ?? []), input.deliveryId].slice(-DELIVERIES_KEPT)
          : stored?.deliveries;
        await store.save(input.conversationId, {
          version: STATE_VERSION,
          state: turn.state,
          updatedAt: now,
          ...(deliveries ? { deliveries } : {}),
        });
        for (const effect of turn.effects) {
          await store.append({
            at: now,
            channel: input.channel,
            conversationId: input.conversationId,
            userId: input.userId,
            profile: effect.profile,
            result: effect.result,
            versions: documentVersions(set),
          });
        }
        const notice: Reply[] = restored.restarted
          ? [{ kind: "text", text: TEXT[lang].restartedForUpdate }]
          : [];
        return [...notice, ...turn.replies];
      });
    },
  };
}

/** The stored state if it is one this version understands; otherwise a note to restart. */
function restore(stored: StoredConversation | undefined): { state?: DialogState; restarted: boolean } {
  if (!stored) return { restarted: false };
  const state = migrateState(stored.version, stored.state);
  return state ? { state, restarted: false } : { restarted: true };
}

/** The language of a stored state this version cannot read, so the restart speaks it too. */
function storedLang(stored: StoredConversation | undefined): Lang | undefined {
  const lang = (stored?.state as { lang?: unknown } | null | undefined)?.lang;
  return lang === "zh" || lang === "en" ? lang : undefined;
}

function refuse(event: DialogEvent, lang: Lang): Reply | undefined {
  if (event.kind === "text" && event.text.length > MAX_INBOUND_CHARS) {
    return { kind: "text", text: TEXT[lang].tooLong(MAX_INBOUND_CHARS) };
  }
  if (event.kind === "choice" && event.id.length > MAX_CHOICE_ID) {
    return { kind: "text", text: TEXT[lang].staleButton };
  }
  return undefined;
}

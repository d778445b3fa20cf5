/**
 * Consent to be told when a result changes (`advisor notify`): offered once, after the first
 * result, on the channels a message can be sent to later (Telegram, Slack); given with
 * /subscribe ("订阅") and taken back with /unsubscribe ("退订"), which work at any point of the
 * dialog. Kept in the dialog state as `notify`, so it travels with the conversation in any store.
 */
import type { DialogState } from "./state.ts";
import { type ReducerContext, reask, type Step, step } from "./steps.ts";
import type { Channel, Lang, Reply } from "./types.ts";

export type Consent = "offered" | "subscribed" | "unsubscribed";

/** Whole-message words for the two commands (Slack keeps every "/" message for itself). */
export const SUBSCRIBE_WORDS: Record<string, string> = {
  订阅: "/subscribe",
  订阅通知: "/subscribe",
  subscribe: "/subscribe",
  退订: "/unsubscribe",
  取消订阅: "/unsubscribe",
  unsubscribe: "/unsubscribe",
};

const TEXT: Record<Lang, Record<"offer" | "subscribed" | "unsubscribed" | "consoleOnly", string>> = {
  zh: {
    offer:
      "政策文件更新后（例如征求意见稿转为正式文件、金额调整），如果您的结果随之变化，是否需要通知您？发送 /subscribe（或“订阅”）订阅；之后随时发送 /unsubscribe（或“退订”）取消。",
    subscribed:
      "已订阅：政策文件更新且您的结果随之变化时，我们会在这里发一条消息告诉您。随时发送 /unsubscribe（或“退订”）取消。",
    unsubscribed: "已退订，今后不会再收到结果变化的通知。需要时发送 /subscribe（或“订阅”）重新订阅。",
    consoleOnly: "通知只能通过 Telegram 或 Slack 发送；控制台对话无法订阅。",
  },
  en: {
    offer:
      "Would you like to hear from us if a policy document changes (a draft made final, an amount revised) and your result changes with it? Send /subscribe (or “subscribe”) to opt in; /unsubscribe (or “unsubscribe”) stops it at any time.",
    subscribed:
      "Subscribed: when a policy document changes and your result changes with it, you will get one message here. Send /unsubscribe (or “unsubscribe”) to stop at any time.",
    unsubscribed:
      "Unsubscribed: you will get no more messages about changed results. Send /subscribe (or “subscribe”) to opt in again.",
    consoleOnly: "Notifications are sent on Telegram or Slack only; a console conversation cannot subscribe.",
  },
};

/** The channels `advisor notify` can reach a user on later. */
export const canNotify = (channel: Channel | undefined) => channel === "telegram" || channel === "slack";

/** /subscribe and /unsubscribe: the consent changes, then the open question (if any) is asked again. */
export function setConsent(
  state: DialogState,
  consent: "subscribed" | "unsubscribed",
  ctx: ReducerContext,
): Step {
  const t = TEXT[state.lang];
  const after = state.pending ? reask(state, ctx) : [];
  if (consent === "subscribed" && ctx.channel === "console")
    return step(state, [{ kind: "text", text: t.consoleOnly }, ...after]);
  return step({ ...state, notify: consent }, [{ kind: "text", text: t[consent] }, ...after]);
}

/**
 * After a turn: consent given or refused once outlives whatever the dialog did with the state
 * (/restart starts a new state), and the first result on a reachable channel ends with the offer.
 */
export function withConsent(before: DialogState | undefined, turn: Step, channel: Channel): Step {
  const kept = turn.state.notify ?? before?.notify;
  const state: DialogState = kept ? { ...turn.state, notify: kept } : turn.state;
  const showsResult = turn.effects.some((e) => e.kind === "record");
  if (kept || !showsResult || !canNotify(channel)) return { ...turn, state };
  const offer: Reply = { kind: "text", text: TEXT[state.lang].offer };
  return { ...turn, state: { ...state, notify: "offered" }, replies: [...turn.replies, offer] };
}

/** Whether a stored dialog state (any version, read loosely) holds a user's opt-in. */
export function consentOf(state: unknown): { subscribed: boolean; lang: Lang | undefined } {
  const fields = (typeof state === "object" && state !== null ? state : {}) as Record<string, unknown>;
  const lang = fields.lang === "zh" || fields.lang === "en" ? fields.lang : undefined;
  return { subscribed: fields.notify === "subscribed", lang };
}

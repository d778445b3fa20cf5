/**
 * Consent to be told when a result changes (`advisor notify`): offered once, after the first
 * result, on the channels a message can be sent to later (Telegram, Slack); given with
 * /subscribe ("订阅") and taken back with /unsubscribe ("退订"), which work at any point of the
 * dialog. Kept in the dialog state as `notify`, so it travels with the conversation in any store.
 */
import { COMMAND_BUTTON } from "./command-buttons.ts";
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

/** How to type each command: Slack keeps "/" messages for its own commands, so there only the words. */
function commandNames(lang: Lang, channel: Channel | undefined) {
  const word = { zh: { sub: "订阅", unsub: "退订" }, en: { sub: "subscribe", unsub: "unsubscribe" } }[lang];
  if (channel === "slack") return { sub: `“${word.sub}”`, unsub: `“${word.unsub}”` };
  return lang === "zh"
    ? { sub: `/subscribe（或“${word.sub}”）`, unsub: `/unsubscribe（或“${word.unsub}”）` }
    : { sub: `/subscribe (or “${word.sub}”)`, unsub: `/unsubscribe (or “${word.unsub}”)` };
}

type Said = "offer" | "button" | "subscribed" | "unsubscribed" | "consoleOnly";

function say(what: Said, lang: Lang, channel: Channel | undefined): string {
  const { sub, unsub } = commandNames(lang, channel);
  const zh = {
    offer: `政策文件更新后（例如征求意见稿转为正式文件、金额调整），如果您的结果随之变化，是否需要通知您？发送 ${sub}订阅；之后随时发送 ${unsub}取消。`,
    subscribed: `已订阅：政策文件更新且您的结果随之变化时，我们会在这里发一条消息告诉您。随时发送 ${unsub}取消。`,
    unsubscribed: `已退订，今后不会再收到结果变化的通知。需要时发送 ${sub}重新订阅。`,
    consoleOnly: "通知只能通过 Telegram 或 Slack 发送；控制台对话无法订阅。",
    button: "订阅变化通知",
  };
  const en = {
    offer: `Would you like to hear from us if a policy document changes (a draft made final, an amount revised) and your result changes with it? Send ${sub} to opt in; ${unsub} stops it at any time.`,
    subscribed: `Subscribed: when a policy document changes and your result changes with it, you will get one message here. Send ${unsub} to stop at any time.`,
    unsubscribed: `Unsubscribed: you will get no more messages about changed results. Send ${sub} to opt in again.`,
    consoleOnly: "Notifications are sent on Telegram or Slack only; a console conversation cannot subscribe.",
    button: "Notify me",
  };
  return (lang === "zh" ? zh : en)[what];
}

/** The channels `advisor notify` can reach a user on later. */
export const canNotify = (channel: Channel | undefined) => channel === "telegram" || channel === "slack";

/** /subscribe and /unsubscribe: the consent changes, then the open question (if any) is asked again. */
export function setConsent(
  state: DialogState,
  consent: "subscribed" | "unsubscribed",
  ctx: ReducerContext,
): Step {
  const after = state.pending ? reask(state, ctx) : [];
  if (consent === "subscribed" && ctx.channel === "console")
    return step(state, [{ kind: "text", text: say("consoleOnly", state.lang, ctx.channel) }, ...after]);
  const confirmed = say(consent, state.lang, ctx.channel);
  return step({ ...state, notify: consent }, [{ kind: "text", text: confirmed }, ...after]);
}

/**
 * After a turn: consent given or refused once outlives whatever the dialog did with the state
 * (/restart starts a new state), and the first result on a reachable channel ends with the offer
 * (joined to the result's message) and a button for it beside the result's others.
 */
export function withConsent(before: DialogState | undefined, turn: Step, channel: Channel): Step {
  const kept = turn.state.notify ?? before?.notify;
  const state: DialogState = kept ? { ...turn.state, notify: kept } : turn.state;
  const showsResult = turn.effects.some((e) => e.kind === "record");
  if (kept || !showsResult || !canNotify(channel)) return { ...turn, state };
  const offer: Reply = { kind: "text", text: say("offer", state.lang, channel), joins: true };
  const button = { id: COMMAND_BUTTON.subscribe, label: say("button", state.lang, channel) };
  const replies = turn.replies.map((r) =>
    r.kind === "result" ? { ...r, actions: [...(r.actions ?? []), button] } : r,
  );
  return { ...turn, state: { ...state, notify: "offered" }, replies: [...replies, offer] };
}

/** Whether a stored dialog state (any version, read loosely) holds a user's opt-in. */
export function consentOf(state: unknown): { subscribed: boolean; lang: Lang | undefined } {
  const fields = (typeof state === "object" && state !== null ? state : {}) as Record<string, unknown>;
  const lang = fields.lang === "zh" || fields.lang === "en" ? fields.lang : undefined;
  return { subscribed: fields.notify === "subscribed", lang };
}

/**
 * What one incoming event is, in the dialog's own terms: a command, a button on the open
 * question, a question for the FAQ, or an answer. The transition table (machine.ts) is keyed by
 * these kinds, so classifying an event happens here once and nowhere else.
 */
import { DONE_BUTTON } from "./command-buttons.ts";
import { asCommand } from "./commands.ts";
import { isUnknown, looksLikeQuestion } from "./parse/index.ts";
import type { DialogState } from "./state.ts";
import type { DialogEvent, Lang } from "./types.ts";
import { requestedLang } from "./understand/index.ts";

export type Event =
  | { kind: "start"; lang?: Lang }
  | { kind: "resume" }
  | { kind: "restart" }
  | { kind: "back" }
  | { kind: "skip" }
  | { kind: "showResult" }
  | { kind: "profile" }
  /** `/lang xx`, "English please", "说中文": `arg` is what was asked for (checked by the move). */
  | { kind: "lang"; arg: string; typed: boolean }
  | { kind: "compare" }
  | { kind: "consent"; consent: "subscribed" | "unsubscribed" }
  | { kind: "help" }
  | { kind: "export" }
  | { kind: "unknownCommand"; name: string }
  /** The "done" button, or a done word typed while ticks are collected. */
  | { kind: "done"; text?: string }
  /** A button of the open question (its key, the seq already checked). */
  | { kind: "press"; key: string }
  /** A button of an earlier question, or one the dialog did not make. */
  | { kind: "stale" }
  /** Free text that asks something (for the FAQ). */
  | { kind: "question"; text: string }
  /** Any other free text: an answer, a description, or something unreadable. */
  | { kind: "answer"; text: string };

export type EventKind = Event["kind"];

/** Typed to close a multi-choice question whose options were picked with buttons. */
const DONE_WORDS = new Set(["完成", "好了", "选好了", "就这些", "done", "ok", "finished", "that's all"]);

export function classify(event: DialogEvent, state: DialogState | undefined): Event {
  switch (event.kind) {
    case "start":
      return event.resume && state ? { kind: "resume" } : { kind: "start", ...langOf(event.lang) };
    case "choice":
      return pressed(event.id, state);
    case "text":
      return typed(event.text, state);
  }
}

const langOf = (lang: Lang | undefined) => (lang ? { lang } : {});

function pressed(id: string, state: DialogState | undefined): Event {
  if (id === DONE_BUTTON) return { kind: "done" };
  const command = id.startsWith("/") ? asCommand(id) : null;
  if (command) return commandEvent(command.name, command.arg);
  const [seq, key] = id.split(".", 2);
  const pending = state?.pending;
  // After the result no button is open: any press is answered the same way (done already).
  if (state && !pending) return { kind: "press", key: key ?? "" };
  if (!pending || Number(seq) !== pending.seq || !key) return { kind: "stale" };
  return { kind: "press", key };
}

function typed(text: string, state: DialogState | undefined): Event {
  const command = asCommand(text);
  if (command) return commandEvent(command.name, command.arg);
  const asked = requestedLang(text);
  if (asked) return { kind: "lang", arg: asked, typed: true };
  const pending = state?.pending;
  const ticking = pending?.kind === "fact" && pending.selected.length > 0;
  if (ticking && DONE_WORDS.has(text.trim().toLowerCase())) return { kind: "done", text };
  if ((looksLikeQuestion(text) || asksToKnow(text)) && !isUnknown(text)) return { kind: "question", text };
  return { kind: "answer", text };
}

/** A question put as a request, with no question word or mark: "想了解一下数据券", "I want to
 * know about rent subsidies", "tell me about the data voucher". */
const REQUEST =
  /^(?:(?:我|我们)?(?:想|要|希望)(?:了解|知道|问问?|咨询|打听)|(?:请|麻烦)?(?:介绍|说说|讲讲|解释)一下|问一下|咨询一下)|^(?:(?:i|we)(?:'d| would)? (?:want|like|wanna|need) to (?:know|ask|learn|understand|hear)|(?:tell|show) me|i have a question|what about|how about|any (?:support|subsidy|subsidies|funding|help) for)\b/i;

const asksToKnow = (text: string) => REQUEST.test(text.trim());

function commandEvent(name: string, arg: string): Event {
  switch (name) {
    case "/start":
    case "/restart":
      return { kind: "restart" };
    case "/back":
      return { kind: "back" };
    case "/skip":
      return { kind: "skip" };
    case "/result":
      return { kind: "showResult" };
    case "/profile":
      return { kind: "profile" };
    case "/lang":
      return { kind: "lang", arg, typed: false };
    case "/compare":
      return { kind: "compare" };
    case "/subscribe":
      return { kind: "consent", consent: "subscribed" };
    case "/unsubscribe":
      return { kind: "consent", consent: "unsubscribed" };
    case "/help":
      return { kind: "help" };
    case "/export":
      return { kind: "export" };
    default:
      return { kind: "unknownCommand", name };
  }
}

/** Events that are commands: at first contact they run on a fresh conversation. */
export const isCommand = (e: Event) =>
  ["back", "skip", "showResult", "profile", "compare", "consent", "help", "unknownCommand"].includes(e.kind);

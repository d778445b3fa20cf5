/**
 * Whole conversations for the benchmarks and the soak test, taken from the dialog's own
 * transcripts (test/dialog/transcripts), so they stay real conversations as the dialog
 * changes. A reference run through the service on a MemoryStore says what each turn should
 * leave stored and how many Telegram messages it sends: the soak test compares the advisor's
 * store and replies with it, and the webhook benchmark knows when every update is done.
 */
import { readFileSync } from "node:fs";
import { createAdvisorService } from "../src/dialog/service.ts";
import type { DialogState } from "../src/dialog/state.ts";
import type { AdvisorService, DialogEvent, Reply } from "../src/dialog/types.ts";
import type { FaqIndex } from "../src/faq/index.ts";
import type { PolicySet } from "../src/policy/load.ts";
import { DONE_CHOICE_ID, renderReplies } from "../src/render/telegram/messages.ts";
import { MemoryStore } from "../src/store/memory.ts";

/** One user action: open the chat, type text, or press the button with this label. */
export type Step = { start: true } | { send: string } | { press: string };

export interface Script {
  name: string;
  steps: Step[];
}

/** What the reference run saw after one step. */
export interface ReferenceTurn {
  step: Step;
  /** The dialog's event for the step (a press resolved to its button id). */
  event: DialogEvent;
  /** The state stored after the step. */
  state: DialogState;
  /** Telegram messages the step's replies render to. */
  messages: number;
  /** The press is on a several-answers question, whose Telegram message is edited, not re-sent. */
  multiPress: boolean;
  /** The step produced a result (and a triage record). */
  result: boolean;
}

const TRANSCRIPTS = ["tongzhou-enterprise.json", "shijingshan-enterprise.json"];
const root = new URL("..", import.meta.url);

interface TranscriptTurn {
  start?: object;
  send?: string;
  press?: string;
}

/** The transcripts' conversations from the first question to the result, without expectations. */
export function conversationScripts(): Script[] {
  return TRANSCRIPTS.map((file) => {
    const transcript = JSON.parse(readFileSync(new URL(`test/dialog/transcripts/${file}`, root), "utf8")) as {
      name: string;
      turns: TranscriptTurn[];
    };
    return { name: transcript.name, steps: transcript.turns.map(stepOf) };
  });
}

function stepOf(turn: TranscriptTurn): Step {
  if (turn.start) return { start: true };
  if (turn.send !== undefined) return { send: turn.send };
  if (turn.press !== undefined) return { press: turn.press };
  throw new Error(`transcript turn ${JSON.stringify(turn)} is neither start, send nor press`);
}

/** The same conversation typed: every press becomes its button's label as text, which the
 * dialog reads as that answer. For load that cannot wait for the bot's buttons. */
export function typed(script: Script): Script {
  return {
    name: `${script.name} (typed)`,
    steps: script.steps.map((step) => ("press" in step ? { send: step.press } : step)),
  };
}

/** Plays `script` through a fresh service on a MemoryStore and records every turn. */
export async function playReference(
  script: Script,
  options: { set: PolicySet; faq?: FaqIndex; service?: AdvisorService },
): Promise<ReferenceTurn[]> {
  const store = new MemoryStore();
  const service = options.service ?? createAdvisorService({ set: options.set, store, faq: options.faq });
  const id = "reference:1";
  const turns: ReferenceTurn[] = [];
  let question: Extract<Reply, { kind: "question" }> | undefined;
  for (const step of script.steps) {
    const event = eventOf(step, question, script.name);
    const replies = await service.handle({ channel: "telegram", conversationId: id, userId: "1", event });
    const stored = await store.load(id);
    const multiPress = "press" in step && question?.multi === true;
    turns.push({
      step,
      event,
      state: stored?.state as DialogState,
      // A tick on a several-answers question that brings the same question back (still offering
      // the option pressed) is shown by editing the pressed message in place
      // (src/bots/telegram/turn.ts, isRedrawnQuestion), not sent anew.
      messages:
        isTick(step, event, question) && isSameQuestion(replies, event) ? 0 : renderReplies(replies).length,
      multiPress,
      result: replies.some((r) => r.kind === "result"),
    });
    question = replies.findLast((r) => r.kind === "question") ?? question;
  }
  return turns;
}

function isTick(step: Step, event: DialogEvent, question: Extract<Reply, { kind: "question" }> | undefined) {
  return (
    "press" in step && question?.multi === true && event.kind === "choice" && event.id !== DONE_CHOICE_ID
  );
}

function isSameQuestion(replies: Reply[], event: DialogEvent): boolean {
  const [reply] = replies;
  return (
    replies.length === 1 &&
    reply?.kind === "question" &&
    renderReplies(replies).length === 1 &&
    event.kind === "choice" &&
    reply.choices.some((choice) => choice.id === event.id)
  );
}

/** The dialog event of a step; a press needs the question whose button it is. */
export function eventOf(
  step: Step,
  question: Extract<Reply, { kind: "question" }> | undefined,
  where: string,
): DialogEvent {
  if ("start" in step) return { kind: "start" };
  if ("send" in step) return { kind: "text", text: step.send };
  // A button is named by what it says or, where that is shortened, by the option's full wording.
  const choice = question?.choices.find((c) => c.label === step.press || c.detail === step.press);
  if (!choice) throw new Error(`${where}: no button "${step.press}" on the last question`);
  return { kind: "choice", id: choice.id };
}

/** The Telegram text of a step that is typed (`/start` for opening the chat). */
export function telegramText(step: Step): string | undefined {
  if ("start" in step) return "/start";
  if ("send" in step) return step.send;
  return undefined;
}

/** How many of the steps are surely handled once the bot has sent `received` messages: those
 * up to the last step whose messages have all arrived. A step that sends nothing (a tick shown
 * by an edit) counts only once a later step's message has arrived. */
export function stepsAnswered(turns: ReferenceTurn[], received: number): number {
  let owed = 0;
  let answered = 0;
  for (const [index, turn] of turns.entries()) {
    owed += turn.messages;
    if (owed > received) break;
    if (turn.messages > 0) answered = index + 1;
  }
  return answered;
}

/** JSON with object keys sorted, so two equal states compare equal whatever their key order. */
export function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v) =>
    v && typeof v === "object" && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : 1)))
      : v,
  );
}

/** What differs between the stored state and the expected one, in words. */
export function difference(stored: DialogState | undefined, expected: DialogState): string | undefined {
  if (!stored) return "no stored conversation";
  if (canonical(stored) === canonical(expected)) return undefined;
  const profile = (s: DialogState) => ({ district: s.profile.district, entityType: s.profile.entityType });
  return [
    `profile ${canonical(profile(stored))} vs ${canonical(profile(expected))}`,
    `history ${stored.history.length} vs ${expected.history.length}`,
    `pending ${canonical(stored.pending)} vs ${canonical(expected.pending)}`,
  ].join(", ");
}

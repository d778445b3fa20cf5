/**
 * Plays a conversation written as data (test/dialog/transcripts/*.json) against the advisor
 * service and checks each turn's replies, the question left open, the profile so far and the
 * triage record of any result.
 */
import { expect } from "vitest";
import { createAdvisorService } from "../../src/dialog/service.ts";
import type { DialogState } from "../../src/dialog/state.ts";
import type { AdvisorService, Choice, DialogEvent, Lang, Reply } from "../../src/dialog/types.ts";
import type { FaqIndex } from "../../src/faq/index.ts";
import type { PolicySet } from "../../src/policy/load.ts";
import { MemoryStore } from "../../src/store/memory.ts";
import type { TriageRecord } from "../../src/store/types.ts";

export interface Transcript {
  name: string;
  /** The platform's language hint. */
  lang?: Lang;
  turns: Turn[];
}

export interface Turn {
  /** Typed text (answers, commands, questions). */
  send?: string;
  /** The button with this label on the last question, pressed. */
  press?: string;
  /** A button id sent as is (a stale or forged button). */
  choice?: string;
  /** A start event (`resume`: pick up where the stored conversation stopped). */
  start?: { resume?: boolean };
  /** Before this turn, a new service on the same store (a process restart). */
  restartService?: boolean;
  /** Why the turn is there; not checked. */
  note?: string;
  expect?: Expectation;
}

export interface Expectation {
  /** Each text appears in some reply of this turn. */
  says?: string[];
  saysNot?: string[];
  /** The fact the open question asks after this turn; null when none is open. */
  question?: string | null;
  progress?: string;
  /** Every field given here is in the profile with this value (dotted paths). */
  profile?: Record<string, unknown>;
  /** Dotted paths that must not be in the profile. */
  profileLacks?: string[];
  /** Dotted paths that must be among the facts answered "don't know". */
  unknown?: string[];
  /** The turn produced a result; its record has these matches and total (a list when districts are
   * compared, each naming its `policy`). */
  result?: ResultExpectation | ResultExpectation[];
  /** The turn produced no result reply and no record. */
  noResult?: boolean;
}

interface ResultExpectation {
  /** When districts are compared: which district's part of the record. */
  policy?: string;
  total?: number;
  matches?: {
    policy: string;
    article: number;
    benefit: string;
    max: number | null;
    totalMax?: number | null;
  }[];
  /** Benefits that must be among the possible ones, with their "up to". */
  possible?: { benefit: string; upTo?: number | null }[];
  nearMisses?: string[];
}

const CONVERSATION = "test:transcript";

export async function play(transcript: Transcript, set: PolicySet, faq: FaqIndex): Promise<void> {
  const store = new MemoryStore();
  let service: AdvisorService = createAdvisorService({ set, store, faq });
  let lastQuestion: Extract<Reply, { kind: "question" }> | undefined;
  for (const [index, turn] of transcript.turns.entries()) {
    const what = turn.send?.slice(0, 40) ?? turn.press ?? turn.choice ?? "start";
    const where = `${transcript.name}, turn ${index + 1} (${what})`;
    if (turn.restartService) service = createAdvisorService({ set, store, faq });
    const recordsBefore = (await allRecords(store)).length;
    const event = toEvent(turn, lastQuestion, where);
    const replies = await service.handle({
      channel: "console",
      conversationId: CONVERSATION,
      userId: "tester",
      ...(transcript.lang ? { lang: transcript.lang } : {}),
      event,
    });
    lastQuestion = [...replies].reverse().find((r) => r.kind === "question") ?? lastQuestion;
    const records = (await allRecords(store)).slice(recordsBefore);
    const stored = (await store.load(CONVERSATION))?.state as DialogState;
    check(turn.expect ?? {}, replies, stored, records, where);
  }
}

function toEvent(
  turn: Turn,
  lastQuestion: Extract<Reply, { kind: "question" }> | undefined,
  where: string,
): DialogEvent {
  if (turn.start) return { kind: "start", ...(turn.start.resume ? { resume: true } : {}) };
  if (turn.send !== undefined) return { kind: "text", text: turn.send };
  if (turn.choice !== undefined) return { kind: "choice", id: turn.choice };
  // A button is named by what it says or, where that is shortened, by the option's full wording.
  const choice = lastQuestion?.choices.find((c) => c.label === turn.press || c.detail === turn.press);
  if (!choice) throw new Error(`${where}: no button "${turn.press}" on the last question`);
  return { kind: "choice", id: choice.id };
}

function check(e: Expectation, replies: Reply[], state: DialogState, records: TriageRecord[], where: string) {
  const text = replies.map(replyText).join("\n");
  for (const s of e.says ?? []) expect(text, `${where}: replies should say "${s}"`).toContain(s);
  for (const s of e.saysNot ?? []) expect(text, `${where}: replies should not say "${s}"`).not.toContain(s);
  if (e.question !== undefined) {
    const pending = state.pending?.kind === "fact" ? state.pending.path : (state.pending?.kind ?? null);
    expect(pending, `${where}: open question`).toBe(e.question);
  }
  if (e.progress) {
    const question = replies.find((r) => r.kind === "question");
    expect(question?.kind === "question" ? question.progress : undefined, `${where}: progress`).toContain(
      e.progress,
    );
  }
  for (const [path, value] of Object.entries(e.profile ?? {})) {
    expect(get(state.profile, path), `${where}: profile ${path}`).toEqual(value);
  }
  for (const path of e.profileLacks ?? [])
    expect(get(state.profile, path), `${where}: profile ${path}`).toBeUndefined();
  for (const path of e.unknown ?? []) expect(state.skipped, `${where}: unknown`).toContain(path);
  if (e.noResult) {
    expect(
      replies.some((r) => r.kind === "result"),
      `${where}: no result expected`,
    ).toBe(false);
    expect(records, `${where}: no record expected`).toEqual([]);
  }
  if (e.result) {
    expect(
      replies.some((r) => r.kind === "result"),
      `${where}: a result reply`,
    ).toBe(true);
    expect(records, `${where}: one triage record`).toHaveLength(1);
    for (const part of [e.result].flat()) checkResult(part, records[0]?.result, where);
  }
}

interface RecordedResult {
  policy?: string;
  matches: {
    policy: string;
    article: number;
    benefit: string;
    amount: { max: number | null; totalMax: number | null };
  }[];
  possible: { benefit: string; upTo: number | null }[];
  nearMisses: { benefit: string }[];
  totals: { max: number };
}

function checkResult(e: ResultExpectation, recorded: unknown, where: string) {
  const compared = (recorded as { compared?: RecordedResult[] }).compared;
  const result = (compared ? compared.find((c) => c.policy === e.policy) : recorded) as RecordedResult;
  expect(result, `${where}: recorded result for ${e.policy ?? "the district"}`).toBeDefined();
  if (e.total !== undefined) expect(result.totals.max, `${where}: total`).toBe(e.total);
  if (e.matches) {
    const got = result.matches.map((m) => ({
      policy: m.policy,
      article: m.article,
      benefit: m.benefit,
      max: m.amount.max,
      ...(e.matches?.find((x) => x.benefit === m.benefit && "totalMax" in x)
        ? { totalMax: m.amount.totalMax }
        : {}),
    }));
    expect(got, `${where}: matches`).toEqual(e.matches);
  }
  for (const p of e.possible ?? []) {
    expect(result.possible, `${where}: possible`).toContainEqual(expect.objectContaining(p));
  }
  if (e.nearMisses)
    expect(
      result.nearMisses.map((n) => n.benefit),
      `${where}: near misses`,
    ).toEqual(e.nearMisses);
}

/** A button as the transcripts read it: ticked ones marked ✅, the full wording beside a short label. */
const choiceText = (c: Choice) => [c.ticked ? `✅ ${c.label}` : c.label, c.detail].filter(Boolean).join(" ");

export function replyText(reply: Reply): string {
  switch (reply.kind) {
    case "text":
      return reply.text;
    case "question":
      return [reply.progress, reply.text, reply.help, ...reply.choices.map(choiceText)].join("\n");
    case "result":
      return [
        reply.title,
        ...reply.sections.flatMap((s) => [s.heading, s.body, s.detail ?? ""]),
        reply.footer,
      ].join("\n");
  }
}

async function allRecords(store: MemoryStore): Promise<TriageRecord[]> {
  const out: TriageRecord[] = [];
  for await (const r of store.export()) out.push(r);
  return out;
}

function get(profile: Record<string, unknown>, path: string): unknown {
  let node: unknown = profile;
  for (const part of path.split(".")) node = (node as Record<string, unknown> | undefined)?.[part];
  return node;
}

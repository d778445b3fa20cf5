/**
 * `advisor chat --json` (CONTRACT.md section 8): the console conversation with JSON lines on both
 * sides, for programs and simulated users. It is the same service and store as `chat`; this file
 * only translates a turn into one output object.
 */
import { createInterface } from "node:readline";
import { pendingQuestion } from "../dialog/pending.ts";
import { type DialogState, migrateState } from "../dialog/state.ts";
import type { AdvisorService, Lang, Reply } from "../dialog/types.ts";
import { evaluate } from "../policy/evaluate.ts";
import type { PolicySet } from "../policy/load.ts";
import { type Profile, parseProfile } from "../policy/profile.ts";
import { toContractJson } from "../render/report.ts";
import type { ConversationStore } from "../store/types.ts";
import { renderReply } from "./chat.ts";
import { type CliIO, EXIT_OK } from "./io.ts";

export interface ChatJsonOptions {
  service: AdvisorService;
  store: ConversationStore;
  set: PolicySet;
  conversationId: string;
  lang?: Lang;
}

export async function runChatJson(io: CliIO, options: ChatJsonOptions): Promise<number> {
  const lines = createInterface({ input: io.stdin, terminal: false, crlfDelay: Number.POSITIVE_INFINITY });
  for await (const line of lines) {
    if (line.trim() === "") continue;
    io.stdout.write(`${JSON.stringify(await chatJsonLine(line, options))}\n`);
  }
  return EXIT_OK;
}

/** One input line in, one output object out; a bad line changes nothing. */
export async function chatJsonLine(line: string, options: ChatJsonOptions): Promise<object> {
  const text = readInput(line);
  if (typeof text !== "string") return text;
  const replies = await options.service.handle({
    channel: "console",
    conversationId: options.conversationId,
    userId: "local",
    ...(options.lang ? { lang: options.lang } : {}),
    event: { kind: "text", text },
  });
  const stored = await options.store.load(options.conversationId);
  const state = stored ? migrateState(stored.version, stored.state) : undefined;
  return turnJson(replies, state, options.set);
}

function readInput(line: string): string | { error: string } {
  let input: unknown;
  try {
    input = JSON.parse(line);
  } catch {
    return { error: 'not valid JSON: send one object a line, like {"text": "你好"}' };
  }
  if (typeof input !== "object" || input === null || Array.isArray(input))
    return { error: 'expected an object like {"text": "你好"}' };
  const text = (input as { text?: unknown }).text;
  if (typeof text !== "string") return { error: '"text" must be a string, like {"text": "你好"}' };
  const extra = Object.keys(input).find((k) => k !== "text");
  if (extra) return { error: `unknown field "${extra}": only "text" is read` };
  return text;
}

function turnJson(replies: Reply[], state: DialogState | undefined, set: PolicySet) {
  const profile = state ? contractProfile(state.profile, set) : {};
  const showsResult = replies.some((r) => r.kind === "result");
  return {
    replies: replies.map(renderReply),
    pending: state ? pendingQuestion(state, set) : null,
    profile,
    unknown: state ? state.skipped.filter((p) => !isChecklist(set, p)) : [],
    result: showsResult && state ? triageOf(profile, set, state.lang) : null,
  };
}

/** The profile as section 2 has it: the advisor's own checklist answers left out. */
function contractProfile(profile: Record<string, unknown>, set: PolicySet): Record<string, unknown> {
  return Object.fromEntries(Object.entries(profile).filter(([key]) => !isChecklist(set, key)));
}

/** A checklist of areas is the advisor's own question, not a fact of the profile. */
export function isChecklist(set: PolicySet, path: string): boolean {
  const fact = set.facts.get(path);
  return fact?.type === "set" && fact.options.some((o) => o.covers);
}

function triageOf(profile: Record<string, unknown>, set: PolicySet, lang: Lang) {
  if (typeof profile.district !== "string") return null;
  const valid: Profile = parseProfile(set.profileSchema, profile);
  // The same evaluation `triage --json` prints (CONTRACT.md section 8), what-if advice included.
  return toContractJson(evaluate(valid, set, { lang, whatIf: true }), set, valid.district, lang);
}

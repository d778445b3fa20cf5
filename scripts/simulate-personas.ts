/**
 * Simulated users over `advisor chat --json` (CONTRACT.md section 8): each persona of
 * test/fixtures/personas.json sends its one-message description, then answers every open
 * question from its hidden profile the way a person would type it (varied wording, "不清楚" /
 * "not sure" for what the profile lacks, an option's id now and then). A persona passes when the
 * conversation ends on a result equal to `triage` of the hidden profile.
 *
 *   npx tsx scripts/simulate-personas.ts            # in-process (the chat --json module)
 *   npx tsx scripts/simulate-personas.ts --process  # the built command as a child process
 */
import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";
import { chatJsonLine } from "../src/cli/chat-json.ts";
import { createAdvisorService } from "../src/dialog/service.ts";
import { createFaqIndex } from "../src/faq/index.ts";
import { evaluate } from "../src/policy/evaluate.ts";
import { loadPolicySet, type PolicySet } from "../src/policy/load.ts";
import { getPath } from "../src/policy/paths.ts";
import { parseProfile } from "../src/policy/profile.ts";
import { toContractJson } from "../src/render/report.ts";
import { MemoryStore } from "../src/store/memory.ts";

export interface Persona {
  id: string;
  lang: "zh" | "en";
  description: string;
  profile: Record<string, unknown>;
  /** How the person words things: "hedge" answers 好像没有 / 应该有 / 没印象 (I think so, can't
   * remember); "colloquial" writes amounts as 一个亿 / 五十万 / 3000多万 (2.5 million, 30m). */
  style?: "hedge" | "colloquial";
  /** From this answer on (0 = the first after the description) the person writes in the other language. */
  switchLangAt?: number;
  /** Messages sent before the answer numbered `at`, each checked by its kind (see `interject`). */
  script?: Interjection[];
  /** The first time `fact` is asked the person types `say` (a slip), and `fix` as the next message
   * whatever is asked then ("不对，是5000万"); the fix must take effect. */
  mistake?: { fact: string; say: string; fix: string };
}

/**
 * question / outOfScope: a question mid-questionnaire, answered in its own language, the same
 * question open after it and nothing recorded; odd: empty, emoji, noise: nothing changes;
 * back: the last question answered is asked again; restart: everything is forgotten (the
 * person then sends the description again); correction: a message that corrects `fact`, which
 * must then hold the hidden profile's value; unknownAnswer: a "don't know" in other words
 * ("不好意思，这个不清楚"), which answers the open question as not known and changes nothing else.
 */
export interface Interjection {
  at: number;
  send: string;
  kind: "question" | "outOfScope" | "odd" | "back" | "restart" | "correction" | "unknownAnswer";
  fact?: string;
}

interface Option {
  id: string;
  label: string;
  facts?: string[];
}
export interface ChatOut {
  replies?: string[];
  pending?: { fact: string; type: string; options: Option[] } | null;
  profile?: Record<string, unknown>;
  unknown?: string[];
  result?: { matches: Match[]; totals: { max: number } } | null;
  error?: string;
}
interface Match {
  policy: string;
  article: number;
  benefit: string;
  amount: { max: number | null; totalMax: number | null };
}

export type Driver = { send(text: string): Promise<ChatOut>; close(): Promise<void> };

/** A turn at most this many answers in is a conversation that does not end. */
const MAX_ANSWERS = 40;

export interface PersonaOutcome {
  id: string;
  answers: number;
  passed: boolean;
  why?: string;
  asked: string[];
}

export function loadPersonas(
  file = fileURLToPath(new URL("../test/fixtures/personas.json", import.meta.url)),
) {
  return (JSON.parse(readFileSync(file, "utf8")) as { personas: Persona[] }).personas;
}

export async function simulate(persona: Persona, driver: Driver, set: PolicySet): Promise<PersonaOutcome> {
  const asked: string[] = [];
  let correcting: string | undefined;
  let out = await driver.send(persona.description);
  let last = out;
  let answers = 0;
  const corrected = new Set<string>();
  const script = [...(persona.script ?? [])];
  let slip: "due" | "made" | "fixed" = persona.mistake ? "due" : "fixed";
  const fail = (why: string) => ({ id: persona.id, answers, passed: false, why, asked });
  while (out.pending && answers < MAX_ANSWERS) {
    const next = script[0];
    if (next && next.at <= answers) {
      script.shift();
      const before = out;
      out = await driver.send(next.send);
      const wrong = interjectionFailure(next, before, out, persona, asked.at(-1));
      if (wrong) return fail(`${next.kind} "${next.send.slice(0, 40)}": ${wrong}`);
      if (next.kind === "restart") out = await driver.send(persona.description);
      last = out;
      continue;
    }
    asked.push(out.pending.fact);
    const lang = langAt(persona, answers);
    const speaker = { ...persona, lang };
    let text: string;
    if (slip === "made" && persona.mistake) {
      slip = "fixed";
      out = await driver.send(persona.mistake.fix);
      if (out.error) return fail(out.error);
      const got = getPath(out.profile ?? {}, persona.mistake.fact);
      const want = getPath(persona.profile, persona.mistake.fact);
      if (JSON.stringify(got) !== JSON.stringify(want))
        return fail(
          `correction "${persona.mistake.fix}" not taken: ${persona.mistake.fact} = ${JSON.stringify(got)}, meant ${JSON.stringify(want)}`,
        );
      answers++;
      last = out;
      continue;
    }
    // A person who sees a fact confirmed wrongly corrects it (/profile, the field, the answer).
    const wrong = misread(out.profile ?? {}, persona.profile, set).find((p) => !corrected.has(p));
    if (slip === "due" && persona.mistake && out.pending.fact === persona.mistake.fact) {
      slip = "made";
      text = persona.mistake.say;
    } else if (out.pending.fact === "editField") {
      const label = set.facts.get(correcting ?? "")?.label[lang];
      text = out.pending.options.find((o) => o.label === label)?.id ?? "c";
    } else if (wrong) {
      corrected.add(wrong);
      correcting = wrong;
      text = "/profile";
    } else text = answerFor(speaker, out.pending, answers, set);
    out = await driver.send(text);
    if (out.error) return fail(out.error);
    answers++;
    last = out;
  }
  // A slip on the last question is corrected after the result it led to.
  if (slip === "made" && persona.mistake) {
    last = await driver.send(persona.mistake.fix);
    answers++;
  }
  return { id: persona.id, answers, asked, ...judge(persona, last, set) };
}

const other = (lang: "zh" | "en") => (lang === "zh" ? "en" : "zh");
const langAt = (persona: Persona, n: number) =>
  persona.switchLangAt !== undefined && n >= persona.switchLangAt ? other(persona.lang) : persona.lang;

/** The language a text is in: mostly Chinese characters, or mostly Latin letters. */
export function textLang(text: string): "zh" | "en" | undefined {
  const han = (text.match(/\p{Script=Han}/gu) ?? []).length;
  const latin = (text.match(/[A-Za-z]{2,}/g) ?? []).join("").length;
  if (han === 0 && latin < 4) return undefined;
  return han * 2 >= latin ? "zh" : "en";
}

/** What is wrong with the advisor's turn after an interjection, or undefined. */
function interjectionFailure(
  step: Interjection,
  before: ChatOut,
  after: ChatOut,
  persona: Persona,
  lastAsked: string | undefined,
): string | undefined {
  if (after.error) return `error ${after.error}`;
  if (!after.replies?.length) return "no reply";
  const same = JSON.stringify(before.profile) === JSON.stringify(after.profile);
  const fact = after.pending?.fact ?? null;
  switch (step.kind) {
    case "question":
    case "outOfScope":
    case "odd": {
      if (!same) return `profile changed to ${JSON.stringify(after.profile)}`;
      if (after.result) return "showed a result";
      if (fact !== (before.pending?.fact ?? null)) return `open question became ${fact}`;
      const asked = textLang(step.send);
      const answeredIn = textLang(after.replies[0] ?? "");
      if (step.kind !== "odd" && asked && answeredIn !== asked)
        return `asked in ${asked}, answered in ${answeredIn}: ${after.replies[0]?.slice(0, 80)}`;
      if (step.kind !== "odd" && /^(没看懂|Sorry, I didn't get that)/.test(after.replies[0] ?? ""))
        return `not answered: ${after.replies[0]?.slice(0, 60)}`;
      const resumed = after.replies.at(-1) ?? "";
      if (step.kind !== "odd" && asked && textLang(resumed) !== asked)
        return `questionnaire resumed in ${textLang(resumed)}`;
      return undefined;
    }
    case "back":
      return fact === lastAsked ? undefined : `went back to ${fact}, the last question was ${lastAsked}`;
    case "unknownAnswer": {
      const open = before.pending?.fact ?? "";
      if (!same) return `profile changed to ${JSON.stringify(after.profile)}`;
      return after.unknown?.includes(open) ? undefined : `${open} not answered "don't know"`;
    }
    case "restart":
      return Object.keys(after.profile ?? {}).length === 0 && fact === "district"
        ? undefined
        : `after restart: profile ${JSON.stringify(after.profile)}, asking ${fact}`;
    case "correction": {
      const path = step.fact ?? "";
      const got = getPath(after.profile ?? {}, path);
      const want = getPath(persona.profile, path);
      return JSON.stringify(got) === JSON.stringify(want)
        ? undefined
        : `${path} = ${JSON.stringify(got)}, meant ${JSON.stringify(want)}`;
    }
  }
}

/** Facts the conversation holds with a value the hidden profile does not have. */
function misread(
  profile: Record<string, unknown>,
  hidden: Record<string, unknown>,
  set: PolicySet,
): string[] {
  return [...set.facts.keys(), "district"].filter((path) => {
    const got = getPath(profile, path);
    return got !== undefined && JSON.stringify(got) !== JSON.stringify(getPath(hidden, path));
  });
}

/** Equal to `triage` of the hidden profile: the same benefits with the same amounts and total. */
function judge(persona: Persona, last: ChatOut, set: PolicySet): { passed: boolean; why?: string } {
  if (last.pending) return { passed: false, why: `still asking ${last.pending.fact}` };
  if (!last.result) return { passed: false, why: "ended without a result" };
  const hidden = parseProfile(set.profileSchema, persona.profile);
  const want = toContractJson(
    evaluate(hidden, set, { lang: persona.lang }),
    set,
    hidden.district,
    persona.lang,
  );
  const key = (r: { matches: Match[]; totals: { max: number } }) =>
    JSON.stringify({
      total: r.totals.max,
      matches: r.matches
        .map((m) => `${m.policy}:${m.article}:${m.benefit}:${m.amount.max}:${m.amount.totalMax}`)
        .sort(),
    });
  const got = key(last.result);
  const expected = key(want as unknown as { matches: Match[]; totals: { max: number } });
  return got === expected ? { passed: true } : { passed: false, why: `got ${got}, want ${expected}` };
}

// --- answering as a person would ------------------------------------------------------------

const pickOf = <T>(items: T[], n: number): T => items[n % items.length] as T;

const WORDS = {
  zh: {
    yes: ["是", "有", "是的", "对，有的"],
    no: ["否", "没有", "不是", "无"],
    unknown: ["不清楚", "不知道", "不太清楚", "这个不确定"],
    none: ["都没有", "没有", "none"],
    noCompare: "不用了",
  },
  en: {
    yes: ["yes", "yep", "yes we do", "Yes"],
    no: ["no", "nope", "no, we don't", "No"],
    unknown: ["not sure", "no idea", "don't know", "I'm not sure"],
    none: ["none", "none of these", "none"],
    noCompare: "no thanks",
  },
};

const HEDGED = {
  zh: {
    yes: ["应该有", "应该是的", "好像有", "有的吧"],
    no: ["好像没有", "应该没有", "印象中没有", "好像不是"],
    unknown: ["没印象", "说不准", "记不清了", "这个得问财务"],
  },
  en: {
    yes: ["I think so", "probably yes", "yes I believe so", "I believe we do"],
    no: ["I don't think so", "probably not", "not that I know of", "I don't believe so"],
    unknown: ["can't remember", "no idea", "not sure, sorry", "I'd have to check"],
  },
};

export function answerFor(
  persona: Persona,
  pending: NonNullable<ChatOut["pending"]>,
  n: number,
  set: PolicySet,
): string {
  const w =
    persona.style === "hedge" ? { ...WORDS[persona.lang], ...HEDGED[persona.lang] } : WORDS[persona.lang];
  const hidden = persona.profile;
  if (pending.fact === "compare") return w.noCompare;
  if (pending.fact === "editField") return pickOf(pending.options, 0).id;
  const checklist = pending.options.some((o) => o.facts);
  if (checklist) {
    const ticked = pending.options.filter((o) => o.facts?.some((f) => applies(getPath(hidden, f))));
    if (ticked.length === 0) return pickOf(w.none, n);
    return n % 2 === 0 ? ticked.map((o) => o.id).join(",") : ticked.map((o) => o.label).join("、");
  }
  const value = getPath(hidden, pending.fact);
  if (value === undefined) return pickOf(w.unknown, n);
  switch (pending.type) {
    case "boolean":
      return pickOf(value ? w.yes : w.no, n);
    case "amount":
      return persona.style === "colloquial"
        ? colloquialAmount(value as number, persona.lang, n)
        : amountText(value as number, persona.lang, n);
    case "integer":
      return String(value);
    case "choice":
      return choiceText(pending.options, value, n);
    case "multi":
      return multiText(pending.options, value as unknown[], persona, n, set, pending.fact);
    default:
      return String(value);
  }
}

function applies(value: unknown): boolean {
  if (value === undefined || value === false || value === 0 || value === "none") return false;
  return !(Array.isArray(value) && value.length === 0);
}

function amountText(yuan: number, lang: "zh" | "en", n: number): string {
  if (yuan === 0) return lang === "zh" ? pickOf(["0", "没有"], n) : pickOf(["0", "none"], n);
  if (lang === "zh") {
    if (yuan >= 1e8 && yuan % 1e7 === 0) return pickOf([`${yuan / 1e8}亿`, `${yuan / 1e4}万`], n);
    if (yuan % 1e4 === 0) return pickOf([`${yuan / 1e4}万`, `${yuan / 1e4}万元`, String(yuan)], n);
    return `${yuan}元`;
  }
  if (yuan % 1e6 === 0) return pickOf([`${yuan / 1e6} million`, `${yuan / 1e6}m`], n);
  return pickOf([yuan.toLocaleString("en-US"), `¥${yuan}`], n);
}

const CN: Record<number, string> = {
  1: "一",
  2: "两",
  3: "三",
  5: "五",
  10: "十",
  20: "二十",
  30: "三十",
  50: "五十",
  80: "八十",
  100: "一百",
  200: "两百",
  500: "五百",
};

/** Amounts as people say them: 一个亿, 五十万, 1.5亿, 3000多万; 2.5 million, 30m, ￥300,000. */
function colloquialAmount(yuan: number, lang: "zh" | "en", n: number): string {
  if (yuan === 0) return lang === "zh" ? "没有" : "none";
  if (lang === "zh") {
    if (yuan % 1e8 === 0 && CN[yuan / 1e8]) return `${CN[yuan / 1e8]}个亿`;
    if (yuan >= 1e8 && yuan % 1e7 === 0) return `${yuan / 1e8}亿`;
    if (yuan % 1e4 === 0 && CN[yuan / 1e4]) return `${CN[yuan / 1e4]}万`;
    if (yuan % 1e7 === 0) return pickOf([`${yuan / 1e4}多万`, `${yuan / 1e7}kw`], n);
    if (yuan % 1e4 === 0) return `约${yuan / 1e4}万`;
    return `${yuan}块`;
  }
  if (yuan % 1e5 === 0)
    return pickOf([`${yuan / 1e6} million`, `${yuan / 1e6}m`, `RMB ${yuan / 1e6} million`], n);
  return `￥${yuan.toLocaleString("en-US")}`;
}

function choiceText(options: Option[], value: unknown, n: number): string {
  const option = options.find((o) => o.id === String(value));
  if (!option) return String(value);
  return n % 2 === 0 ? option.id : option.label;
}

function multiText(
  options: Option[],
  values: unknown[],
  persona: Persona,
  n: number,
  set: PolicySet,
  path: string,
): string {
  if (values.length === 0) return pickOf(WORDS[persona.lang].none, n);
  const fact = set.facts.get(path);
  const ids =
    fact?.type === "records"
      ? values.map((v) => {
          const preset = fact.presets.find(
            (p) => JSON.stringify(sorted(p.value)) === JSON.stringify(sorted(v)),
          );
          return options.find((o) => o.label === preset?.label[persona.lang])?.id;
        })
      : values.map((v) => options.find((o) => o.id === String(v))?.id);
  if (ids.some((id) => id === undefined)) return pickOf(WORDS[persona.lang].unknown, n);
  if (n % 2 === 0 || fact?.type === "records") return ids.join(",");
  return ids.map((id) => options.find((o) => o.id === id)?.label).join(persona.lang === "zh" ? "和" : ", ");
}

const sorted = (v: unknown) =>
  Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => a.localeCompare(b)));

// --- drivers ----------------------------------------------------------------------------------

/** The chat --json module in this process, on a memory store. */
export function moduleDriver(set: PolicySet, faq = createFaqIndex(set)): Driver {
  const store = new MemoryStore();
  const service = createAdvisorService({ set, store, faq });
  const options = { service, store, set, conversationId: "console:local" };
  return {
    send: async (text) => (await chatJsonLine(JSON.stringify({ text }), options)) as ChatOut,
    close: async () => {},
  };
}

/** The built command, `node dist/advisor.mjs chat --json`, on an empty DATA_DIR. */
export function processDriver(): Driver {
  const dir = mkdtempSync(join(tmpdir(), "advisor-persona-"));
  const bin = fileURLToPath(new URL("../dist/advisor.mjs", import.meta.url));
  const child = spawn(process.execPath, [bin, "chat", "--json"], {
    env: { ...process.env, DATA_DIR: dir },
    stdio: ["pipe", "pipe", "inherit"],
  });
  const lines = createInterface({ input: child.stdout });
  const waiting: ((line: string) => void)[] = [];
  lines.on("line", (line) => waiting.shift()?.(line));
  return {
    send: (text) =>
      new Promise((resolve) => {
        waiting.push((line) => resolve(JSON.parse(line) as ChatOut));
        child.stdin.write(`${JSON.stringify({ text })}\n`);
      }),
    close: async () => {
      child.stdin.end();
      await new Promise((resolve) => child.once("close", resolve));
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export async function simulateAll(
  personas: Persona[],
  makeDriver: () => Driver,
  set: PolicySet,
): Promise<{ outcomes: PersonaOutcome[]; mean: number; passed: number }> {
  const outcomes: PersonaOutcome[] = [];
  for (const persona of personas) {
    const driver = makeDriver();
    try {
      outcomes.push(await simulate(persona, driver, set));
    } finally {
      await driver.close();
    }
  }
  const mean = outcomes.reduce((s, o) => s + o.answers, 0) / outcomes.length;
  return { outcomes, mean, passed: outcomes.filter((o) => o.passed).length };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const set = loadPolicySet();
  const faq = createFaqIndex(set);
  const useProcess = process.argv.includes("--process");
  const fileArg = process.argv.find((a) => a.endsWith(".json"));
  const { outcomes, mean, passed } = await simulateAll(
    fileArg ? loadPersonas(fileArg) : loadPersonas(),
    useProcess ? processDriver : () => moduleDriver(set, faq),
    set,
  );
  for (const o of outcomes) {
    console.log(
      `${o.passed ? "ok  " : "FAIL"} ${o.id}: ${o.answers} answers [${o.asked.join(" ")}]${o.why ? ` — ${o.why}` : ""}`,
    );
  }
  console.log(
    `personas passing: ${passed}/${outcomes.length}; mean answers after the description: ${mean.toFixed(2)}`,
  );
}

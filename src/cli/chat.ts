/**
 * `advisor chat`: the dialog in a terminal. Buttons become numbered lines (typing the number
 * picks it), so a whole conversation can be piped in; it ends cleanly at the end of input.
 * The conversation is kept in DATA_DIR as `console:local` and resumes after a restart.
 */
import { createInterface } from "node:readline";
import { parseArgs } from "node:util";
import { createAdvisorService } from "../dialog/service.ts";
import type { AdvisorService, Lang, Reply, ResultSection, TurnInput } from "../dialog/types.ts";
import { createFaqIndex } from "../faq/index.ts";
import { loadPolicySet } from "../policy/load.ts";
import { createStore } from "../store/index.ts";
import { type CliIO, type Command, EXIT_OK, UsageError } from "./io.ts";
import { parseAsOf } from "./triage.ts";

export const CONSOLE_CONVERSATION = "console:local";
const QUIT = new Set(["/quit", "/exit", "退出"]);

export const run: Command = async (args, io) => {
  const { lang, json, asOf } = parseChatArgs(args);
  // The evaluation date of every result in this chat (validity windows, durations, dated values).
  const set = { ...loadPolicySet(), asOf };
  const store = await createStore(io.env);
  try {
    const service = createAdvisorService({ set, store, faq: createFaqIndex(set) });
    if (json) {
      const { runChatJson } = await import("./chat-json.ts");
      return await runChatJson(io, {
        service,
        store,
        set,
        conversationId: CONSOLE_CONVERSATION,
        ...(lang ? { lang } : {}),
      });
    }
    return await runChat(io, service, { lang });
  } finally {
    await store.close();
  }
};

function parseChatArgs(args: string[]): { lang: Lang | undefined; json: boolean; asOf: string } {
  let values: { lang?: string; json?: boolean; "as-of"?: string };
  try {
    ({ values } = parseArgs({
      args,
      options: {
        lang: { type: "string" },
        json: { type: "boolean", default: false },
        "as-of": { type: "string" },
      },
      strict: true,
    }));
  } catch (error) {
    throw new UsageError(`chat: ${(error as Error).message}`);
  }
  const json = values.json === true;
  const asOf = parseAsOf("chat", values["as-of"]);
  if (values.lang === undefined) return { lang: undefined, json, asOf };
  if (values.lang !== "zh" && values.lang !== "en") throw new UsageError("chat: --lang must be zh or en");
  return { lang: values.lang, json, asOf };
}

/** The console conversation over any service; `advisor start` calls it when no bot is configured. */
export async function runChat(
  io: CliIO,
  service: AdvisorService,
  options: { lang?: Lang } = {},
): Promise<number> {
  const interactive = Boolean((io.stdin as { isTTY?: boolean }).isTTY);
  const turn = async (event: TurnInput["event"]) => {
    const replies = await service.handle({
      channel: "console",
      conversationId: CONSOLE_CONVERSATION,
      userId: "local",
      ...(options.lang ? { lang: options.lang } : {}),
      event,
    });
    io.stdout.write(`${replies.map(renderReply).join("\n\n")}\n`);
    if (interactive) io.stdout.write("> ");
  };
  await turn({ kind: "start", resume: true, ...(options.lang ? { lang: options.lang } : {}) });
  const lines = createInterface({ input: io.stdin, terminal: false, crlfDelay: Number.POSITIVE_INFINITY });
  for await (const line of lines) {
    const text = line.trim();
    if (QUIT.has(text.toLowerCase())) break;
    if (text === "") {
      if (interactive) io.stdout.write("> ");
      continue;
    }
    io.stdout.write(interactive ? "\n" : `> ${text}\n`);
    await turn({ kind: "text", text });
  }
  if (interactive) io.stdout.write("\n");
  return EXIT_OK;
}

/** One reply as plain text: numbered choices, sections under their headings. */
export function renderReply(reply: Reply): string {
  switch (reply.kind) {
    case "text":
      return reply.text;
    case "question":
      return [
        ...(reply.progress ? [`[${reply.progress}]`] : []),
        reply.text,
        ...(reply.help ? [`  ${reply.help}`] : []),
        // The console has room for the full wording the buttons of a chat shorten. Where a
        // figure is typed, a number is that figure: the buttons are listed without numbers.
        ...(reply.figure
          ? [`  ${reply.choices.map((c) => `[${c.label}]`).join(" ")}`]
          : reply.choices.map((c, i) => `  ${i + 1}. ${c.detail ?? c.label}`)),
      ].join("\n");
    case "result":
      return [`==== ${reply.title} ====`, ...sectionTexts(reply.sections), `---- ${reply.footer}`].join(
        "\n\n",
      );
  }
}

/** Sections under their headings, a benefit's detail printed in full under its body; benefits of
 * one article (sections in a row under the same heading) share the heading. */
function sectionTexts(sections: ResultSection[]): string[] {
  const texts: string[] = [];
  let previous: ResultSection | undefined;
  for (const s of sections) {
    const block = [s.body, s.detail].filter(Boolean).join("\n");
    const sameArticle =
      previous?.detail !== undefined && s.detail !== undefined && previous.heading === s.heading;
    if (sameArticle) texts.push(`${texts.pop()}\n\n${block}`);
    else texts.push(block ? `【${s.heading}】\n${block}` : `【${s.heading}】`);
    previous = s;
  }
  return texts;
}

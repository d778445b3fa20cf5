/**
 * `advisor notify [--dry-run] [--json] [--lang zh|en] [--journal FILE] [--resend-uncertain]`:
 * evaluates every kept triage (the latest of each conversation) against the current policy
 * documents and lists the conversations whose result changed; without --dry-run it sends each
 * subscriber among them one message on Telegram or Slack (src/notify). Reads the store the bots
 * write (REDIS_URL, else DATA_DIR) and never changes it; the sends are journaled in
 * DATA_DIR/notify-journal.jsonl.
 */
import { join } from "node:path";
import { SendJournal } from "../notify/journal.ts";
import { type Names, staffLines } from "../notify/message.ts";
import { type Outcome, type RunResult, runNotify } from "../notify/run.ts";
import { createSenders, sendersFromEnv } from "../notify/send.ts";
import { loadCurrentSet, loadVersions } from "../notify/versions.ts";
import { PolicyDataError } from "../policy/errors.ts";
import type { Lang } from "../policy/outcome.ts";
import { createStore } from "../store/index.ts";
import { type Command, EXIT_OK, parseFlags, parseLang, UsageError } from "./io.ts";

export const JOURNAL_FILE = "notify-journal.jsonl";

export const run: Command = async (args, io) => {
  const { values, positionals } = parseFlags("notify", {
    args,
    allowPositionals: true,
    options: {
      "dry-run": { type: "boolean", default: false },
      json: { type: "boolean", default: false },
      lang: { type: "string", default: "zh" },
      journal: { type: "string" },
      "resend-uncertain": { type: "boolean", default: false },
    },
  });
  if (positionals.length > 0) throw new UsageError(`notify: unexpected argument "${positionals[0]}"`);
  const lang = parseLang(values.lang);
  const dryRun = values["dry-run"];
  let set: ReturnType<typeof loadCurrentSet>;
  let versions: ReturnType<typeof loadVersions>;
  try {
    set = loadCurrentSet(io.env);
    versions = loadVersions(set, io.env);
  } catch (error) {
    if (error instanceof PolicyDataError) throw new UsageError(`notify: ${error.message}`);
    throw error;
  }
  const senders = createSenders(sendersFromEnv(io.env));
  const journal = SendJournal.open(values.journal ?? join(io.env.DATA_DIR || "./var", JOURNAL_FILE));
  const store = await createStore(io.env, {
    readOnly: true,
    warn: (message, fields) =>
      io.stderr.write(`warning: ${message}${fields ? ` ${JSON.stringify(fields)}` : ""}\n`),
  });
  const names: Names = { set, versions };
  try {
    const result = await runNotify({
      store,
      set,
      versions,
      journal,
      senders,
      dryRun,
      resendUncertain: values["resend-uncertain"],
      onOutcome: values.json ? (o) => io.stdout.write(`${JSON.stringify(jsonLine(o))}\n`) : undefined,
    });
    if (values.json) {
      for (const u of result.unassessable) io.stdout.write(`${JSON.stringify(u)}\n`);
    } else io.stdout.write(summary(result, names, lang, dryRun));
  } finally {
    journal.close();
    await store.close();
  }
  return EXIT_OK;
};

/** One JSON line per affected conversation: what changed, in numbers, and what became of it. */
export function jsonLine(o: Outcome) {
  const a = o.assessment;
  return {
    conversationId: a.conversationId,
    channel: a.channel,
    userId: a.userId,
    at: a.at,
    lang: a.lang,
    subscribed: a.subscribed,
    documents: a.difference.documents,
    changes: a.difference.changes,
    totals: a.difference.totals,
    ...(a.difference.notes.length ? { notes: a.difference.notes } : {}),
    delivery: o.delivery,
    ...(o.error ? { error: o.error } : {}),
    message: o.message,
  };
}

const DELIVERY: Record<Outcome["delivery"], Record<Lang, string>> = {
  would_send: { zh: "将发送通知", en: "would be sent a message" },
  sent: { zh: "已发送通知", en: "message sent" },
  already_sent: { zh: "此前已通知过此版本", en: "already told about this version" },
  uncertain: {
    zh: "上次发送中断，可能已送达，未重发（核实后可用 --resend-uncertain）",
    en: "an earlier send was cut off and may have arrived; not repeated (check, then --resend-uncertain)",
  },
  failed: {
    zh: "平台拒绝，未送达，下次运行重试",
    en: "refused by the platform, not delivered; retried next run",
  },
  not_subscribed: { zh: "未订阅，不发送", en: "not subscribed, no message" },
  unreachable: { zh: "该渠道未配置，无法发送", en: "channel not configured, cannot be sent" },
};

function summary(result: RunResult, names: Names, lang: Lang, dryRun: boolean): string {
  const zh = lang === "zh";
  const count = (d: Outcome["delivery"]) => result.outcomes.filter((o) => o.delivery === d).length;
  const head = zh
    ? `${dryRun ? "【试运行，未发送】" : ""}已保存评估的会话 ${result.kept} 个；结果有变化 ${result.outcomes.length} 个，其中已订阅 ${result.outcomes.filter((o) => o.assessment.subscribed).length} 个。`
    : `${dryRun ? "[dry run, nothing sent] " : ""}${result.kept} conversations with a kept result; ${result.outcomes.length} changed, ${result.outcomes.filter((o) => o.assessment.subscribed).length} of them subscribed.`;
  const blocks = result.outcomes.map((o) =>
    staffLines(
      o.assessment,
      names,
      lang,
      `${DELIVERY[o.delivery][lang]}${o.error ? ` (${o.error})` : ""}`,
    ).join("\n"),
  );
  const unassessable = result.unassessable.map((u) =>
    zh
      ? `${u.conversationId}：无法重新评估（${u.error}）`
      : `${u.conversationId}: cannot be evaluated again (${u.error})`,
  );
  const tally = (Object.keys(DELIVERY) as Outcome["delivery"][])
    .filter((d) => count(d) > 0)
    .map((d) => `${DELIVERY[d][lang]}: ${count(d)}`)
    .join(zh ? "；" : "; ");
  return `${[head, ...blocks, ...unassessable, ...(tally ? [tally] : [])].join("\n\n")}\n`;
}

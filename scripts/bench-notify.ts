/**
 * `npx tsx scripts/bench-notify.ts [conversations]` (default 5,000): how long `advisor notify`
 * takes over many kept conversations. The test fixture's personas (test/notify/setup.ts) are
 * repeated under new conversation ids, kept against demo v1 in a file store, then assessed
 * against v2 (`--dry-run --json`) and sent to the fake Telegram and Slack servers on loopback.
 * The send figure is bounded by the platforms' pace (30 a second on Telegram, 1 a second per
 * Slack channel), not by the advisor, so it is reported as messages a second beside that bound.
 */
import { performance } from "node:perf_hooks";
import type { Command } from "../src/cli/io.ts";
import { main } from "../src/cli/main.ts";
import { CURRENT_ENV, keptConversations, PERSONAS, type Persona } from "../test/notify/setup.ts";
import { runCommand } from "../test/support/cli-io.ts";
import { FakeSlack } from "../test/support/fake-slack.ts";
import { startFakeTelegram } from "../test/support/fake-telegram.ts";

const count = Number(process.argv[2] ?? 5_000);
const run: Command = (args, io) => main(["notify", ...args], io);

// Telegram only for the send: each Slack DM is one channel, and the cast has a few of them.
const telegramCast = PERSONAS.filter((p) => p.channel === "telegram");
const personas: Persona[] = Array.from({ length: count }, (_, i) => {
  const base = telegramCast[i % telegramCast.length] as Persona;
  return { ...base, conversationId: `telegram:${10_000 + i}`, userId: String(10_000 + i) };
});

let started = performance.now();
const dataDir = await keptConversations(personas);
const keepMs = performance.now() - started;

const telegram = await startFakeTelegram();
const slack = new FakeSlack();
const env = {
  ...CURRENT_ENV,
  DATA_DIR: dataDir,
  TELEGRAM_BOT_TOKEN: telegram.token,
  TELEGRAM_API_ROOT: telegram.apiRoot,
  SLACK_BOT_TOKEN: "xoxb-bench",
  SLACK_API_URL: await slack.start(),
};
try {
  started = performance.now();
  const dry = await runCommand(run, ["--dry-run", "--json"], "", env);
  const dryMs = performance.now() - started;
  const affected = dry.stdout.trim().split("\n").filter(Boolean).length;
  const wouldSend = (dry.stdout.match(/"delivery":"would_send"/g) ?? []).length;
  // Sends are paced at 30 a second: a sample keeps the run short, the rate is what counts.
  const sample = Math.min(wouldSend, 300);
  const sampleDir = await keptConversations(
    personas.slice(0, Math.ceil((sample * personas.length) / Math.max(1, wouldSend))),
  );
  started = performance.now();
  const sent = await runCommand(run, ["--json"], "", { ...env, DATA_DIR: sampleDir });
  const sendMs = performance.now() - started;
  const messages = telegram.callsOf("sendMessage").length;
  console.log(
    JSON.stringify(
      {
        conversations: count,
        keepConversationsMs: Math.round(keepMs),
        dryRunMs: Math.round(dryMs),
        dryRunPerConversationMs: Number((dryMs / count).toFixed(3)),
        affected,
        wouldSend,
        sendSample: messages,
        sendMs: Math.round(sendMs),
        messagesPerSecond: Number(((messages * 1000) / sendMs).toFixed(1)),
        telegramBoundPerSecond: 30,
        exitCodes: [dry.code, sent.code],
      },
      null,
      2,
    ),
  );
} finally {
  await telegram.close();
  await slack.stop();
}

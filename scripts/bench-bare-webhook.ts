/**
 * The baseline of the webhook benchmark: a bare grammY webhook whose only handler does
 * nothing, on a plain node:http server, with the same secret check as the advisor's.
 * Run by scripts/bench-telegram.ts as a child process with the advisor's environment
 * (TELEGRAM_BOT_TOKEN, TELEGRAM_API_ROOT, TELEGRAM_WEBHOOK_URL, TELEGRAM_WEBHOOK_SECRET, HOST);
 * it announces its port with the same "bots running" log line as `advisor start`.
 */
import { once } from "node:events";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { Bot, webhookCallback } from "grammy";
import type { UserFromGetMe } from "grammy/types";
import { FAKE_BOT } from "../test/support/fake-telegram.ts";

const env = process.env;
// Given, so the bot never calls getMe: the baseline does no Bot API call at all.
const botInfo: UserFromGetMe = {
  ...FAKE_BOT,
  is_bot: true,
  username: FAKE_BOT.username ?? "advisor_test_bot",
  can_join_groups: false,
  can_read_all_group_messages: false,
  supports_inline_queries: false,
  can_connect_to_business: false,
  has_main_web_app: false,
  has_topics_enabled: false,
  allows_users_to_create_topics: false,
  can_manage_bots: false,
  supports_join_request_queries: false,
};
const bot = new Bot(env.TELEGRAM_BOT_TOKEN ?? "", { client: { apiRoot: env.TELEGRAM_API_ROOT }, botInfo });
bot.use(() => {});
const callback = webhookCallback(bot, "http", { secretToken: env.TELEGRAM_WEBHOOK_SECRET });
const path = new URL(env.TELEGRAM_WEBHOOK_URL ?? "https://localhost/").pathname;

const server = createServer((req, res) => {
  if (req.method !== "POST" || req.url !== path) {
    res.writeHead(404).end();
    return;
  }
  callback(req, res).catch(() => {
    if (!res.headersSent) res.writeHead(400).end();
  });
});
server.listen(0, env.HOST ?? "127.0.0.1");
await once(server, "listening");
const { port } = server.address() as AddressInfo;
process.stderr.write(`${JSON.stringify({ level: "info", message: "bots running", port })}\n`);
process.on("SIGTERM", () => server.close(() => process.exit(0)));

/** `advisor notify` sending for real, over the fake Telegram and Slack servers on loopback. */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Command } from "../../src/cli/io.ts";
import { main } from "../../src/cli/main.ts";
import { runCommand } from "../support/cli-io.ts";
import { FakeSlack } from "../support/fake-slack.ts";
import { type FakeTelegram, startFakeTelegram } from "../support/fake-telegram.ts";
import { CURRENT_ENV, keptConversations, setV2 } from "./setup.ts";

const run: Command = (args, io) => main(["notify", ...args], io);

let telegram: FakeTelegram;
let slack: FakeSlack;
let env: NodeJS.ProcessEnv;

beforeEach(async () => {
  telegram = await startFakeTelegram();
  slack = new FakeSlack();
  const slackApi = await slack.start();
  env = {
    ...CURRENT_ENV,
    DATA_DIR: await keptConversations(),
    TELEGRAM_BOT_TOKEN: telegram.token,
    TELEGRAM_API_ROOT: telegram.apiRoot,
    SLACK_BOT_TOKEN: "xoxb-notify-test",
    SLACK_API_URL: slackApi,
  };
});

afterEach(async () => {
  await telegram.close();
  await slack.stop();
});

const notify = async () => {
  const out = await runCommand(run, ["--json"], "", env);
  expect(out.stderr).toBe("");
  expect(out.code).toBe(0);
  const lines = out.stdout
    .trim()
    .split("\n")
    .map((l) => JSON.parse(l) as { conversationId: string; delivery: string });
  return Object.fromEntries(lines.map((l) => [l.conversationId, l.delivery]));
};

/** Messages that arrived: Telegram by chat, Slack by channel (answered ok only). */
const telegramTexts = () =>
  telegram.callsOf("sendMessage").map((c) => [String(c.payload.chat_id), String(c.payload.text)]);
const slackTexts = () =>
  slack
    .callsOf("chat.postMessage")
    .filter((c) => c.answer?.ok)
    .map((c) => [String(c.args.channel), String(c.args.text)]);

describe("notify (sending)", () => {
  it("reaches only subscribers whose result changed, once each, in their language, on their channel", async () => {
    const delivery = await notify();
    expect(delivery).toEqual({
      "telegram:101": "sent",
      "telegram:102": "sent",
      "telegram:103": "not_subscribed",
      "slack:T1:D201": "sent",
      "slack:T1:C300:1700000000.000100": "sent",
      "telegram:106": "not_subscribed",
    });
    const tg = telegramTexts();
    expect(tg.map(([chat]) => chat)).toEqual(["101", "102"]);
    expect(tg[0]?.[1]).toMatch(/^【政策更新提醒】/);
    expect(tg[0]?.[1]).toContain("数据实验室建设支持：最高金额由 1,000,000 元提高到 2,000,000 元");
    expect(tg[1]?.[1]).toMatch(/^Policy update/);
    const sl = slackTexts();
    // The DM conversation in its DM; the channel-thread conversation in the user's DM (user id).
    expect(sl.map(([channel]) => channel)).toEqual(["D201", "U300"]);
    expect(sl[0]?.[1]).toContain("Cloud use subsidy: newly available, up to 500,000 yuan");
    expect(sl[0]?.[1]).toContain("“unsubscribe”");
    expect(sl[1]?.[1]).toContain("发送“退订”");
    expect(slack.callsOf("chat.postMessage").every((c) => c.token === "xoxb-notify-test")).toBe(true);

    // Run again: at most once per version, so nothing more goes out.
    const again = await notify();
    expect(Object.values(again).filter((d) => d === "already_sent")).toHaveLength(4);
    expect(telegram.callsOf("sendMessage")).toHaveLength(2);
    expect(slack.callsOf("chat.postMessage")).toHaveLength(2);
  });

  it("honours Telegram's retry_after and Slack's Retry-After, delivering once", async () => {
    telegram.floodNext("sendMessage", 1);
    slack.rateLimit("chat.postMessage", 1, 1);
    const delivery = await notify();
    expect(Object.values(delivery).filter((d) => d === "sent")).toHaveLength(4);
    // The refused call and its retry reached the fake; one message per chat was delivered.
    expect(telegram.callsOf("sendMessage").map((c) => String(c.payload.chat_id))).toEqual([
      "101",
      "101",
      "102",
    ]);
    expect(telegram.chat(101)).toHaveLength(1);
    expect(slack.callsOf("chat.postMessage").map((c) => c.args.channel)).toEqual(["D201", "D201", "U300"]);
    expect(slackTexts().map(([channel]) => channel)).toEqual(["D201", "U300"]);
    // Each attempt journaled right before it went out; the 429 marked not delivered at once.
    const journal = readFileSync(join(env.DATA_DIR as string, "notify-journal.jsonl"), "utf8");
    const steps = journal
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l) as { key: string; op: string })
      .filter((l) => l.key === "telegram:101 demo@v2")
      .map((l) => l.op);
    expect(steps).toEqual(["sending", "failed", "sending", "sent"]);
  });

  it("leaves a send the platform refused to a later run, which sends it then", async () => {
    slack.fail("chat.postMessage", "channel_not_found");
    const first = await notify();
    expect(first["slack:T1:D201"]).toBe("failed");
    expect(first["telegram:101"]).toBe("sent");
    slack.recover("chat.postMessage");
    const second = await notify();
    expect(second["slack:T1:D201"]).toBe("sent");
    expect(second["telegram:101"]).toBe("already_sent");
    expect(slackTexts().map(([channel]) => channel)).toEqual(["D201", "U300"]);
    expect(telegram.callsOf("sendMessage")).toHaveLength(2);
  });

  it("reads consent again just before sending: an /unsubscribe since the dry run counts", async () => {
    const { FileStore } = await import("../../src/store/file.ts");
    const store = await FileStore.open(env.DATA_DIR as string);
    const stored = await store.load("telegram:102");
    await store.save("telegram:102", {
      ...(stored as NonNullable<typeof stored>),
      state: { ...(stored?.state as object), notify: "unsubscribed" },
    });
    await store.close();
    const delivery = await notify();
    expect(delivery["telegram:102"]).toBe("not_subscribed");
    expect(telegramTexts().map(([chat]) => chat)).toEqual(["101"]);
  });

  it("forgets a conversation once its user asked for the result under the new version", async () => {
    const { FileStore } = await import("../../src/store/file.ts");
    const { createAdvisorService } = await import("../../src/dialog/service.ts");
    const store = await FileStore.open(env.DATA_DIR as string);
    const service = createAdvisorService({ set: setV2, store });
    const replies = await service.handle({
      channel: "telegram",
      conversationId: "telegram:101",
      userId: "101",
      event: { kind: "text", text: "/result" },
    });
    await store.close();
    expect(replies.some((r) => r.kind === "result")).toBe(true);
    const delivery = await notify();
    expect(delivery["telegram:101"]).toBeUndefined();
    expect(delivery["telegram:102"]).toBe("sent");
    expect(telegramTexts().map(([chat]) => chat)).toEqual(["102"]);
  });

  it("keeps no secret in the journal", async () => {
    await notify();
    const journal = readFileSync(join(env.DATA_DIR as string, "notify-journal.jsonl"), "utf8");
    expect(journal.trim().split("\n")).toHaveLength(8);
    expect(journal).not.toContain(telegram.token);
    expect(journal).not.toContain("xoxb-notify-test");
  });
});

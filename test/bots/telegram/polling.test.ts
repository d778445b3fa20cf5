import { afterEach, describe, expect, it } from "vitest";
import { createLimits } from "../../../src/bots/limits.ts";
import { createLogger } from "../../../src/bots/logger.ts";
import { createTelegram, TelegramSetupError } from "../../../src/bots/telegram/index.ts";
import { MemoryStore } from "../../../src/store/memory.ts";
import { startFakeTelegram } from "../../support/fake-telegram.ts";
import { type Harness, nth, startHarness } from "./harness.ts";
import { DISTRICTS, FEATURES } from "./scripted-service.ts";

const CHAT = 42;
let harness: Harness;

afterEach(async () => {
  await harness?.close();
});

describe("a whole conversation over long polling", () => {
  it("asks with buttons, takes typed and pressed answers, and ends with the result", async () => {
    harness = await startHarness();
    const { fake, service } = harness;
    const chat = () => fake.chat(CHAT);

    fake.queue(fake.textUpdate(CHAT, "/start", { languageCode: "zh-hans" }));
    await fake.waitFor(() => chat().length === 2, "the welcome and the first question");
    expect(service.turns[0]).toMatchObject({
      channel: "telegram",
      conversationId: `telegram:${CHAT}`,
      userId: String(CHAT),
      lang: "zh",
      event: { kind: "start", lang: "zh" },
    });
    const [welcome, district] = chat();
    expect(welcome?.text).toBe("欢迎！");
    // Callback data carries the choice ids, never the labels.
    expect(district?.buttons).toEqual(DISTRICTS.map((d) => [d.label, d.id]));

    // A typed answer to a button question is passed on as text.
    fake.queue(fake.textUpdate(CHAT, "通州"));
    await fake.waitFor(() => chat().length === 3, "the features question");
    expect(service.turns[1]?.event).toEqual({ kind: "text", text: "通州" });
    // The answered question's buttons are taken away so old buttons cannot be pressed.
    expect(chat()[1]?.buttons).toEqual([]);
    const features = chat()[2];
    expect(features?.buttons.map(([, data]) => data)).toEqual([...FEATURES.map((f) => f.id), "done"]);

    // Ticking two boxes edits the same message in place.
    fake.queue(fake.pressUpdate(nth(chat(), 2), "f_lab"));
    await fake.waitFor(() => chat()[2]?.buttons[0]?.[0] === "✓ 重点实验室", "the first tick");
    fake.queue(fake.pressUpdate(nth(chat(), 2), "f_sandbox"));
    await fake.waitFor(() => chat()[2]?.buttons[2]?.[0] === "✓ 数据沙箱", "the second tick");
    expect(chat()).toHaveLength(3);

    fake.queue(fake.pressUpdate(nth(chat(), 2), "done"));
    await fake.waitFor(() => chat().length === 4, "the result");
    expect(service.turns.slice(2).map((t) => t.event)).toEqual([
      { kind: "choice", id: "f_lab" },
      { kind: "choice", id: "f_sandbox" },
      { kind: "choice", id: "done" },
    ]);
    expect(chat()[2]?.buttons).toEqual([]);
    const result = nth(chat(), 3);
    // HTML parse mode: the dialog's text is escaped, the bold title is ours.
    expect(result.text).toContain("<b>tongzhou 匹配结果 &lt;预估&gt;</b>");
    expect(result.text).toContain("第 1 项 &amp; 条款");
    expect(fake.callsOf("sendMessage").every((c) => c.payload.parse_mode === "HTML")).toBe(true);

    // Every press answered, each with its own query id.
    const presses = fake.calls.filter((c) => c.method === "answerCallbackQuery");
    expect(presses.map((c) => c.payload.callback_query_id)).toEqual(["1", "2", "3"]);
  });

  it("shows the typing indicator while a slow turn is under way", async () => {
    harness = await startHarness();
    const { fake, service } = harness;
    // The turn goes on only once the chat shows "typing…": the indicator came while it ran.
    service.beforeTurn = async () => {
      await fake.waitForCall((c) => c.method === "sendChatAction", "the typing indicator");
    };
    fake.queue(fake.textUpdate(CHAT, "/start"));
    await fake.waitFor(() => fake.chat(CHAT).length >= 1, "the reply");
    expect(fake.callsOf("sendChatAction").map((c) => c.payload.action)).toEqual(["typing"]);
    const typingAt = fake.calls.findIndex((c) => c.method === "sendChatAction");
    const replyAt = fake.calls.findIndex((c) => c.method === "sendMessage");
    expect(typingAt).toBeLessThan(replyAt);
  });

  it("marks a pressed single-answer question with the answer and removes its buttons", async () => {
    harness = await startHarness();
    const { fake } = harness;
    fake.queue(fake.textUpdate(CHAT, "/start"));
    await fake.waitFor(() => fake.chat(CHAT).length === 2, "the first question");
    fake.queue(fake.pressUpdate(nth(fake.chat(CHAT), 1), "shijingshan"));
    await fake.waitFor(() => fake.chat(CHAT).length === 3, "the next question");
    const answered = nth(fake.chat(CHAT), 1);
    expect(answered.buttons).toEqual([]);
    expect(answered.text.endsWith("✔ 石景山")).toBe(true);
  });

  it("registers the command menu in Chinese and English and polls for messages and presses only", async () => {
    harness = await startHarness();
    const { fake } = harness;
    const menus = fake.callsOf("setMyCommands").map((c) => c.payload.language_code ?? "default");
    expect(menus.sort()).toEqual(["default", "en", "zh"]);
    const zh = fake.callsOf("setMyCommands").find((c) => c.payload.language_code === "zh");
    expect(JSON.stringify(zh?.payload.commands)).toMatch(/[\u4e00-\u9fff]/);
    const poll = await fake.waitForCall((c) => c.method === "getUpdates", "getUpdates");
    expect(poll.payload.allowed_updates).toEqual(["message", "callback_query"]);
  });

  it("asks for text when sent a photo, and ignores updates with nothing to answer", async () => {
    harness = await startHarness();
    const { fake, service } = harness;
    const photo = fake.textUpdate(CHAT, "");
    const message = photo.message as unknown as Record<string, unknown>;
    delete message.text;
    message.photo = [{ file_id: "x", file_unique_id: "x", width: 1, height: 1 }];
    fake.queue(photo);
    await fake.waitFor(() => fake.chat(CHAT).length === 1, "a reply to the photo");
    expect(fake.chat(CHAT)[0]?.text).toContain("文字");
    expect(service.turns).toEqual([]);
  });
});

describe("starting with a token Telegram refuses", () => {
  it("fails with a message naming the setting to fix, not the token", async () => {
    const fake = await startFakeTelegram();
    const wrong = "111:not-the-right-token";
    const telegram = createTelegram({
      token: wrong,
      apiRoot: fake.apiRoot,
      service: { handle: async () => [] },
      conversations: new MemoryStore(),
      logger: createLogger({ write: () => {} }),
      limits: createLimits(),
    });
    try {
      const failure = await telegram.start().catch((error: unknown) => error);
      expect(failure).toBeInstanceOf(TelegramSetupError);
      expect((failure as Error).message).toContain("TELEGRAM_BOT_TOKEN");
      expect((failure as Error).message).not.toContain(wrong);
      expect(fake.callsOf("getUpdates")).toEqual([]);
    } finally {
      await telegram.stop();
      await fake.close();
    }
  });
});

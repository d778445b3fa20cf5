import type { Update } from "grammy/types";
import { describe, expect, it } from "vitest";
import { langOf, readUpdate } from "../../../src/bots/telegram/inbound.ts";

const from = { id: 77, is_bot: false, first_name: "A", language_code: "en-US" };
const chat = { id: -100, type: "group" as const, title: "G" };

function message(text: string): Update {
  return { update_id: 1, message: { message_id: 1, date: 1, chat, from, text } } as Update;
}

describe("reading Telegram updates", () => {
  it("opens the conversation on /start, with or without a payload or the bot's name", () => {
    for (const text of ["/start", "/start ref123", "/start@advisor_bot", "/START"]) {
      expect(readUpdate(message(text))).toMatchObject({ kind: "turn", event: { kind: "start", lang: "en" } });
    }
  });

  it("passes other commands on as text, without the @bot name groups add", () => {
    expect(readUpdate(message("/back@advisor_bot"))).toMatchObject({
      event: { kind: "text", text: "/back" },
    });
    expect(readUpdate(message("/lang@advisor_bot en"))).toMatchObject({
      event: { kind: "text", text: "/lang en" },
    });
    // "/started" is not /start.
    expect(readUpdate(message("/started"))).toMatchObject({ event: { kind: "text", text: "/started" } });
  });

  it("keeps the raw text for the length cap and names the chat and the user", () => {
    expect(readUpdate(message("通州"))).toEqual({
      kind: "turn",
      chatId: -100,
      userId: "77",
      lang: "en",
      event: { kind: "text", text: "通州" },
      rawText: "通州",
    });
  });

  it("ignores messages from bots and service messages", () => {
    const fromBot = {
      update_id: 2,
      message: { message_id: 1, date: 1, chat, from: { ...from, is_bot: true }, text: "hi" },
    };
    expect(readUpdate(fromBot as Update)).toEqual({ kind: "ignored" });
    const joined = {
      update_id: 3,
      message: { message_id: 1, date: 1, chat, from, new_chat_members: [from] },
    };
    expect(readUpdate(joined as Update)).toEqual({ kind: "ignored" });
  });

  it("reads a press as the choice id, with the button's label and whether it was a several-answers question", () => {
    const update = {
      update_id: 4,
      callback_query: {
        id: "q",
        from,
        chat_instance: "c",
        data: "b",
        message: {
          message_id: 9,
          date: 1,
          chat,
          text: "Which?",
          reply_markup: {
            inline_keyboard: [
              [
                { text: "A", callback_data: "a" },
                { text: "B", callback_data: "b" },
              ],
              [{ text: "Done", callback_data: "done" }],
            ],
          },
        },
      },
    } as Update;
    expect(readUpdate(update)).toMatchObject({
      kind: "turn",
      event: { kind: "choice", id: "b" },
      pressed: { messageId: 9, text: "Which?", label: "B", multi: true },
    });
  });

  it("takes the language from Telegram's language code, only for Chinese and English", () => {
    expect(langOf("zh-hans")).toBe("zh");
    expect(langOf("zh-TW")).toBe("zh");
    expect(langOf("en")).toBe("en");
    expect(langOf("ru")).toBeUndefined();
    expect(langOf(undefined)).toBeUndefined();
  });
});

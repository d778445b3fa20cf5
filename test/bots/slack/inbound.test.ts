import { describe, expect, it } from "vitest";
import {
  ActiveThreads,
  conversationIdFor,
  guessLang,
  isDirectChannel,
  plainText,
} from "../../../src/bots/slack/inbound.ts";

describe("reading what the user wrote", () => {
  it("drops the bot's mention and decodes Slack's escapes", () => {
    expect(plainText("<@UBOT> 研发投入 &lt; 500万 &amp; 营收 &gt; 1亿", "UBOT")).toBe(
      "研发投入 < 500万 & 营收 > 1亿",
    );
  });

  it("keeps other people's mentions and reduces links to their label", () => {
    expect(plainText("<@UBOT> ask <@U2> about <https://example.com|this page>", "UBOT")).toBe(
      "ask @U2 about this page",
    );
  });

  it("guesses a new conversation's language from the text, or leaves it to the dialog", () => {
    expect(guessLang("我们在通州")).toBe("zh");
    expect(guessLang("which subsidies apply?")).toBe("en");
    expect(guessLang("3000")).toBeUndefined();
  });
});

describe("naming conversations", () => {
  it("uses the DM channel for a direct conversation, even inside a DM thread", () => {
    expect(conversationIdFor("T1", { channel: "D1", threadTs: "1.2" }, true)).toBe("slack:T1:D1");
  });

  it("uses the thread for a channel conversation", () => {
    expect(conversationIdFor("T1", { channel: "C1", threadTs: "1.2" }, false)).toBe("slack:T1:C1:1.2");
  });

  it("recognises DM channels by their id", () => {
    expect(isDirectChannel("D024BE91L")).toBe(true);
    expect(isDirectChannel("C024BE91L")).toBe(false);
  });
});

describe("the threads the bot is talking in", () => {
  it("forgets the least recently active thread beyond its bound", () => {
    const threads = new ActiveThreads(2);
    const a = { channel: "C1", threadTs: "1.1" };
    const b = { channel: "C1", threadTs: "1.2" };
    const c = { channel: "C2", threadTs: "1.1" };
    threads.add(a);
    threads.add(b);
    threads.add(a); // a is active again, so b is now the oldest
    threads.add(c);
    expect([threads.has(a), threads.has(b), threads.has(c)]).toEqual([true, false, true]);
  });

  it("never counts a message outside a thread", () => {
    const threads = new ActiveThreads();
    threads.add({ channel: "C1" });
    expect(threads.has({ channel: "C1" })).toBe(false);
  });
});

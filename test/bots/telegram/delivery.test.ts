/** How updates are delivered: flood control, redeliveries, fast taps, failures. */
import { afterEach, describe, expect, it } from "vitest";
import { type Harness, nth, startHarness } from "./harness.ts";

const CHAT = 11;
let harness: Harness;

afterEach(async () => {
  await harness?.close();
});

describe("Telegram delivery", () => {
  it("waits out a 429 and sends the message on the retry", async () => {
    harness = await startHarness();
    const { fake } = harness;
    fake.floodNext("sendMessage", 1);
    fake.queue(fake.textUpdate(CHAT, "/start"));
    await fake.waitFor(() => fake.chat(CHAT).length === 2, "both messages despite the 429");
    // The refused attempt and its retry carry the same message; nothing is lost or doubled.
    const sends = fake.callsOf("sendMessage");
    expect(sends).toHaveLength(3);
    expect(sends[0]?.payload.text).toBe(sends[1]?.payload.text);
    expect(fake.chat(CHAT).map((m) => m.text)).toEqual([
      "欢迎！",
      expect.stringContaining("贵单位注册在哪个区"),
    ]);
    expect(harness.logs.join("")).toContain("flood control");
  });

  it("handles an update delivered twice only once", async () => {
    harness = await startHarness();
    const { fake, service } = harness;
    const start = fake.textUpdate(CHAT, "/start");
    fake.queue(start);
    await fake.waitFor(() => fake.chat(CHAT).length === 2, "the first question");
    // Redelivered (e.g. by a webhook retry) alongside a new update.
    fake.queue(start);
    fake.queue(fake.textUpdate(CHAT, "通州"));
    await fake.waitFor(() => service.turns.length === 2 && fake.chat(CHAT).length === 3, "the second update");
    expect(service.turns.map((t) => t.event.kind)).toEqual(["start", "text"]);
    expect(fake.chat(CHAT)).toHaveLength(3);
  });

  it("takes fast taps in one chat in order, one at a time, while other chats go on", async () => {
    harness = await startHarness();
    const { fake, service } = harness;
    fake.queue(fake.textUpdate(CHAT, "/start"));
    fake.queue(fake.textUpdate(CHAT, "通州"));
    await fake.waitFor(() => fake.chat(CHAT).length === 3, "the features question");
    const features = nth(fake.chat(CHAT), 2);

    // The first tap's turn is held back; the later taps queue behind it, not beside it.
    let release = () => {};
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    service.beforeTurn = async (input) => {
      if (
        input.conversationId === `telegram:${CHAT}` &&
        input.event.kind === "choice" &&
        input.event.id === "f_lab"
      )
        await held;
    };
    const taps = ["f_lab", "f_dcmm", "f_sandbox", "f_dcmm", "done"];
    for (const id of taps) fake.queue(fake.pressUpdate(features, id));
    // Another chat is answered while this one waits.
    fake.queue(fake.textUpdate(CHAT + 1, "/start"));
    await fake.waitFor(() => fake.chat(CHAT + 1).length === 2, "the other chat's answer");
    // Every press was acknowledged at once, although the first turn is still held.
    await fake.waitFor(
      () => fake.callsOf("answerCallbackQuery").length === taps.length,
      "all presses answered",
    );
    expect(service.turns.filter((t) => t.event.kind === "choice")).toHaveLength(1);

    release();
    await fake.waitFor(() => fake.chat(CHAT).length === 4, "the result");
    const pressed = service.turns.filter(
      (t) => t.conversationId === `telegram:${CHAT}` && t.event.kind === "choice",
    );
    expect(pressed.map((t) => (t.event.kind === "choice" ? t.event.id : ""))).toEqual(taps);
    expect(service.overlaps).toBe(0);
    // "done" came last, so the question was closed after all the ticks, not between them.
    expect(nth(fake.chat(CHAT), 2).buttons).toEqual([]);
  });

  it("tells the user when a turn fails, in their language, and keeps the conversation", async () => {
    harness = await startHarness();
    const { fake, service } = harness;
    fake.queue(fake.textUpdate(CHAT, "/start", { languageCode: "en" }));
    await fake.waitFor(() => fake.chat(CHAT).length === 2, "the first question");
    service.beforeTurn = async () => {
      throw new Error("database on fire");
    };
    fake.queue(fake.textUpdate(CHAT, "通州", { languageCode: "en" }));
    await fake.waitFor(() => fake.chat(CHAT).length === 3, "the failure notice");
    const notice = nth(fake.chat(CHAT), 2).text;
    expect(notice).toMatch(/^Sorry, something went wrong/);
    expect(notice).not.toContain("database on fire");
    // The question before the failure keeps its buttons, so the user can simply answer again.
    expect(nth(fake.chat(CHAT), 1).buttons.length).toBeGreaterThan(0);

    service.beforeTurn = undefined;
    fake.queue(fake.pressUpdate(nth(fake.chat(CHAT), 1), "tongzhou"));
    await fake.waitFor(() => fake.chat(CHAT).length === 4, "the conversation going on");
    expect(nth(fake.chat(CHAT), 3).text).toContain("以下哪些适用");
    expect(harness.logs.join("")).toContain("database on fire");
  });

  it("refuses an over-long message before the dialog sees it", async () => {
    harness = await startHarness();
    const { fake, service } = harness;
    fake.queue(fake.textUpdate(CHAT, "长".repeat(3000), { languageCode: "zh-hans" }));
    await fake.waitFor(() => fake.chat(CHAT).length === 1, "the notice");
    expect(nth(fake.chat(CHAT), 0).text).toContain("消息太长");
    expect(service.turns).toEqual([]);
  });
});

/** How updates are delivered: flood control, redeliveries, fast taps, failures, refused extras. */
import { afterEach, describe, expect, it } from "vitest";
import { createLimits } from "../../../src/bots/limits.ts";
import { startFakeTelegram } from "../../support/fake-telegram.ts";
import { type Harness, nth, startHarness, WEBHOOK } from "./harness.ts";
import { type RecordedService, realService } from "./real-service.ts";

const CHAT = 11;
let harness: Harness;
let real: Harness<RecordedService> | undefined;

afterEach(async () => {
  await harness?.close();
  await real?.close();
  real = undefined;
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
  });

  it("answers the webhook only once the turn is over, its replies sent", async () => {
    harness = await startHarness({ webhook: WEBHOOK });
    const { fake } = harness;
    const release = fake.holdNext("sendMessage");
    let status: number | undefined;
    const posted = harness.post(fake.textUpdate(CHAT, "/start")).then((s) => {
      status = s;
    });
    await fake.waitForCall((c) => c.method === "sendMessage", "the welcome being sent");
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(status).toBeUndefined();
    release();
    await posted;
    expect(status).toBe(200);
    expect(fake.chat(CHAT)).toHaveLength(2);
  });

  it("applies an update Telegram delivers again only once, and shows the open question again", async () => {
    real = await startHarness({
      webhook: WEBHOOK,
      service: realService,
      limits: createLimits({ burst: 100 }),
    });
    const { fake, store } = real;
    expect(await real.post(fake.textUpdate(CHAT, "/start"))).toBe(200);
    const answer = fake.textUpdate(CHAT, "1");
    expect(await real.post(answer)).toBe(200);
    const stored = await store.load(`telegram:${CHAT}`);
    const sent = fake.chat(CHAT).length;
    // Telegram missed the 200 (a timeout, a crash after the save) and sends the answer again.
    expect(await real.post(answer)).toBe(200);
    expect((await store.load(`telegram:${CHAT}`))?.state).toEqual(stored?.state);
    const again = fake.chat(CHAT).slice(sent);
    expect(again.length).toBeGreaterThan(0);
    // The question as asked before (where it came with the answer's read-back, at its end).
    const question = nth(again, again.length - 1).text;
    expect(nth(fake.chat(CHAT), sent - 1).text.slice(-question.length)).toBe(question);
  });

  it("takes fast taps in one chat in order, one at a time, while other chats go on", async () => {
    harness = await startHarness({ webhook: WEBHOOK });
    const { fake, service } = harness;
    await harness.post(fake.textUpdate(CHAT, "/start"));
    await harness.post(fake.textUpdate(CHAT, "通州"));
    const features = nth(fake.chat(CHAT), 2);

    // The first tap's turn is held back; the later taps wait behind it, not beside it.
    let release = () => {};
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    service.beforeTurn = async (input) => {
      if (input.event.kind === "choice" && input.event.id === "f_lab") await held;
    };
    const taps = ["f_lab", "f_dcmm", "f_sandbox", "f_dcmm", "done"];
    const answers: Promise<number>[] = [];
    for (const [i, id] of taps.entries()) {
      answers.push(harness.post(fake.pressUpdate(features, id)));
      // Each press arrives after the one before (its button answered), as Telegram sends them.
      await fake.waitFor(() => fake.callsOf("answerCallbackQuery").length === i + 1, `press ${i + 1}`);
    }
    // Another chat is answered while this one waits.
    expect(await harness.post(fake.textUpdate(CHAT + 1, "/start"))).toBe(200);
    expect(fake.chat(CHAT + 1)).toHaveLength(2);
    expect(service.turns.filter((t) => t.event.kind === "choice")).toHaveLength(1);

    release();
    expect(await Promise.all(answers)).toEqual(taps.map(() => 200));
    const pressed = service.turns.filter(
      (t) => t.conversationId === `telegram:${CHAT}` && t.event.kind === "choice",
    );
    expect(pressed.map((t) => (t.event.kind === "choice" ? t.event.id : ""))).toEqual(taps);
    expect(service.overlaps).toBe(0);
    expect(fake.chat(CHAT)).toHaveLength(4);
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

describe("a Bot API without the optional methods", () => {
  it("starts, warns, and carries the conversation without the command menu, typing or button answers", async () => {
    const fake = await startFakeTelegram(undefined, {
      refuse: ["setMyCommands", "sendChatAction", "answerCallbackQuery"],
    });
    harness = await startHarness({ fake });
    const { service } = harness;
    // Slow enough for the typing indicator, which the Bot API refuses.
    service.beforeTurn = () => new Promise((resolve) => setTimeout(resolve, 300));
    fake.queue(fake.textUpdate(CHAT, "/start"));
    await fake.waitFor(() => fake.chat(CHAT).length === 2, "the first question");
    fake.queue(fake.pressUpdate(nth(fake.chat(CHAT), 1), "tongzhou"));
    await fake.waitFor(() => fake.chat(CHAT).length === 3, "the next question");
    const warnings = harness.logs.filter((line) => line.includes('"level":"warn"')).join("\n");
    expect(warnings).toContain("command menu");
    expect(warnings).toContain("typing indicator");
    expect(warnings).toContain("button press");
    expect(harness.logs.join("")).not.toContain('"level":"error"');
    await harness.close();
    await fake.close();
  });
});

/**
 * Closed numeric sets and skips on Telegram, as the Bot API calls show them (real grammY, real
 * dialog, the fake Bot API): a DCMM level is a row of buttons from the fact's bounds in the data,
 * an amount question carries a 跳过 button, and pressing either is one new message (the next
 * question) with the pressed question keeping what was answered.
 */
import { afterEach, describe, expect, it } from "vitest";
import { createLimits } from "../../../src/bots/limits.ts";
import { loadPolicySet } from "../../../src/policy/load.ts";
import { escapeHtml } from "../../../src/render/telegram/messages.ts";
import { MemoryStore } from "../../../src/store/memory.ts";
import type { BotMessage } from "../../support/fake-telegram.ts";
import { type Harness, startHarness } from "./harness.ts";
import { type RecordedService, realService } from "./real-service.ts";

const CHAT = 4040;
const set = loadPolicySet();

let h: Harness<RecordedService> | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

const lastWithButtons = (harness: Harness<RecordedService>) =>
  harness.fake
    .chat(CHAT)
    .filter((m) => m.buttons.length > 0)
    .at(-1);

/** Sends a text or presses a button (by label or id) and waits for the dialog's next question. */
async function act(harness: Harness<RecordedService>, what: { text: string } | { press: RegExp | string }) {
  const before = { sent: harness.fake.callsOf("sendMessage").length, turns: harness.service.replies.length };
  if ("text" in what)
    harness.fake.queue(harness.fake.textUpdate(CHAT, what.text, { languageCode: "zh-hans" }));
  else {
    const message = lastWithButtons(harness) as BotMessage;
    const button = message.buttons.find(([label, id]) =>
      typeof what.press === "string" ? id === what.press : what.press.test(label),
    );
    if (!button) throw new Error(`no button ${String(what.press)}: ${JSON.stringify(message.buttons)}`);
    harness.fake.queue(harness.fake.pressUpdate(message, button[1], { languageCode: "zh-hans" }));
  }
  // The turn is over once its last reply, a question, is on screen with its buttons.
  await harness.fake.waitFor(() => {
    const last =
      harness.service.replies.length > before.turns ? harness.service.replies.at(-1)?.at(-1) : undefined;
    const marker = last?.kind === "question" ? escapeHtml(last.text.split("\n")[0] ?? "") : undefined;
    return marker !== undefined && (lastWithButtons(harness)?.text.includes(marker) ?? false);
  }, "the next question");
  return harness.fake.callsOf("sendMessage").length - before.sent;
}

/** The range a level fact allows, from the data. */
function levels(path: string): string[] {
  const fact = set.facts.get(path);
  if (fact?.type !== "integer") throw new Error(`${path} is not an integer fact`);
  return Array.from({ length: fact.max - fact.min + 1 }, (_, i) => String(fact.min + i));
}

/** Shijingshan, an enterprise, the finance and DCMM areas ticked: the DCMM and guarantee-fee questions follow. */
async function start() {
  h = await startHarness<RecordedService>({
    store: new MemoryStore(),
    service: realService,
    limits: createLimits({ burst: 1000 }),
  });
  await act(h, { text: "/start" });
  await act(h, { press: /石景山/ });
  await act(h, { press: /^企业$/ });
  return h;
}

const questionText = (message: BotMessage | undefined) => message?.text ?? "";

describe("closed sets and skips on Telegram", () => {
  it("offers the DCMM level and the level already funded as buttons, from the data's bounds", async () => {
    const harness = await start();
    await act(harness, { text: "DCMM" });
    const level = lastWithButtons(harness);
    expect(questionText(level)).toContain("DCMM");
    const labels = level?.buttons.map(([label]) => label) ?? [];
    expect(labels.slice(0, -1)).toEqual(levels("dcmm.level"));
    expect(labels.at(-1)).toMatch(/跳过/);
    // The levels share one row, like a keypad.
    expect(level?.keyboard?.inline_keyboard[0]?.map((b) => b.text)).toEqual(levels("dcmm.level"));

    // Pressing 3: one new message (the next question); the pressed one keeps "✔ 3".
    expect(await act(harness, { press: /^3$/ })).toBe(1);
    const answered = harness.fake.chat(CHAT).find((m) => m.messageId === level?.messageId);
    expect(answered?.buttons).toEqual([]);
    expect(answered?.text.split("\n").at(-1)).toBe("✔ 3");
    const funded = lastWithButtons(harness);
    expect(funded?.buttons.map(([label]) => label).slice(0, -1)).toEqual(levels("dcmm.previousAwardedLevel"));
  });

  it("puts a 跳过 button under an amount question, and pressing it moves on in one message", async () => {
    const harness = await start();
    await act(harness, { text: "融资" });
    const fee = lastWithButtons(harness);
    expect(questionText(fee)).toContain("担保费");
    expect(fee?.buttons.map(([label]) => label)).toEqual(["跳过"]);
    // One hint: the button replaces "不清楚可回复“跳过”".
    expect(questionText(fee)).not.toContain("不清楚可回复");
    expect(await act(harness, { press: /^跳过$/ })).toBe(1);
    const skipped = harness.fake.chat(CHAT).find((m) => m.messageId === fee?.messageId);
    expect(skipped?.text.split("\n").at(-1)).toBe("✔ 跳过");
    expect(harness.service.replies.at(-1)?.some((r) => r.kind === "question")).toBe(true);
  });

  it("still takes an amount typed under the 跳过 button, even a figure that looks like its number", async () => {
    const harness = await start();
    await act(harness, { text: "融资" });
    await act(harness, { text: "1" });
    const readBack = harness.service.replies.at(-1)?.find((r) => r.kind === "text");
    expect(readBack?.kind === "text" && readBack.text).toContain("1 元");
  });
});

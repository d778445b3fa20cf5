/**
 * The area checklist on Telegram, as the Bot API calls show it (real grammY, real dialog, the
 * fake Bot API): one keyboard edited in place, ✅ on what is ticked, short labels two to a row,
 * a done button in the conversation's language, and a line of what was chosen left on the
 * question after done, with the next question the turn's one new message.
 */
import { afterEach, describe, expect, it } from "vitest";
import { createLimits } from "../../../src/bots/limits.ts";
import { MemoryStore } from "../../../src/store/memory.ts";
import type { BotMessage } from "../../support/fake-telegram.ts";
import { type Harness, startHarness } from "./harness.ts";
import { type RecordedService, realService } from "./real-service.ts";

const CHAT = 3030;
const EDITS = ["editMessageText", "editMessageReplyMarkup"];

let h: Harness<RecordedService> | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

async function open() {
  h = await startHarness<RecordedService>({
    store: new MemoryStore(),
    service: realService,
    limits: createLimits({ burst: 1000 }),
  });
  return h;
}

const sent = (harness: Harness<RecordedService>) => harness.fake.callsOf("sendMessage").length;
const edits = (harness: Harness<RecordedService>) =>
  harness.fake.calls.filter((call) => EDITS.includes(call.method)).length;
const withButtons = (harness: Harness<RecordedService>) =>
  harness.fake.chat(CHAT).filter((m) => m.buttons.length > 0);

/** Sends a text (or presses a button, by its label or id) and waits until the bot has answered
 * it with a new message or an edit. */
async function act(
  harness: Harness<RecordedService>,
  what: { text: string } | { press: RegExp | string; on?: BotMessage },
  languageCode: string,
) {
  const before = { sent: sent(harness), edits: edits(harness), turns: harness.service.replies.length };
  if ("text" in what) harness.fake.queue(harness.fake.textUpdate(CHAT, what.text, { languageCode }));
  else {
    const message = what.on ?? withButtons(harness).at(-1);
    const button = message?.buttons.find(([label, id]) =>
      typeof what.press === "string" ? id === what.press : what.press.test(label),
    );
    if (!message || !button) throw new Error(`no button ${String(what.press)}: ${JSON.stringify(message)}`);
    harness.fake.queue(harness.fake.pressUpdate(message, button[1], { languageCode }));
  }
  await harness.fake.waitFor(
    () =>
      harness.service.replies.length > before.turns &&
      (sent(harness) > before.sent || edits(harness) > before.edits),
    "the bot's answer",
  );
  // A new question comes after the old one is tidied: let the rest of the turn's calls land.
  await new Promise((resolve) => setTimeout(resolve, 50));
  return { sent: sent(harness) - before.sent, edits: edits(harness) - before.edits };
}

/** /start, the district, the entity type: the area checklist is the open question. */
async function toChecklist(harness: Harness<RecordedService>, lang: "zh" | "en") {
  const code = lang === "zh" ? "zh-hans" : "en";
  await act(harness, { text: "/start" }, code);
  await act(harness, { press: lang === "zh" ? /石景山/ : /Shijingshan/ }, code);
  await act(harness, { press: lang === "zh" ? /^企业$/ : /^Enterprise|^Company/ }, code);
  const checklist = withButtons(harness).at(-1);
  if (!checklist?.buttons.some(([, id]) => id === "done")) throw new Error("the checklist is not on screen");
  return checklist;
}

describe("the area checklist on Telegram", () => {
  it("edits the one keyboard in place on each tick, marking the ticked options ✅", async () => {
    const harness = await open();
    const checklist = await toChecklist(harness, "zh");
    const [first, second] = checklist.buttons;
    if (!first || !second) throw new Error("expected options");

    const tick = await act(harness, { press: first[1], on: checklist }, "zh-hans");
    // No new message: the question's keyboard is redrawn.
    expect(tick).toEqual({ sent: 0, edits: 1 });
    const edit = harness.fake.calls.filter((call) => EDITS.includes(call.method)).at(-1);
    expect(edit?.payload.message_id).toBe(checklist.messageId);
    const now = harness.fake.chat(CHAT).find((m) => m.messageId === checklist.messageId);
    expect(now?.buttons.find(([, id]) => id === first[1])?.[0]).toBe(`✅ ${first[0]}`);
    expect(now?.buttons.find(([, id]) => id === second[1])?.[0]).toBe(second[0]);

    // A second tick, and a tick taken back, are edits too.
    expect(await act(harness, { press: second[1], on: now }, "zh-hans")).toEqual({ sent: 0, edits: 1 });
    const after = harness.fake.chat(CHAT).find((m) => m.messageId === checklist.messageId);
    expect(await act(harness, { press: first[1], on: after }, "zh-hans")).toEqual({ sent: 0, edits: 1 });
    const ticked = harness.fake
      .chat(CHAT)
      .find((m) => m.messageId === checklist.messageId)
      ?.buttons.filter(([label]) => label.startsWith("✅"));
    expect(ticked).toEqual([[`✅ ${second[0]}`, second[1]]]);
    expect(withButtons(harness)).toHaveLength(1);
  });

  it("shows short labels two to a row, the full wording in the question, and a done button in Chinese", async () => {
    const harness = await open();
    const checklist = await toChecklist(harness, "zh");
    const rows = checklist.keyboard?.inline_keyboard ?? [];
    for (const [label] of checklist.buttons) expect([...label].length).toBeLessThanOrEqual(12);
    expect(rows.filter((row) => row.length === 2).length).toBeGreaterThanOrEqual(4);
    expect(rows.at(-1)?.map((b) => b.text)).toEqual(["完成"]);
    // The detail the short labels leave out is in the text: the infrastructure area's full wording.
    expect(checklist.text).toContain("算力、数据流通或安全设施、可信数据空间");
  });

  it("says Done in English", async () => {
    const harness = await open();
    const checklist = await toChecklist(harness, "en");
    for (const [label] of checklist.buttons) expect([...label].length).toBeLessThanOrEqual(12);
    expect(checklist.buttons.find(([, id]) => id === "done")?.[0]).toBe("Done");
  });

  it("after done keeps a line of what was chosen on the question, and posts only the next question", async () => {
    const harness = await open();
    const checklist = await toChecklist(harness, "zh");
    const picks = checklist.buttons.filter(([, id]) => /\.\d+$/.test(id)).slice(0, 2);
    let message: BotMessage | undefined = checklist;
    for (const [, id] of picks) {
      await act(harness, { press: id, on: message }, "zh-hans");
      message = harness.fake.chat(CHAT).find((m) => m.messageId === checklist.messageId);
    }
    const done = await act(harness, { press: "done", on: message }, "zh-hans");
    // One new message (the next question); the checklist edited to its record.
    expect(done.sent).toBe(1);
    const closed = harness.fake.chat(CHAT).find((m) => m.messageId === checklist.messageId);
    expect(closed?.buttons).toEqual([]);
    const record = closed?.text.split("\n").at(-1);
    expect(record).toBe(`✔ ${picks.map(([label]) => label).join("、")}`);
    expect(withButtons(harness)).toHaveLength(1);
  });
});

/** Whole conversations with the real dialog service behind the real grammY bot. */
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { createLimits } from "../../../src/bots/limits.ts";
import type { Reply } from "../../../src/dialog/types.ts";
import { escapeHtml } from "../../../src/render/telegram/messages.ts";
import { FileStore } from "../../../src/store/file.ts";
import { MemoryStore } from "../../../src/store/memory.ts";
import type { Store, TriageRecord } from "../../../src/store/types.ts";
import { type FakeTelegram, startFakeTelegram } from "../../support/fake-telegram.ts";
import { type Harness, nth, startHarness } from "./harness.ts";
import { type RecordedService, realService } from "./real-service.ts";

const CHAT = 2024;
type Question = Extract<Reply, { kind: "question" }>;

const lastQuestion = (service: RecordedService): Question | undefined =>
  (service.replies.at(-1) ?? []).filter((r): r is Question => r.kind === "question").at(-1);

/** Sends one update and waits until the dialog has answered it and its last reply is on screen. */
async function turn(h: Harness<RecordedService>, update: ReturnType<FakeTelegram["textUpdate"]>) {
  const before = h.service.replies.length;
  h.fake.queue(update);
  await h.fake.waitFor(() => h.service.replies.length > before, "the dialog's answer");
  const last = h.service.replies.at(-1)?.at(-1);
  if (!last) return;
  const marker = escapeHtml((last.kind === "result" ? last.footer : last.text).split("\n")[0] ?? "");
  await h.fake.waitFor(
    () =>
      h.fake
        .chat(CHAT)
        .some(
          (m) =>
            m.text.includes(marker) &&
            (last.kind !== "question" || last.choices.length === 0 || m.buttons.length > 0),
        ),
    `"${marker}" on screen`,
  );
}

/** Presses a button of the question on screen, found by its label or by its choice id. */
async function press(h: Harness<RecordedService>, which: RegExp | { id: string }) {
  const message = h.fake
    .chat(CHAT)
    .filter((m) => m.buttons.length > 0)
    .at(-1);
  const button = message?.buttons.find(([label, id]) =>
    "id" in which ? id === which.id : which.test(label),
  );
  if (!message || !button)
    throw new Error(`no button ${String(which)} on screen: ${JSON.stringify(message?.buttons)}`);
  const answered = h.fake.callsOf("answerCallbackQuery").length;
  await turn(h, h.fake.pressUpdate(message, button[1]));
  // Every press is acknowledged to Telegram.
  expect(h.fake.callsOf("answerCallbackQuery").length).toBe(answered + 1);
}

const hasResult = (service: RecordedService) =>
  service.replies.at(-1)?.some((r) => r.kind === "result") ?? false;

/** Answers "don't know" (or "none") to each question, skipping typed figures, until `stop` holds
 * for the question on screen or the result comes. */
async function answerUntil(h: Harness<RecordedService>, stop: (question: Question) => boolean) {
  for (let i = 0; i < 80 && !hasResult(h.service); i++) {
    const question = lastQuestion(h.service);
    if (question && stop(question)) return question;
    if (!question || question.choices.length === 0) await turn(h, h.fake.textUpdate(CHAT, "/skip"));
    else {
      const unknown =
        question.choices.find((c) => /不知道|跳过|否|没有/.test(c.label)) ?? nth(question.choices, 0);
      await press(h, { id: unknown.id });
      // A several-answers question takes ticks until "done".
      if (question.multi && lastQuestion(h.service)?.text === question.text) await press(h, /完成/);
    }
  }
  return undefined;
}

async function records(store: Store): Promise<TriageRecord[]> {
  const all: TriageRecord[] = [];
  for await (const record of store.export()) all.push(record);
  return all;
}

describe("a whole conversation with the real advisor", () => {
  it("goes from /start to a result by buttons and typed answers, and keeps a triage record", async () => {
    const store = await FileStore.open(mkdtempSync(join(tmpdir(), "advisor-tg-")));
    // The test answers at machine speed; the per-user limit is not what it is about.
    const h = await startHarness<RecordedService>({
      store,
      service: realService,
      limits: createLimits({ burst: 1000 }),
    });
    try {
      await turn(h, h.fake.textUpdate(CHAT, "/start", { languageCode: "zh-hans" }));
      expect(lastQuestion(h.service)?.choices.length).toBeGreaterThan(1);
      await press(h, /通州/);
      // From here on, answer "don't know" where offered and skip typed figures, until the result.
      await answerUntil(h, () => false);
      expect(hasResult(h.service)).toBe(true);
      const result = h.service.replies.at(-1)?.find((r) => r.kind === "result");
      expect(result).toBeDefined();
      // Shown as HTML messages within Telegram's limit, with no live buttons left above them.
      const chat = h.fake.chat(CHAT);
      for (const message of chat) expect(message.text.length).toBeLessThanOrEqual(4096);
      expect(chat.slice(0, -1).filter((m) => m.buttons.length > 0)).toEqual([]);
      const [record] = await records(store);
      expect(record).toMatchObject({
        channel: "telegram",
        conversationId: `telegram:${CHAT}`,
        userId: String(CHAT),
      });
    } finally {
      await h.close();
      await store.close();
    }
  });

  it("keeps a several-answers question open while ticking, and closes it on done", async () => {
    const store = new MemoryStore();
    const h = await startHarness<RecordedService>({
      store,
      service: realService,
      limits: createLimits({ burst: 1000 }),
    });
    try {
      await turn(h, h.fake.textUpdate(CHAT, "/start"));
      await press(h, /通州/);
      const question = await answerUntil(h, (q) => q.multi);
      if (!question) throw new Error("the advisor asked no several-answers question");
      const [first, second] = question.choices;
      if (!first || !second) throw new Error("expected two options");
      const onScreen = () => h.fake.chat(CHAT).filter((m) => m.buttons.some(([, id]) => id === "done"));

      await press(h, { id: first.id });
      await press(h, { id: second.id });
      // Still one copy of the question, its buttons live, the ticks shown on them.
      expect(onScreen()).toHaveLength(1);
      const ticked = () => onScreen()[0]?.buttons.filter(([label]) => label.startsWith("✅ ")) ?? [];
      // The edit may land just after the turn's answer.
      await h.fake.waitFor(() => ticked().length === 2, "both ticks shown");
      expect(ticked().map(([, id]) => id)).toEqual([first.id, second.id]);

      await press(h, { id: "done" });
      expect(onScreen()).toHaveLength(0);
      expect(lastQuestion(h.service)?.text).not.toBe(question.text);
    } finally {
      await h.close();
    }
  });

  it("leaves a several-answers question on screen when a press settles it and the next question comes", async () => {
    const h = await startHarness<RecordedService>({
      store: new MemoryStore(),
      service: realService,
      limits: createLimits({ burst: 1000 }),
    });
    try {
      await turn(h, h.fake.textUpdate(CHAT, "/start"));
      await press(h, /通州/);
      const question = await answerUntil(h, (q) => q.multi);
      const none = question?.choices.find((c) => /都没有|没有/.test(c.label));
      if (!question || !none) throw new Error("expected a several-answers question with a 'none' option");
      const asked = h.fake.chat(CHAT).filter((m) => m.buttons.some(([, id]) => id === none.id));
      expect(asked).toHaveLength(1);
      const messagesBefore = h.fake.chat(CHAT).length;
      await press(h, { id: none.id });
      // The next question arrives as a message of its own; the settled one keeps its text.
      expect(h.fake.chat(CHAT).length).toBeGreaterThan(messagesBefore);
      const settled = h.fake.chat(CHAT).find((m) => m.messageId === asked[0]?.messageId);
      expect(settled?.text).toContain(escapeHtml(question.text.split("\n")[0] ?? ""));
      expect(lastQuestion(h.service)?.text).not.toBe(question.text);
    } finally {
      await h.close();
    }
  });

  it("resumes after a restart: a new bot and service on the same data directory pick up the conversation", async () => {
    const dataDir = mkdtempSync(join(tmpdir(), "advisor-tg-"));
    const fake = await startFakeTelegram();
    try {
      const firstStore = await FileStore.open(dataDir);
      const first = await startHarness<RecordedService>({ fake, store: firstStore, service: realService });
      await turn(first, fake.textUpdate(CHAT, "/start"));
      await press(first, /石景山/);
      const asked = lastQuestion(first.service);
      await first.close();
      await firstStore.close();

      const secondStore = await FileStore.open(dataDir);
      const second = await startHarness<RecordedService>({ fake, store: secondStore, service: realService });
      try {
        // The question asked before the restart is still on screen; answering it goes on from there.
        await press(second, { id: nth(asked?.choices ?? [], 0).id });
        const after = second.service.replies.at(-1) ?? [];
        expect(after.some((r) => r.kind === "text" && /您好|welcome/i.test(r.text))).toBe(false);
        expect(lastQuestion(second.service)?.text).not.toBe(asked?.text);
        await turn(second, fake.textUpdate(CHAT, "/profile"));
        // What the chat shows of /profile: the answers listed in the question's message.
        const profile = fake.chat(CHAT).at(-1)?.text ?? "";
        expect(profile).toContain("石景山");
        expect(profile).toContain(nth(asked?.choices ?? [], 0).label);
      } finally {
        await second.close();
        await secondStore.close();
      }
    } finally {
      await fake.close();
    }
  });
});

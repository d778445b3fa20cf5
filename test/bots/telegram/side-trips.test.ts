/** Issue 16: a question asked mid-questionnaire is one message, and the open question keeps its
 * live buttons where it is instead of being posted again under the answer. */
import { describe, expect, it } from "vitest";
import { createLimits } from "../../../src/bots/limits.ts";
import { type Harness, startHarness } from "./harness.ts";
import { type RecordedService, realService } from "./real-service.ts";

const CHAT = 4242;

async function send(h: Harness<RecordedService>, text: string) {
  const turns = h.service.replies.length;
  const sent = h.fake.callsOf("sendMessage").length;
  h.fake.queue(h.fake.textUpdate(CHAT, text, { languageCode: "zh-hans" }));
  await h.fake.waitFor(() => h.service.replies.length > turns, "the dialog's answer");
  await h.fake.waitFor(() => h.fake.callsOf("sendMessage").length > sent, "a reply on screen");
  // Give a second message, if one were coming, the time to arrive.
  await new Promise((resolve) => setTimeout(resolve, 100));
}

const openQuestion = (h: Harness<RecordedService>) =>
  h.fake
    .chat(CHAT)
    .filter((m) => m.buttons.length > 0)
    .at(-1);

describe("a side trip in the middle of the questions", () => {
  it.each([
    ["an FAQ question", "数据资产质押贷款有贴息吗？"],
    ["/help", "/help"],
  ])("%s gets one message and leaves the open question's buttons live", async (_, aside) => {
    const h = await startHarness<RecordedService>({
      service: realService,
      limits: createLimits({ burst: 1000 }),
    });
    try {
      await send(h, "/start");
      await send(h, "石景山");
      const question = openQuestion(h);
      expect(question).toBeDefined();
      const sent = h.fake.callsOf("sendMessage").length;
      const edits =
        h.fake.callsOf("editMessageReplyMarkup").length + h.fake.callsOf("editMessageText").length;

      await send(h, aside);

      expect(h.fake.callsOf("sendMessage").length).toBe(sent + 1);
      expect(h.fake.callsOf("editMessageReplyMarkup").length + h.fake.callsOf("editMessageText").length).toBe(
        edits,
      );
      // The question still carries its buttons, and pressing one answers it.
      expect(openQuestion(h)?.messageId).toBe(question?.messageId);
      const [, choice] = question?.buttons[0] ?? [];
      const turns = h.service.replies.length;
      h.fake.queue(h.fake.pressUpdate(question as NonNullable<typeof question>, choice as string));
      await h.fake.waitFor(() => h.service.replies.length > turns, "the answer to the press");
      expect(h.service.replies.at(-1)?.some((r) => r.kind === "question" && !r.restates)).toBe(true);
    } finally {
      await h.close();
    }
  });
});

import { describe, expect, it } from "vitest";
import { nth, startHarness } from "./harness.ts";
import { scriptedService } from "./scripted-service.ts";

const TELEGRAM_LIMIT = 4096;

describe("a long result through the bot", () => {
  it("arrives as several messages, each accepted by Telegram's length limit", async () => {
    const harness = await startHarness({
      service: (store) => scriptedService(store, { resultSections: 40 }),
    });
    try {
      const { fake } = harness;
      const chat = 5;
      fake.queue(fake.textUpdate(chat, "/start"));
      fake.queue(fake.textUpdate(chat, "通州"));
      await fake.waitFor(() => fake.chat(chat).length === 3, "the features question");
      fake.queue(fake.pressUpdate(nth(fake.chat(chat), 2), "done"));
      await fake.waitFor(
        () => fake.chat(chat).some((m) => m.text.includes("以上为预估")),
        "the end of the result",
      );
      const result = fake.chat(chat).slice(3);
      expect(result.length).toBeGreaterThan(1);
      for (const message of result) expect(message.text.length).toBeLessThan(TELEGRAM_LIMIT);
      expect(result.map((m) => m.text).join("")).toContain("第 40 项");
    } finally {
      await harness.close();
    }
  });
});

/**
 * kill -9 in the middle of a turn (issue 15): the real advisor process, webhook mode, a fresh
 * DATA_DIR. Telegram is answered only once a turn is over, so an update caught by the kill got
 * no 200; Telegram (here the test) delivers it again to the restarted process, which must apply
 * it exactly once and show the user where the conversation stands.
 */
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { FileStore } from "../../../src/store/file.ts";
import { type AdvisorProcess, deliver, startAdvisor, stopAdvisor } from "../../support/advisor-process.ts";
import { type FakeTelegram, startFakeTelegram } from "../../support/fake-telegram.ts";

const CHAT = 5150;

async function historyIn(dataDir: string): Promise<unknown[]> {
  const store = await FileStore.open(dataDir, { readOnly: true });
  try {
    const stored = await store.load(`telegram:${CHAT}`);
    return (stored?.state as { history?: unknown[] } | undefined)?.history ?? [];
  } finally {
    await store.close();
  }
}

describe("an advisor killed with SIGKILL in the middle of a turn", () => {
  let fake: FakeTelegram;
  let advisor: AdvisorProcess | undefined;
  afterEach(async () => {
    if (advisor) await stopAdvisor(advisor, "SIGKILL");
    await fake?.close();
  });

  it("loses no answer: the update it never answered 200 for is delivered again and applied once", async () => {
    fake = await startFakeTelegram();
    const dataDir = mkdtempSync(join(tmpdir(), "telegram-crash-"));
    advisor = await startAdvisor(fake, { DATA_DIR: dataDir });
    expect(await deliver(advisor, fake.textUpdate(CHAT, "/start"))).toBe(200);
    const before = fake.chat(CHAT).length;

    // The answer's turn has been saved and its reply is on its way when the process dies.
    fake.holdNext("sendMessage");
    const answer = fake.textUpdate(CHAT, "1");
    const status = deliver(advisor, answer);
    await fake.waitFor(() => fake.callsOf("sendMessage").length > before, "the reply to the answer");
    await stopAdvisor(advisor, "SIGKILL");
    expect(await status).not.toBe(200);
    expect(await historyIn(dataDir)).toHaveLength(1);

    // Telegram sends again what it got no 200 for, to the process started again on the same data.
    advisor = await startAdvisor(fake, { DATA_DIR: dataDir });
    const sentBefore = fake.chat(CHAT).length;
    expect(await deliver(advisor, answer)).toBe(200);
    expect(await historyIn(dataDir)).toHaveLength(1);
    // The user sees the open question (the next one, which the kill kept from arriving).
    const shown = fake.chat(CHAT).slice(sentBefore);
    expect(shown.length).toBeGreaterThan(0);
    expect(shown.some((message) => message.buttons.length > 0)).toBe(true);

    // The conversation goes on from there.
    expect(await deliver(advisor, fake.textUpdate(CHAT, "1"))).toBe(200);
    expect(await historyIn(dataDir)).toHaveLength(2);
    expect(await stopAdvisor(advisor)).toBe(0);
    advisor = undefined;
  }, 60_000);
});

/**
 * Several instances behind one webhook URL (issue 5): two real advisor processes share one
 * Redis. One conversation driven alternately through both stays one conversation; two answers
 * for the same chat arriving at both at once are both kept; a redelivery is answered once.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { RedisStore } from "../../src/store/redis.ts";
import { requireRedisServer, useRedisServer } from "../store/redis-server.ts";
import {
  deliver,
  type AdvisorProcess as Instance,
  startAdvisor,
  stopAdvisor as stop,
} from "../support/advisor-process.ts";
import { type FakeTelegram, startFakeTelegram } from "../support/fake-telegram.ts";

describe.runIf(requireRedisServer())("two advisor processes on one Redis", () => {
  const redis = useRedisServer();
  let fake: FakeTelegram;
  let a: Instance;
  let b: Instance;
  let store: RedisStore;

  beforeAll(async () => {
    fake = await startFakeTelegram();
    [a, b] = await Promise.all([
      startAdvisor(fake, { REDIS_URL: redis.url() }),
      startAdvisor(fake, { REDIS_URL: redis.url() }),
    ]);
    store = await RedisStore.open(redis.url());
  }, 60_000);

  afterAll(async () => {
    const codes = await Promise.all([a, b].filter(Boolean).map((instance) => stop(instance)));
    await store?.close();
    await fake?.close();
    // Graceful shutdown on SIGTERM: both exit 0.
    expect(codes).toEqual([0, 0]);
  }, 30_000);

  const sent = (chat: number) => fake.chat(chat).length;
  const answered = (chat: number, count: number) =>
    fake.waitFor(() => sent(chat) >= count, `${count} bot messages in chat ${chat}`);
  const historyOf = async (chat: number) => {
    const stored = await store.load(`telegram:${chat}`);
    return ((stored?.state as { history?: unknown[] } | undefined)?.history ?? []).length;
  };

  const lastWithButtons = (chat: number) => {
    const message = fake.chat(chat).findLast((m) => m.buttons.length > 0);
    if (!message) throw new Error(`no question with buttons in chat ${chat}`);
    return message;
  };
  const button = (chat: number, label: string) => {
    const message = lastWithButtons(chat);
    const found = message.buttons.find(([text]) => text.includes(label));
    if (!found) throw new Error(`no "${label}" button in ${JSON.stringify(message.buttons)}`);
    return fake.pressUpdate(message, found[1]);
  };

  it("carries one conversation across both instances, answer by answer", async () => {
    const chat = 4201;
    expect(await deliver(a, fake.textUpdate(chat, "/start"))).toBe(200);
    await fake.waitFor(
      () => fake.chat(chat).some((m) => m.buttons.some(([l]) => l.includes("通州"))),
      "district question",
    );

    expect(await deliver(b, button(chat, "通州"))).toBe(200);
    await fake.waitFor(
      () => fake.chat(chat).some((m) => m.text.includes("主体")),
      "B asks the entity type after A's district",
    );

    expect(await deliver(a, button(chat, "企业"))).toBe(200);
    await expect.poll(() => historyOf(chat), { timeout: 10_000 }).toBe(2);
    const stored = await store.load(`telegram:${chat}`);
    expect((stored?.state as { profile?: unknown } | undefined)?.profile).toMatchObject({
      district: "tongzhou",
      entityType: "enterprise",
    });
  }, 30_000);

  it("keeps both answers when the same chat reaches both instances at once", async () => {
    const chat = 4202;
    await deliver(a, fake.textUpdate(chat, "/start"));
    await answered(chat, 1);
    await expect.poll(() => historyOf(chat), { timeout: 10_000 }).toBe(0);
    // Two answers at the same moment, one to each instance: district by number, then entity type by number.
    await Promise.all([deliver(a, fake.textUpdate(chat, "2")), deliver(b, fake.textUpdate(chat, "1"))]);
    await expect.poll(() => historyOf(chat), { timeout: 10_000 }).toBe(2);
  }, 30_000);

  it("answers a redelivered update once, whichever instance gets it", async () => {
    const chat = 4204;
    const greetings = () => fake.chat(chat).filter((m) => m.text.includes("您好")).length;
    const start = fake.textUpdate(chat, "/start");
    // The webhook answers once the turn is done; Telegram delivers again only after a failure or
    // a timeout, so the copy reaches the other instance after the first is handled.
    expect(await deliver(a, start)).toBe(200);
    expect(await deliver(b, start)).toBe(200);
    const before = fake.chat(chat).length;
    await deliver(b, fake.textUpdate(chat, "/help"));
    await fake.waitFor(
      () =>
        fake
          .chat(chat)
          .slice(before)
          .some((m) => m.text.includes("/back")),
      "help",
    );
    expect(greetings()).toBe(1);
  }, 30_000);
});

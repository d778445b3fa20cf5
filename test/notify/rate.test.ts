/** The pace of sends, on a clock the test moves: no real waiting, no timed assertions. */
import { describe, expect, it } from "vitest";
import { RateLimiter } from "../../src/notify/rate.ts";

function clocked(perSecond: number, perKeyMs: number) {
  let now = 0;
  const starts: [string, number][] = [];
  const limiter = new RateLimiter({
    perSecond,
    perKeyMs,
    now: () => now,
    sleep: async (ms) => {
      now += ms;
    },
  });
  const take = async (key: string) => {
    await limiter.take(key);
    starts.push([key, now]);
  };
  return { limiter, take, starts, advance: (ms: number) => (now += ms) };
}

describe("rate limiter", () => {
  it("spaces sends evenly to stay within the overall rate", async () => {
    const { take, starts } = clocked(30, 1000);
    for (let i = 0; i < 31; i++) await take(`chat-${i}`);
    const times = starts.map(([, t]) => t);
    // 31 sends to different chats span one second at 30 a second.
    expect(times.at(-1)).toBeCloseTo(1000, 6);
    expect(times.every((t, i) => i === 0 || t - (times[i - 1] ?? 0) >= 1000 / 30 - 1e-9)).toBe(true);
  });

  it("keeps one chat to one send a second", async () => {
    const { take, starts } = clocked(30, 1000);
    await take("a");
    await take("a");
    await take("b");
    expect(starts).toEqual([
      ["a", 0],
      ["a", 1000],
      ["b", 1000 + 1000 / 30],
    ]);
  });

  it("holds every send for as long as a 429 asked", async () => {
    const { limiter, take, starts } = clocked(30, 1000);
    await take("a");
    limiter.pause(5000);
    await take("b");
    expect(starts.at(-1)).toEqual(["b", 5000]);
  });
});

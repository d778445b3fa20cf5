import { describe, expect, it } from "vitest";
import { createLimits } from "../../src/bots/limits.ts";

/** A clock the test moves by hand, so refill is exact and no assertion depends on timing. */
function manualClock() {
  let t = 1_000_000;
  return { now: () => t, advance: (ms: number) => (t += ms) };
}

describe("per-user rate limit", () => {
  it("lets a burst through, refuses the next turn politely once, then stays quiet", () => {
    const clock = manualClock();
    const limits = createLimits({ burst: 3, turnsPerMinute: 6, now: clock.now });
    for (let i = 0; i < 3; i++) expect(limits.admit({ userKey: "telegram:1" }).ok).toBe(true);
    const first = limits.admit({ userKey: "telegram:1", lang: "zh" });
    expect(first).toMatchObject({ ok: false, reason: "rate" });
    expect(first.ok === false && first.notice).toContain("稍等");
    // A flood is told once, not once per message.
    const second = limits.admit({ userKey: "telegram:1", lang: "zh" });
    expect(second).toEqual({ ok: false, reason: "rate", notice: undefined });
  });

  it("gives turns back as time passes (6 a minute: one every 10 s)", () => {
    const clock = manualClock();
    const limits = createLimits({ burst: 1, turnsPerMinute: 6, now: clock.now });
    expect(limits.admit({ userKey: "u" }).ok).toBe(true);
    clock.advance(9_000);
    expect(limits.admit({ userKey: "u" }).ok).toBe(false);
    clock.advance(1_000);
    expect(limits.admit({ userKey: "u" }).ok).toBe(true);
  });

  it("keeps users apart: one user's flood does not block another", () => {
    const limits = createLimits({ burst: 1, now: manualClock().now });
    expect(limits.admit({ userKey: "telegram:1" }).ok).toBe(true);
    expect(limits.admit({ userKey: "telegram:1" }).ok).toBe(false);
    expect(limits.admit({ userKey: "telegram:2" }).ok).toBe(true);
  });

  it("forgets users who have recovered before one who is still over the limit", () => {
    const clock = manualClock();
    const limits = createLimits({ burst: 2, turnsPerMinute: 2, maxTrackedUsers: 10, now: clock.now });
    // The flooder is the oldest entry, so dropping the oldest would wrongly set them free.
    limits.admit({ userKey: "flooder" });
    limits.admit({ userKey: "flooder" });
    for (let i = 0; i < 9; i++) limits.admit({ userKey: `early:${i}` });
    clock.advance(30_000); // one turn back each: the early users are full again, the flooder is not
    expect(limits.admit({ userKey: "flooder" }).ok).toBe(true);
    for (let i = 0; i < 5; i++) limits.admit({ userKey: `late:${i}` });
    expect(limits.admit({ userKey: "flooder" }).ok).toBe(false);
  });
});

describe("inbound text cap", () => {
  it("refuses text over the cap with a notice naming the limit, in the user's language", () => {
    const limits = createLimits({ maxTextLength: 100 });
    const refused = limits.admit({ userKey: "u", text: "x".repeat(101), lang: "en" });
    expect(refused).toMatchObject({ ok: false, reason: "length" });
    expect(refused.ok === false && refused.notice).toMatch(/too long.*100/);
    expect(limits.admit({ userKey: "u", text: "x".repeat(100) }).ok).toBe(true);
  });

  it("speaks Chinese first and English second when the language is unknown", () => {
    const refused = createLimits({ maxTextLength: 10 }).admit({ userKey: "u", text: "长".repeat(11) });
    const notice = refused.ok ? "" : (refused.notice ?? "");
    expect(notice.split("\n")).toHaveLength(2);
    expect(notice.split("\n")[0]).toContain("太长");
    expect(notice.split("\n")[1]).toContain("too long");
  });
});

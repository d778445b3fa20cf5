/**
 * Issue 16, messages per turn, on both platforms, with the real grammY bot and Bolt app against
 * the fake APIs: an answer is one new message (the answered question edited in place and the
 * next question posted count as one), any side trip is one, the result is one; a tick on the
 * checklist adds none (it is redrawn in place).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Driver, type Step, slackDriver, telegramDriver } from "./drivers.ts";
import { converse } from "./script.ts";

describe.each([
  ["telegram", telegramDriver],
  ["slack", slackDriver],
] as const)("%s: new messages per turn", (_, make) => {
  let driver: Driver;
  let steps: Step[] = [];
  beforeAll(async () => {
    driver = await make();
    steps = await converse(driver);
  }, 60_000);
  afterAll(() => driver?.close());

  const counts = (pick: (s: Step) => boolean) =>
    steps.filter(pick).map((s) => `${s.kind} | ${s.user} | ${s.newMessages}`);
  const one = (list: string[]) => list.map((line) => line.replace(/\| \d+$/, "| 1"));

  it("an answer, pressed or typed, is one new message", () => {
    const answers = counts((s) => /^(answer|checklist: done)/.test(s.kind) && !s.kind.endsWith("the result"));
    expect(answers.length).toBeGreaterThan(5);
    expect(answers).toEqual(one(answers));
  });

  it("a side trip mid-questionnaire is one new message: an FAQ answer, an abstention, help, a hint", () => {
    const trips = counts((s) => /^(FAQ|help|bad input)/.test(s.kind));
    expect(trips).toHaveLength(4);
    expect(trips).toEqual(one(trips));
  });

  it("the result is one new message, with the last answer's acknowledgement and what follows it", () => {
    const result = counts((s) => s.kind.endsWith("→ the result"));
    expect(result).toHaveLength(1);
    expect(result).toEqual(one(result));
  });

  it("the welcome is one new message: the greeting and the first question together", () => {
    const welcome = counts((s) => s.kind.startsWith("welcome"));
    expect(welcome).toHaveLength(1);
    expect(welcome).toEqual(one(welcome));
  });

  it("/compare is one new message, and the comparison asked for early is one (its open question in it)", () => {
    const compare = counts((s) => s.kind.startsWith("compare"));
    expect(compare).toHaveLength(2);
    expect(compare).toEqual(one(compare));
  });

  it("a tick on the checklist adds no message: the checklist is redrawn in place", () => {
    const ticks = counts(
      (s) => s.kind.startsWith("checklist: an") || s.kind.startsWith("checklist: another"),
    );
    expect(ticks).toHaveLength(2);
    expect(ticks).toEqual(ticks.map((line) => line.replace(/\| \d+$/, "| 0")));
  });
});

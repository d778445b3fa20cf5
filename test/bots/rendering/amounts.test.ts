/**
 * Issue 16, one unit style per language on the chat platforms: in Chinese every amount of
 * 10,000 yuan or more is written in 万元, as the clauses' own quotes are ("3级20万元"), never
 * "230,000 元" beside "20万元"; and exactly, so no yuan is lost. Recorded from the real grammY bot
 * and Bolt app against the fake APIs, over the whole conversation of docs/rendering.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Driver, type Step, slackDriver, telegramDriver } from "./drivers.ts";
import { converse } from "./script.ts";

/** What a step put on screen as text: Telegram's message texts, Slack's block texts. */
function shownText(step: Step): string {
  const texts: string[] = [];
  const walk = (value: unknown, key?: string): void => {
    if (typeof value === "string" && (key === "text" || key === "caption" || key === "comment"))
      texts.push(value);
    else if (Array.isArray(value)) for (const v of value) walk(v);
    else if (value && typeof value === "object")
      for (const [k, v] of Object.entries(value)) if (k !== "document" && k !== "uploaded") walk(v, k);
  };
  for (const call of step.calls) walk(call.payload);
  return texts.join("\n");
}

/** "26 万元" → 260000, "5,000 元" → 5000. */
const yuanOf = (figure: string, wan: boolean) =>
  Math.round(Number(figure.replace(/,/g, "")) * (wan ? 1e4 : 1));

describe.each([
  ["telegram", telegramDriver],
  ["slack", slackDriver],
] as const)("%s: amounts in Chinese", (_, make) => {
  let driver: Driver;
  let steps: Step[] = [];
  beforeAll(async () => {
    driver = await make();
    steps = await converse(driver);
  }, 60_000);
  afterAll(() => driver?.close());

  it("writes no amount of 10,000 yuan or more in 元: 万元 throughout", () => {
    for (const step of steps) {
      const big = shownText(step).match(/\d{1,3}(?:,\d{3})+ 元|\d{5,} 元/g);
      expect(big, step.kind).toBeNull();
    }
  });

  it("reads a typed amount back in 万元, to the yuan", () => {
    const typed = steps.find((s) => s.user === "40万");
    expect(shownText(typed as Step)).toContain("记为：40 万元");
  });

  it("gives the result's total in 万元, the exact sum of its benefits' amounts", () => {
    const result = steps.find((s) => s.kind.endsWith("→ the result")) as Step;
    const text = shownText(result);
    const total = text.match(/估算合计最高 ([\d,.]+) (万元|元)/);
    const amounts = [...text.matchAll(/金额：最高 ([\d,.]+) (万元|元)/g)];
    expect(total?.[2]).toBe("万元");
    expect(amounts.length).toBeGreaterThan(1);
    const sum = amounts.reduce((n, m) => n + yuanOf(m[1] ?? "", m[2] === "万元"), 0);
    expect(yuanOf(total?.[1] ?? "", true)).toBe(sum);
  });

  it("writes the working in the same unit as the quote beside it", () => {
    const result = shownText(steps.find((s) => s.kind.endsWith("→ the result")) as Step);
    // The typed figures (40万, 300万, 1000万) appear in the working as 万, not as grouped yuan.
    expect(result).toMatch(/计算：40 万 × [^\n]*300 万 ÷ [^\n]*1,000 万 × 50%/);
    expect(result).not.toMatch(/\d{1,3},\d{3},\d{3}(?! 万)/);
  });
});

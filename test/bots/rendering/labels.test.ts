/**
 * Issue 16, short buttons: every button label the bots send is at most 12 characters, in Chinese
 * and in English (the full wording goes in the question's text), so a phone never cuts one off.
 * Recorded from the real grammY bot and Bolt app against the fake APIs: the conversation of
 * docs/rendering in Chinese, one in English, and each one's /profile (whose buttons name facts).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Driver, type Step, slackDriver, telegramDriver } from "./drivers.ts";
import { converse } from "./script.ts";

const MAX_LABEL = 12;
const TICK = "✅ ";

/** Every button label in a step's payloads: Telegram's inline keyboards, Slack's actions blocks. */
function labels(step: Step): string[] {
  const out: string[] = [];
  for (const { payload } of step.calls) {
    const keyboard = (payload.reply_markup as { inline_keyboard?: { text: string }[][] } | undefined)
      ?.inline_keyboard;
    for (const row of keyboard ?? []) for (const b of row) out.push(b.text);
    const blocks =
      (payload.blocks as { type: string; elements?: { type: string; text?: { text: string } }[] }[]) ?? [];
    for (const block of blocks)
      if (block.type === "actions")
        for (const e of block.elements ?? []) if (e.type === "button" && e.text) out.push(e.text.text);
  }
  return out.map((label) => (label.startsWith(TICK) ? label.slice(TICK.length) : label));
}

/** An English conversation to the result: Shijingshan, an enterprise, the DCMM area, level 3. */
async function converseInEnglish(d: Driver): Promise<Step[]> {
  const steps = [await d.start()];
  const press = async (label: string) => steps.push(await d.press("answer", label));
  await press("Shijingshan");
  await press("Enterprise");
  await press("DCMM");
  await press("Done");
  for (let i = 0; i < 30 && !d.lastReplies().some((r) => r.kind === "result"); i++) {
    const shown = d.buttons();
    if (shown.includes("No")) await press("No");
    else if (shown.includes("3")) await press(shown.includes("0") ? "0" : "3");
    else steps.push(await d.type("typed", "skip"));
  }
  return steps;
}

describe.each([
  ["telegram", telegramDriver],
  ["slack", slackDriver],
] as const)("%s: button labels", (_, make) => {
  const runs: Record<"zh" | "en", Step[]> = { zh: [], en: [] };
  const drivers: Driver[] = [];
  beforeAll(async () => {
    const zh = await make("zh");
    const en = await make("en");
    drivers.push(zh, en);
    runs.zh = [...(await converse(zh)), await zh.command("profile", "profile")];
    runs.en = [...(await converseInEnglish(en)), await en.command("profile", "profile")];
  }, 90_000);
  afterAll(async () => {
    for (const d of drivers) await d.close();
  });

  it.each(["zh", "en"] as const)("in %s, every label is at most 12 characters", (lang) => {
    const all = runs[lang].flatMap(labels);
    expect(all.length).toBeGreaterThan(20);
    expect(all.filter((label) => [...label].length > MAX_LABEL)).toEqual([]);
  });

  it("reached the result and the /profile edit buttons in English", () => {
    const all = runs.en.flatMap(labels);
    expect(all).toContain("Shijingshan");
    expect(
      runs.en.at(-1)?.calls.some((c) => labels({ ...runs.en.at(-1), calls: [c] } as Step).length > 2),
    ).toBe(true);
  });
});

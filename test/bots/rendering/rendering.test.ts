/**
 * docs/rendering/telegram.json and docs/rendering/slack.json: every kind of reply the advisor
 * gives, as the exact payloads the real grammY bot and the real Bolt app sent to the fake
 * platform APIs in one conversation (script.ts), so a reader can see what users get without a
 * phone. The test fails when a committed file is out of date; to write them again:
 *
 *   UPDATE_RENDERING=1 npx vitest run test/bots/rendering/rendering.test.ts
 */
import { readFileSync, writeFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { type Driver, type Step, slackDriver, telegramDriver } from "./drivers.ts";
import { converse } from "./script.ts";

const UPDATE = process.env.UPDATE_RENDERING === "1";
const REGENERATE = "UPDATE_RENDERING=1 npx vitest run test/bots/rendering/rendering.test.ts";

/** Each kind of reply the file must show, by the step that shows it. */
const KINDS: [string, (s: Step) => boolean][] = [
  ["welcome", (s) => s.kind.startsWith("welcome")],
  ["a question with buttons", (s) => s.kind.includes("→ a question with buttons")],
  ["a checklist", (s) => s.kind.includes("→ a checklist")],
  ["a checklist tick", (s) => s.kind.startsWith("checklist: an option ticked")],
  ["a question answered by typing", (s) => s.kind.includes("→ a question answered by typing")],
  ["an answer's acknowledgement", (s) => s.kind.startsWith("answer: an amount typed")],
  ["bad input", (s) => s.kind.startsWith("bad input")],
  ["an FAQ answer", (s) => s.kind.startsWith("FAQ answer")],
  ["an FAQ abstention", (s) => s.kind.startsWith("FAQ abstention")],
  ["help", (s) => s.kind.startsWith("help")],
  ["the result", (s) => s.kind.endsWith("→ the result")],
  ["the comparison", (s) => s.kind.startsWith("compare: the table")],
  ["an error", (s) => s.kind.startsWith("error")],
  ["a sheet's reply", (s) => s.kind.startsWith("sheet")],
];

const ABOUT: Record<Driver["platform"], string> = {
  telegram:
    "What the advisor sends to the Telegram Bot API in one conversation (a Shijingshan enterprise with a guarantee fee and DCMM level 3), call by call: the real grammY bot against a fake Bot API (test/bots/rendering). `text` is HTML parse mode; `reply_markup` the inline keyboard. Calls that show nothing (getUpdates, typing) are left out.",
  slack:
    "What the advisor sends to the Slack Web API in one conversation (a Shijingshan enterprise with a guarantee fee and DCMM level 3), call by call: the real Bolt app against a fake Web API (test/bots/rendering). `blocks` is Block Kit (paste one into https://app.slack.com/block-kit-builder to see it); `text` is the fallback notifications show. Calls that show nothing (auth.test) and the token are left out.",
};

describe.each([
  ["telegram", telegramDriver],
  ["slack", slackDriver],
] as const)("docs/rendering/%s.json", (platform, make) => {
  it("shows every kind of reply as sent, and is up to date", async () => {
    const driver = await make();
    let steps: Step[];
    try {
      steps = await converse(driver);
    } finally {
      await driver.close();
    }
    for (const [name, shows] of KINDS) expect(steps.some(shows), `a step showing ${name}`).toBe(true);
    const doc = {
      about: ABOUT[platform],
      regenerate: REGENERATE,
      steps: steps.map(({ kind, user, newMessages, calls }) => ({ kind, user, newMessages, calls })),
    };
    const text = `${JSON.stringify(doc, null, 2)}\n`;
    const file = `docs/rendering/${platform}.json`;
    if (UPDATE) writeFileSync(file, text);
    let committed = "";
    try {
      committed = readFileSync(file, "utf8");
    } catch {
      // Not written yet: reported below.
    }
    const stale = committed === "" ? [] : staleSteps(JSON.parse(committed).steps ?? [], doc.steps);
    expect(
      committed === text,
      `${file} is out of date (${stale.join("; ") || "missing"}): ${REGENERATE}`,
    ).toBe(true);
  });
});

/** The steps that differ, by kind, so the failure says what changed. */
function staleSteps(before: { kind: string }[], now: { kind: string }[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < Math.max(before.length, now.length); i++)
    if (JSON.stringify(before[i]) !== JSON.stringify(now[i])) out.push(now[i]?.kind ?? before[i]?.kind ?? "");
  return out.slice(0, 5);
}

/**
 * Issue 16, the result's footer names the commands that work on its surface, beside its buttons:
 * Telegram's /profile and /restart, Slack's `/advisor profile` and `/advisor restart` in a DM (a
 * channel thread: test/bots/slack/thread-commands.test.ts). Recorded from the real grammY bot and
 * Bolt app against the fake APIs (the conversation of docs/rendering).
 */
import { describe, expect, it } from "vitest";
import { type Step, slackDriver, telegramDriver } from "./drivers.ts";
import { converse } from "./script.ts";

const FOOTER = {
  telegram: ["/profile", "/restart"],
  slack: ["/advisor profile", "/advisor restart"],
};

describe.each([
  ["telegram", telegramDriver],
  ["slack", slackDriver],
] as const)("%s: the result's footer", (platform, make) => {
  it("names the surface's commands beside the buttons that do the same", async () => {
    const driver = await make();
    let steps: Step[];
    try {
      steps = await converse(driver);
    } finally {
      await driver.close();
    }
    const result = steps.find((s) => s.kind.endsWith("→ the result")) as Step;
    const sent = JSON.stringify(result.calls.filter((c) => /sendMessage|postMessage/.test(c.method)));
    for (const command of FOOTER[platform]) expect(sent).toContain(`${command} `);
    for (const label of ["修改回答", "重新开始", "对比其他区"]) expect(sent).toContain(`"${label}"`);
    // Nothing it says names a command form that does not work here (buttons carry commands as ids).
    const words = sent.replace(/"value":"[^"]*"/g, "");
    if (platform === "slack") expect(words).not.toMatch(/(?<!advisor )\/(profile|restart)\b/);
  });
});

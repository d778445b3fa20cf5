/** Commands typed as words: Slack reserves messages starting with "/" for its own slash commands. */
import { describe, expect, it } from "vitest";
import { asCommand, helpText } from "../../src/dialog/commands.ts";

describe("commands", () => {
  it.each([
    ["/back", "/back"],
    ["/back@policy_bot", "/back"],
    ["上一步", "/back"],
    ["重新开始", "/restart"],
    ["Restart", "/restart"],
    ["我的信息", "/profile"],
    ["profile", "/profile"],
    ["结果", "/result"],
    ["帮助", "/help"],
    ["English", "/lang"],
  ])("reads %s as %s", (text, name) => {
    expect(asCommand(text)?.name).toBe(name);
  });

  it("leaves ordinary answers and questions alone", () => {
    for (const text of ["是", "3000万", "返回的贴息有多少？", "profile of our company"]) {
      expect(asCommand(text)).toBeNull();
    }
  });

  it("lists in /help only the commands that work on the channel: the console cannot subscribe", () => {
    for (const lang of ["zh", "en"] as const) {
      expect(helpText(lang, "console")).not.toMatch(/\/(un)?subscribe/);
      expect(helpText(lang, "telegram")).toContain("/subscribe");
      expect(helpText(lang, "console")).toContain("/restart");
    }
  });
});

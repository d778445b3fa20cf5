import { afterEach, describe, expect, it } from "vitest";
import type { AdvisorService, Reply } from "../../../src/dialog/types.ts";
import { DM, type Harness, posted, startHarness } from "./harness.ts";

/** A result as long as a many-benefit triage can get, posted through the fake Web API. */
const LONG_RESULT: Reply = {
  kind: "result",
  title: "评估结果：可申请 60 项",
  sections: Array.from({ length: 60 }, (_, index) => ({
    heading: `通州 第 ${index + 1} 条`,
    body: "按照不超过实际完成固定资产投资（不含土建）的20%给予最高2000万元资金支持。\n".repeat(12),
  })),
  footer: "本评估仅供参考，以主管部门审核为准。",
};

describe("a long result", () => {
  let harness: Harness;
  afterEach(() => harness?.close());

  it("arrives as several messages in order, each within Slack's limits", async () => {
    const service: AdvisorService = { handle: async () => [LONG_RESULT] };
    harness = await startHarness({ service });
    await harness.send(DM("结果"));
    await harness.settle();
    const messages = posted(harness.fake);
    expect(messages.length).toBeGreaterThan(1);
    for (const message of messages) {
      expect(message.blocks.length).toBeLessThanOrEqual(50);
      expect(message.text.length).toBeGreaterThan(0);
      for (const block of message.blocks) expect(block.text?.text.length ?? 0).toBeLessThanOrEqual(3000);
    }
    const headings = messages
      .flatMap((message) => message.blocks)
      .map((block) => /^\*(通州 第 \d+ 条)\*/.exec(block.text?.text ?? "")?.[1])
      .filter(Boolean);
    expect(headings).toEqual(LONG_RESULT.kind === "result" ? LONG_RESULT.sections.map((s) => s.heading) : []);
  });
});

/** Issue 16: a question asked mid-questionnaire is one message, and the open question keeps its
 * live buttons where it is instead of being posted again under the answer. */
import { afterEach, describe, expect, it } from "vitest";
import { createLimits } from "../../../src/bots/limits.ts";
import { createAdvisorService } from "../../../src/dialog/service.ts";
import { createFaqIndex } from "../../../src/faq/index.ts";
import { loadPolicySet } from "../../../src/policy/load.ts";
import { MemoryStore } from "../../../src/store/memory.ts";
import { at, buttons, DM, type Harness, posted, startHarness } from "./harness.ts";

const set = loadPolicySet();

describe("a side trip in the middle of the questions", () => {
  let harness: Harness | undefined;
  afterEach(() => harness?.close());

  it.each([
    ["an FAQ question", "数据资产质押贷款有贴息吗？"],
    ["help", "帮助"],
  ])("%s gets one message and leaves the open question's buttons live", async (_, aside) => {
    const service = createAdvisorService({ set, store: new MemoryStore(), faq: createFaqIndex(set) });
    const h = await startHarness({ service, limits: createLimits({ burst: 1_000 }) });
    harness = h;
    await h.send(DM("你好"));
    await h.settle();
    const district = at(posted(h.fake), posted(h.fake).length - 1);
    const shijingshan = buttons(district).find((button) => button.label.includes("石景山"));
    await h.press(district, shijingshan?.value ?? "");
    await h.settle();
    const question = at(posted(h.fake), posted(h.fake).length - 1);
    expect(buttons(question).length).toBeGreaterThan(0);
    const before = posted(h.fake).length;
    const updates = h.fake.callsOf("chat.update").length;

    await h.send(DM(aside));
    await h.settle();

    expect(posted(h.fake).length).toBe(before + 1);
    expect(h.fake.callsOf("chat.update").length).toBe(updates);
    // The question's buttons still answer it.
    await h.press(question, at(buttons(question), 0).value);
    await h.settle();
    expect(h.fake.callsOf("chat.update").length).toBe(updates + 1);
    expect(posted(h.fake).length).toBeGreaterThan(before + 1);
  });
});

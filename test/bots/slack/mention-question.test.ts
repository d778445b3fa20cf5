/** Issue 16: a question in a channel mention is answered in its thread, with a button to start a
 * check, and no questionnaire nobody asked for. */
import { afterEach, describe, expect, it } from "vitest";
import { createLimits } from "../../../src/bots/limits.ts";
import { createAdvisorService } from "../../../src/dialog/service.ts";
import { createFaqIndex } from "../../../src/faq/index.ts";
import { loadPolicySet } from "../../../src/policy/load.ts";
import { MemoryStore } from "../../../src/store/memory.ts";
import { at, buttons, type Harness, MENTION, posted, startHarness } from "./harness.ts";

const set = loadPolicySet();
const THREAD = "1700000100.000200";

describe("a question in a channel mention", () => {
  let harness: Harness | undefined;
  afterEach(() => harness?.close());

  it("gets the answer and a start button in the thread; the button starts the check there", async () => {
    const service = createAdvisorService({ set, store: new MemoryStore(), faq: createFaqIndex(set) });
    const h = await startHarness({ service, limits: createLimits({ burst: 1_000 }) });
    harness = h;
    await h.send(MENTION(`<@${h.fake.botUserId}> 数据资产质押贷款有贴息吗？`));
    await h.settle();

    const replies = posted(h.fake);
    expect(replies).toHaveLength(2);
    for (const reply of replies) expect(reply.thread_ts).toBe(THREAD);
    const all = replies.map((reply) => reply.text).join("\n");
    expect(all).toMatch(/贴息/);
    expect(all).not.toContain("哪个区");
    const offer = at(replies, 1);
    const [start] = buttons(offer);
    expect(start?.label).toBe("开始测算");

    await h.press(offer, start?.value ?? "", { user: "U7" });
    await h.settle();
    const after = posted(h.fake).slice(2);
    expect(after.map((reply) => reply.text).join("\n")).toContain("哪个区");
    for (const reply of after) expect(reply.thread_ts).toBe(THREAD);
  });
});

/** What a chat app shows of a turn: side trips leave the open question where it is. */
import { describe, expect, it } from "vitest";
import { createAdvisorService } from "../../src/dialog/service.ts";
import type { Reply } from "../../src/dialog/types.ts";
import { loadPolicySet } from "../../src/policy/load.ts";
import { onScreen } from "../../src/render/on-screen.ts";
import { MemoryStore } from "../../src/store/memory.ts";

const set = loadPolicySet();

function chat() {
  const service = createAdvisorService({ set, store: new MemoryStore() });
  return (text: string): Promise<Reply[]> =>
    service.handle({
      channel: "telegram",
      conversationId: "telegram:7",
      userId: "7",
      event: { kind: "text", text },
    });
}

const kinds = (replies: Reply[]) => replies.map((reply) => reply.kind);

describe("onScreen", () => {
  it("shows an FAQ answer mid-questionnaire alone, while the console still gets the question again", async () => {
    const say = chat();
    await say("石景山");
    const replies = await say("数据资产质押贷款有贴息吗？");
    expect(kinds(replies)).toContain("question");
    expect(kinds(onScreen(replies))).toEqual(["text"]);
  });

  it("posts the question afresh when the language changes, since the copy on screen is in the other one", async () => {
    const say = chat();
    await say("石景山");
    const shown = onScreen(await say("/lang en"));
    expect(kinds(shown)).toEqual(["text", "question"]);
    expect(shown[1]?.kind === "question" && /[a-z]/i.test(shown[1].text)).toBe(true);
  });

  it("keeps a restatement when the turn says nothing else", () => {
    const again: Reply = { kind: "text", text: "接着刚才的问题：", restates: true };
    expect(onScreen([again])).toEqual([again]);
  });
});

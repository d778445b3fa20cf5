/** Issue 16: the commands Slack's help lists are the ones that work there, each as /advisor <name>. */
import { afterEach, describe, expect, it } from "vitest";
import { createLimits } from "../../../src/bots/limits.ts";
import { createAdvisorService } from "../../../src/dialog/service.ts";
import { loadPolicySet } from "../../../src/policy/load.ts";
import { MemoryStore } from "../../../src/store/memory.ts";
import { DM, type Harness, posted, startHarness } from "./harness.ts";

const set = loadPolicySet();
let harness: Harness | undefined;
afterEach(async () => {
  await harness?.close();
  harness = undefined;
});

describe("Slack's help", () => {
  it("lists commands as /advisor <name>, and each of them works when sent that way", async () => {
    const h = await startHarness({
      service: createAdvisorService({ set, store: new MemoryStore() }),
      limits: createLimits({ burst: 1_000 }),
    });
    harness = h;
    await h.send(DM("你好"));
    await h.settle();
    await h.command("help");
    await h.settle();
    const help = posted(h.fake).at(-1)?.text ?? "";
    const names = [...help.matchAll(/^\/advisor ([a-z]+)/gm)].map((m) => m[1] ?? "");
    expect(names).toEqual(
      expect.arrayContaining(["restart", "back", "profile", "lang", "subscribe", "help"]),
    );
    for (const name of names) {
      const before = posted(h.fake).length;
      await h.command(name);
      await h.settle();
      const replies = posted(h.fake)
        .slice(before)
        .map((m) => m.text)
        .join("\n");
      expect(replies, name).not.toMatch(/不认识的命令|Unknown command|用法：|Usage:/);
    }
  });
});

/**
 * Closed numeric sets and skips on Slack, as the Web API calls show them (real Bolt, real
 * dialog, the fake Web API): a DCMM level is buttons from the fact's bounds in the data, an
 * amount question carries a 跳过 button, and a press is one new message (the next question).
 */
import { afterEach, describe, expect, it } from "vitest";
import { createLimits } from "../../../src/bots/limits.ts";
import { createAdvisorService } from "../../../src/dialog/service.ts";
import { loadPolicySet } from "../../../src/policy/load.ts";
import { MemoryStore } from "../../../src/store/memory.ts";
import { buttons, DM, type Harness, type PostedMessage, posted, startHarness } from "./harness.ts";

const set = loadPolicySet();
let harness: Harness | undefined;
afterEach(async () => {
  await harness?.close();
  harness = undefined;
});

function levels(path: string): string[] {
  const fact = set.facts.get(path);
  if (fact?.type !== "integer") throw new Error(`${path} is not an integer fact`);
  return Array.from({ length: fact.max - fact.min + 1 }, (_, i) => String(fact.min + i));
}

const last = (h: Harness) => posted(h.fake).at(-1) as PostedMessage;

async function say(h: Harness, text: string) {
  await h.send(DM(text));
  await h.settle();
}

async function press(h: Harness, label: RegExp) {
  const message = last(h);
  const button = buttons(message).find((b) => label.test(b.label));
  if (!button) throw new Error(`no button ${String(label)} in ${JSON.stringify(buttons(message))}`);
  const before = posted(h.fake).length;
  await h.press(message, button.value);
  await h.settle();
  return { message, posted: posted(h.fake).length - before };
}

async function start(area: string) {
  harness = await startHarness({
    service: createAdvisorService({ set, store: new MemoryStore() }),
    limits: createLimits({ burst: 1_000 }),
  });
  await say(harness, "你好");
  await press(harness, /石景山/);
  await press(harness, /^企业$/);
  await say(harness, area);
  return harness;
}

describe("closed sets and skips on Slack", () => {
  it("offers the DCMM level as buttons from the data's bounds, then the level already funded", async () => {
    const h = await start("DCMM");
    expect(last(h).text).toContain("DCMM");
    const labels = buttons(last(h)).map((b) => b.label);
    expect(labels.slice(0, -1)).toEqual(levels("dcmm.level"));
    expect(labels.at(-1)).toMatch(/跳过/);
    const pressed = await press(h, /^3$/);
    expect(pressed.posted).toBe(1);
    const closed = h.fake.callsOf("chat.update").find((c) => c.args.ts === pressed.message.ts);
    expect(JSON.stringify(closed?.args.blocks)).toContain("✓ 3");
    expect(
      buttons(last(h))
        .map((b) => b.label)
        .slice(0, -1),
    ).toEqual(levels("dcmm.previousAwardedLevel"));
  });

  it("puts a 跳过 button under an amount question", async () => {
    const h = await start("融资");
    expect(last(h).text).toContain("担保费");
    expect(buttons(last(h)).map((b) => b.label)).toEqual(["跳过"]);
    expect(last(h).text).not.toContain("不清楚可回复");
    expect((await press(h, /^跳过$/)).posted).toBe(1);
  });
});

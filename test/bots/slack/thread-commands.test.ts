/**
 * Issue 16, every surface shows only commands that work there: in a Slack channel the
 * conversation lives in a thread, where `/advisor …` cannot reach it (a slash command names
 * the channel, not the thread), so there the welcome, the answers' read-backs, the help and the
 * result's footer name the words that work in the thread (“重新开始”, “我的信息”), and each
 * word named does what it says. Real Bolt app, real dialog service, the fake Web API.
 */
import { afterEach, describe, expect, it } from "vitest";
import { createLimits } from "../../../src/bots/limits.ts";
import { createAdvisorService } from "../../../src/dialog/service.ts";
import { createFaqIndex } from "../../../src/faq/index.ts";
import { loadPolicySet } from "../../../src/policy/load.ts";
import { MemoryStore } from "../../../src/store/memory.ts";
import { buttons, type Harness, MENTION, type PostedMessage, posted, startHarness, TEAM } from "./harness.ts";

const set = loadPolicySet();
const THREAD = "1700000100.000200";

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

/** A reply in the thread, as a person types it there. */
let ts = 1_700_000_200;
const inThread = (text: string) => {
  ts += 1;
  return {
    type: "message",
    channel: "C9",
    channel_type: "channel",
    user: "U7",
    team: TEAM,
    text,
    ts: `${ts}.000100`,
    thread_ts: THREAD,
  };
};

/** All a message says: its fallback and its blocks' texts. */
const said = (m: PostedMessage) => JSON.stringify([m.text, m.blocks]);

async function open(): Promise<Harness> {
  const service = createAdvisorService({ set, store: new MemoryStore(), faq: createFaqIndex(set) });
  h = await startHarness({ service, limits: createLimits({ burst: 1000 }) });
  await h.send(MENTION(`<@${h.fake.botUserId}>`));
  await h.settle();
  return h;
}

async function press(harness: Harness, label: string) {
  const message = posted(harness.fake)
    .filter((m) => buttons(m).length > 0)
    .at(-1) as PostedMessage;
  const button = buttons(message).find((b) => b.label.includes(label));
  if (!button) throw new Error(`no button "${label}"`);
  await harness.press(message, button.value, { user: "U7" });
  await harness.settle();
}

async function type(harness: Harness, text: string) {
  await harness.send(inThread(text));
  await harness.settle();
  return posted(harness.fake).at(-1) as PostedMessage;
}

describe("commands in a Slack channel thread", () => {
  it("are named by the words that work in the thread, never /advisor", async () => {
    const harness = await open();
    await press(harness, "石景山");
    await press(harness, "企业");
    await press(harness, "DCMM");
    await press(harness, "完成");
    const readBack = await type(harness, "3");
    await type(harness, "帮助");
    await type(harness, "结果");
    const all = posted(harness.fake);
    expect(all.every((m) => m.thread_ts === THREAD)).toBe(true);
    expect(all.filter((m) => said(m).includes("/advisor")).map((m) => m.text)).toEqual([]);
    expect(all.filter((m) => /(^|[\s（“，])\/[a-z]+/.test(m.text)).map((m) => m.text)).toEqual([]);
    // The read-back says how to undo in the thread's words.
    expect(said(readBack)).toContain("“上一步”");
  });

  it("lists in /help only words that work, and each does what it says", async () => {
    const harness = await open();
    await press(harness, "石景山");
    const help = await type(harness, "帮助");
    for (const word of ["重新开始", "上一步", "我的信息", "结果", "帮助"])
      expect(said(help)).toContain(`“${word}”`);
    const profile = await type(harness, "我的信息");
    expect(said(profile)).toContain("目前已收集的信息");
    const back = await type(harness, "上一步");
    expect(said(back)).toContain("已撤销");
  });

  it("gives the result's footer the thread's words beside its buttons", async () => {
    const harness = await open();
    await press(harness, "都不是");
    await press(harness, "不用了");
    const result = posted(harness.fake).at(-1) as PostedMessage;
    expect(buttons(result).map((b) => b.label)).toEqual(expect.arrayContaining(["修改回答", "重新开始"]));
    expect(said(result)).toContain("“我的信息”");
    expect(said(result)).toContain("“重新开始”");
    expect(said(result)).not.toContain("/advisor");
  });
});

/**
 * The area checklist on Slack, as the Web API calls show it (real Bolt, real dialog, the fake
 * Web API): the buttons redrawn in place with chat.update, ✅ on what is ticked, short labels,
 * a done button in the conversation's language, and a line of what was chosen left on the
 * question after done, with the next question the turn's one new message.
 */
import { afterEach, describe, expect, it } from "vitest";
import { createLimits } from "../../../src/bots/limits.ts";
import { createAdvisorService } from "../../../src/dialog/service.ts";
import { loadPolicySet } from "../../../src/policy/load.ts";
import { MemoryStore } from "../../../src/store/memory.ts";
import {
  buttons,
  DM,
  type Harness,
  type PostedBlock,
  type PostedMessage,
  posted,
  startHarness,
} from "./harness.ts";

const set = loadPolicySet();
let harness: Harness | undefined;
afterEach(async () => {
  await harness?.close();
  harness = undefined;
});

/** Each message as the user sees it now: posted, then possibly redrawn by chat.update. */
function current(h: Harness): PostedMessage[] {
  const messages = posted(h.fake);
  for (const update of h.fake.callsOf("chat.update")) {
    const message = messages.find((m) => m.ts === update.args.ts);
    if (message) message.blocks = update.args.blocks as PostedBlock[];
  }
  return messages;
}

const counts = (h: Harness) => ({
  posted: h.fake.callsOf("chat.postMessage").length,
  updated: h.fake.callsOf("chat.update").length,
});

async function press(h: Harness, message: PostedMessage, which: RegExp | string) {
  const button = buttons(message).find((b) =>
    typeof which === "string" ? b.value === which : which.test(b.label),
  );
  if (!button) throw new Error(`no button ${String(which)} in ${JSON.stringify(buttons(message))}`);
  const before = counts(h);
  await h.press(message, button.value);
  await h.settle();
  const after = counts(h);
  return { posted: after.posted - before.posted, updated: after.updated - before.updated };
}

async function toChecklist(h: Harness, lang: "zh" | "en"): Promise<PostedMessage> {
  await h.send(DM(lang === "zh" ? "你好" : "hello"));
  await h.settle();
  const last = () => current(h).at(-1) as PostedMessage;
  await press(h, last(), lang === "zh" ? /石景山/ : /Shijingshan/);
  await press(h, last(), lang === "zh" ? /^企业$/ : /^Enterprise$/);
  const checklist = last();
  if (!buttons(checklist).some((b) => b.value === "done"))
    throw new Error("the checklist is not the last message");
  return checklist;
}

const start = async () => {
  harness = await startHarness({
    service: createAdvisorService({ set, store: new MemoryStore() }),
    limits: createLimits({ burst: 1_000 }),
  });
  return harness;
};

describe("the area checklist on Slack", () => {
  it("redraws the buttons in place on each tick, marking the ticked options ✅", async () => {
    const h = await start();
    const checklist = await toChecklist(h, "zh");
    const [first, second] = buttons(checklist);
    if (!first || !second) throw new Error("expected options");

    expect(await press(h, checklist, first.value)).toEqual({ posted: 0, updated: 1 });
    expect(h.fake.callsOf("chat.update").at(-1)?.args.ts).toBe(checklist.ts);
    let now = current(h).find((m) => m.ts === checklist.ts) as PostedMessage;
    expect(buttons(now).find((b) => b.value === first.value)?.label).toBe(`✅ ${first.label}`);
    expect(buttons(now).find((b) => b.value === second.value)?.label).toBe(second.label);

    expect(await press(h, now, second.value)).toEqual({ posted: 0, updated: 1 });
    now = current(h).find((m) => m.ts === checklist.ts) as PostedMessage;
    expect(
      buttons(now)
        .filter((b) => b.label.startsWith("✅"))
        .map((b) => b.value),
    ).toEqual([first.value, second.value]);
  });

  it("shows short labels, the full wording in the question, and a done button in each language", async () => {
    const h = await start();
    const checklist = await toChecklist(h, "zh");
    for (const b of buttons(checklist)) expect([...b.label].length).toBeLessThanOrEqual(12);
    expect(buttons(checklist).find((b) => b.value === "done")?.label).toBe("完成");
    expect(JSON.stringify(checklist.blocks)).toContain("算力、数据流通或安全设施、可信数据空间");
    await h.close();

    const en = await start();
    const english = await toChecklist(en, "en");
    for (const b of buttons(english)) expect([...b.label].length).toBeLessThanOrEqual(12);
    expect(buttons(english).find((b) => b.value === "done")?.label).toBe("Done");
  });

  it("after done keeps a line of what was chosen on the question, and posts only the next question", async () => {
    const h = await start();
    const checklist = await toChecklist(h, "zh");
    const picks = buttons(checklist)
      .filter((b) => /\.\d+$/.test(b.value))
      .slice(0, 2);
    for (const pick of picks)
      await press(h, current(h).find((m) => m.ts === checklist.ts) as PostedMessage, pick.value);
    const done = await press(h, current(h).find((m) => m.ts === checklist.ts) as PostedMessage, "done");
    expect(done).toEqual({ posted: 1, updated: 1 });
    const closed = current(h).find((m) => m.ts === checklist.ts) as PostedMessage;
    expect(buttons(closed)).toEqual([]);
    const record = closed.blocks.at(-1);
    expect(record?.type).toBe("context");
    expect(JSON.stringify(record)).toContain(`✓ ${picks.map((p) => p.label).join("、")}`);
  });

  it("keeps the checklist's buttons when done is pressed with nothing ticked, under the hint", async () => {
    const h = await start();
    const checklist = await toChecklist(h, "zh");
    expect(await press(h, checklist, "done")).toEqual({ posted: 1, updated: 0 });
    expect(current(h).at(-1)?.text).toContain("还没有选择");
    const still = current(h).find((m) => m.ts === checklist.ts) as PostedMessage;
    expect(buttons(still).map((b) => b.value)).toEqual(buttons(checklist).map((b) => b.value));
  });
});

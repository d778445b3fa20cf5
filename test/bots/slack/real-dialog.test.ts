/**
 * Whole conversations through Slack with the real dialog service and store, so the adapter
 * is shown to carry what the dialog actually says (ids, progress, results) both ways.
 */
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { createLimits } from "../../../src/bots/limits.ts";
import { createAdvisorService } from "../../../src/dialog/service.ts";
import { loadPolicySet } from "../../../src/policy/load.ts";
import { FileStore } from "../../../src/store/file.ts";
import { MemoryStore } from "../../../src/store/memory.ts";
import type { Store, TriageRecord } from "../../../src/store/types.ts";
import type { FakeSlack } from "../../support/fake-slack.ts";
import {
  at,
  buttons,
  DM,
  type Harness,
  type PostedBlock,
  type PostedMessage,
  posted,
  startHarness,
} from "./harness.ts";

const set = loadPolicySet();

/** Each message as the user sees it now: posted, then possibly redrawn by chat.update. */
function currentMessages(fake: FakeSlack): PostedMessage[] {
  const messages = posted(fake);
  for (const update of fake.callsOf("chat.update")) {
    const message = messages.find((candidate) => candidate.ts === update.args.ts);
    if (message) message.blocks = update.args.blocks as PostedBlock[];
  }
  return messages;
}

/** Plays a user who answers every question: the first real option, a figure for an amount,
 * done after one tick. Returns once a result (a message with a header) has been posted. */
async function answerUntilResult(harness: Harness): Promise<PostedMessage> {
  const ticked = new Set<string>();
  for (let turn = 0; turn < 80; turn += 1) {
    await harness.settle();
    const messages = currentMessages(harness.fake);
    const result = messages.find((message) => message.blocks.some((block) => block.type === "header"));
    if (result) return result;
    const last = at(messages, messages.length - 1);
    // A several-answers question stays open, its ticks redrawn on it, until done.
    const open = [...messages]
      .reverse()
      .find((message) => buttons(message).some((option) => option.value === "done"));
    const options = buttons(last);
    if (open && ticked.has(open.ts)) {
      await harness.press(open, "done");
    } else if (options.length === 0) {
      // A figure for an amount in yuan; "skip" (offered in the question's help) for anything else.
      await harness.send(DM(last.text.includes("元") ? "3000万" : "跳过"));
    } else {
      const choice = options.find((option) => !/\.(u|o|f)$/.test(option.value) && option.value !== "done");
      ticked.add(last.ts);
      await harness.press(last, (choice ?? at(options, 0)).value);
    }
  }
  const transcript = currentMessages(harness.fake)
    .map((m) => m.text)
    .join("\n---\n");
  throw new Error(`no result after 80 turns:\n${transcript.slice(-3000)}`);
}

async function allRecords(store: Store): Promise<TriageRecord[]> {
  const records: TriageRecord[] = [];
  for await (const record of store.export()) records.push(record);
  return records;
}

describe("a conversation with the real advisor", () => {
  const cleanup: Array<() => Promise<void>> = [];
  afterEach(async () => {
    for (const step of cleanup.splice(0).reverse()) await step();
  });

  it("runs from hello to a result over direct messages and keeps a triage record", async () => {
    const store = new MemoryStore();
    // A scripted user answers far faster than a person; the rate limit is not under test here.
    const limits = createLimits({ burst: 1_000 });
    const harness = await startHarness({ service: createAdvisorService({ set, store }), limits });
    cleanup.push(() => harness.close());

    await harness.send(DM("你好"));
    await harness.settle();
    const first = currentMessages(harness.fake);
    expect(first.map((message) => message.text).join("\n")).toContain("哪个区");
    const result = await answerUntilResult(harness);

    for (const message of currentMessages(harness.fake)) {
      expect(message.channel).toBe("D1");
      expect(message.blocks.length).toBeLessThanOrEqual(50);
      for (const block of message.blocks) expect(block.text?.text.length ?? 0).toBeLessThanOrEqual(3000);
    }
    expect(result.text.length).toBeGreaterThan(0);
    const records = await allRecords(store);
    expect(records).toHaveLength(1);
    expect(at(records, 0)).toMatchObject({ channel: "slack", conversationId: "slack:T1:D1", userId: "U1" });
  });

  it("resumes after a restart: a new adapter and service on the same data directory", async () => {
    const dir = await mkdtemp(join(tmpdir(), "slack-restart-"));
    cleanup.push(() => rm(dir, { recursive: true, force: true }));

    const storeBefore = await FileStore.open(dir);
    const before = await startHarness({ service: createAdvisorService({ set, store: storeBefore }) });
    await before.send(DM("你好"));
    await before.settle();
    const districtQuestion = at(posted(before.fake), posted(before.fake).length - 1);
    await before.press(districtQuestion, at(buttons(districtQuestion), 1).value);
    await before.settle();
    const secondQuestion = at(posted(before.fake), posted(before.fake).length - 1);
    expect(JSON.stringify(secondQuestion.blocks)).toContain("贵单位属于哪类主体");
    await before.close();
    await storeBefore.close();

    const storeAfter = await FileStore.open(dir);
    cleanup.push(() => storeAfter.close());
    const after = await startHarness({ service: createAdvisorService({ set, store: storeAfter }) });
    cleanup.push(() => after.close());
    // The user answers the question they were shown before the restart.
    await after.press(secondQuestion, at(buttons(secondQuestion), 0).value);
    await after.settle();
    const replies = posted(after.fake);
    expect(replies.length).toBeGreaterThan(0);
    const shown = replies.map((message) => `${message.text}${JSON.stringify(message.blocks)}`).join("\n");
    expect(shown).toContain("贵单位涉及以下哪些方面");
    expect(shown).not.toContain("您好");
  });
});

/** A staff sheet shared in a DM with the real Bolt app, against the fake Web API: downloaded with
 * the bot token, the result uploaded back with files.uploadV2 and a one-line summary; refusals
 * are clear; the conversation is not touched. */
import { afterEach, describe, expect, it } from "vitest";
import { createLimits } from "../../../src/bots/limits.ts";
import { SAMPLE_SHEET } from "../../support/sample-sheet.ts";
import { BOT_TOKEN, DM, type Harness, MENTION, ScriptedService, startHarness } from "./harness.ts";

const SHEET = SAMPLE_SHEET;

describe("slack: a sheet shared in a DM", () => {
  let harness: Harness;
  afterEach(() => harness?.close());

  it("is answered with the result sheet in the DM and the summary, the conversation untouched", async () => {
    const service = new ScriptedService();
    harness = await startHarness({ service });
    const { fake } = harness;
    const file = fake.shareFile("名单.csv", Buffer.from(SHEET));
    expect((await harness.send(DM("", { subtype: "file_share", files: [file] }))).status).toBe(200);
    await harness.settle();
    expect(fake.downloads).toEqual([{ id: "F1", token: BOT_TOKEN }]);
    const [upload] = fake.uploads;
    expect(upload).toMatchObject({ filename: "名单-结果.csv", channel: "D1" });
    expect(upload?.comment).toBe("3 家企业，2 家有匹配，合计最高 2,020 万元；1 行有错误");
    expect(upload?.bytes?.toString("utf8")).toContain("A1,甲公司,shijingshan,200000");
    expect(service.inputs).toHaveLength(0);
    expect(fake.callsOf("chat.postMessage")).toHaveLength(0);
  });

  it("refuses a file over 5 MB without downloading it, and one that is not a spreadsheet", async () => {
    harness = await startHarness();
    const { fake } = harness;
    const big = fake.shareFile("big.xlsx", Buffer.from("x"), 6 * 1024 * 1024);
    await harness.send(DM("", { subtype: "file_share", files: [big] }));
    await harness.settle();
    expect(String(fake.callsOf("chat.postMessage").at(-1)?.args.text)).toContain("5 MB");
    const pdf = fake.shareFile("report.pdf", Buffer.from("%PDF-1.7"));
    await harness.send(DM("", { subtype: "file_share", files: [pdf] }));
    await harness.settle();
    expect(String(fake.callsOf("chat.postMessage").at(-1)?.args.text)).toContain(".xlsx 或 .csv");
    expect(fake.downloads).toHaveLength(0);
    expect(fake.uploads).toHaveLength(0);
  });

  it("answers a retry of a sheet Slack got no acknowledgement for (the first delivery died with its instance)", async () => {
    harness = await startHarness();
    const { fake } = harness;
    const file = fake.shareFile("名单.csv", Buffer.from(SHEET));
    const retry = await harness.send(DM("", { subtype: "file_share", files: [file] }), { retryNum: 1 });
    expect(retry.status).toBe(200);
    await harness.settle();
    expect(fake.uploads).toHaveLength(1);
  });

  it("counts a sheet against the user's rate limit, as a message is", async () => {
    // A frozen clock: the one turn of the burst is never given back.
    harness = await startHarness({ limits: createLimits({ burst: 1, now: () => 0 }) });
    const { fake } = harness;
    for (const name of ["a.csv", "b.csv"]) {
      const file = fake.shareFile(name, Buffer.from(SHEET));
      await harness.send(DM("", { subtype: "file_share", files: [file] }));
      await harness.settle();
    }
    expect(fake.uploads).toHaveLength(1);
    expect(fake.downloads).toHaveLength(1);
    expect(String(fake.callsOf("chat.postEphemeral").at(-1)?.args.text)).toContain("请稍等");
  });

  it("in a channel is not triaged in public: the thread is told to send it in a DM", async () => {
    const service = new ScriptedService();
    harness = await startHarness({ service });
    const { fake } = harness;
    const file = fake.shareFile("名单.xlsx", Buffer.from("x"));
    const mention = MENTION(`<@${fake.botUserId}> 帮我看看这个表`, { files: [file] });
    expect((await harness.send(mention)).status).toBe(200);
    await harness.settle();
    const [reply] = fake.callsOf("chat.postMessage");
    expect(reply?.args).toMatchObject({ channel: "C9", thread_ts: "1700000100.000200" });
    expect(String(reply?.args.text)).toContain("私信");
    expect(fake.downloads).toHaveLength(0);
    expect(fake.uploads).toHaveLength(0);
    expect(service.inputs).toHaveLength(0);
  });
});

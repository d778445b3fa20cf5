/**
 * Issue 16, the result's 导出 button: pressed, it sends the result as a file in one new message
 * (Telegram sendDocument, Slack files.uploadV2), the staff sheet's columns with the same total the
 * result shows. Recorded from the real grammY bot and Bolt app against the fake APIs.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Driver, type Step, slackDriver, telegramDriver } from "./drivers.ts";

/** The result's text as sent, and the step that pressed 导出 under it. */
async function exportAfterResult(d: Driver): Promise<{ result: Step; exported: Step }> {
  await d.start();
  for (const label of ["石景山", "企业", "融资", "DCMM", "完成"]) await d.press("answer", label);
  let result: Step | undefined;
  for (let i = 0; i < 30 && !result; i++) {
    const shown = d.buttons();
    const pick = ["否", "3", "不知道／跳过"].find((label) => shown.includes(label));
    const step = pick ? await d.press("answer", pick) : await d.type("typed", "300万");
    if (d.lastReplies().some((r) => r.kind === "result")) result = step;
  }
  if (!result) throw new Error(`no result: ${JSON.stringify(d.lastReplies()).slice(0, 600)}`);
  return { result, exported: await d.press("export", "导出") };
}

describe.each([
  ["telegram", telegramDriver],
  ["slack", slackDriver],
] as const)("%s: exporting the result", (platform, make) => {
  let driver: Driver;
  let run: { result: Step; exported: Step };
  beforeAll(async () => {
    driver = await make();
    run = await exportAfterResult(driver);
  }, 60_000);
  afterAll(() => driver?.close());

  it("offers 导出 beside the result's other buttons", () => {
    expect(JSON.stringify(run.result.calls)).toContain('"导出"');
  });

  it("sends one file, the staff sheet's columns, with the total the result shows", () => {
    expect(run.exported.newMessages).toBe(1);
    const call = run.exported.calls.find((c) =>
      platform === "telegram" ? c.method === "sendDocument" : c.method === "files.completeUploadExternal",
    );
    const payload = call?.payload as { document?: { text: string }; uploaded?: string[] } | undefined;
    const csv = (platform === "telegram" ? payload?.document?.text : payload?.uploaded?.[0]) ?? "";
    const [header = "", row = ""] = csv.replace(/^\uFEFF/, "").split("\r\n");
    const columns = header.split(",");
    expect(columns.slice(0, 4)).toEqual(["id", "name", "district", "totalMax"]);
    const shown = JSON.stringify(run.result.calls).match(/估算合计最高 ([\d,.]+) 万元/)?.[1] ?? "";
    const total = Math.round(Number(shown.replace(/,/g, "")) * 1e4);
    expect(total).toBeGreaterThan(0);
    expect(row.split(",")[columns.indexOf("totalMax")]).toBe(String(total));
  });
});

/** A staff sheet sent to the real grammY bot as a document, against the fake Bot API: the result
 * sheet comes back in the same chat with a one-line summary; refusals are clear; the
 * conversation is not touched. */
import ExcelJS from "exceljs";
import { afterEach, describe, expect, it } from "vitest";
import { createLimits } from "../../../src/bots/limits.ts";
import { SAMPLE_SHEET } from "../../support/sample-sheet.ts";
import { type Harness, startHarness } from "./harness.ts";

const CHAT = 3030;
const SHEET = SAMPLE_SHEET;

let h: Harness;
afterEach(async () => {
  await h?.close();
});

async function send(file: { name: string; bytes: Buffer; size?: number }, languageCode?: string) {
  const replies = h.fake.documents.length + h.fake.callsOf("sendMessage").length;
  h.fake.queue(h.fake.documentUpdate(CHAT, file, { languageCode }));
  await h.fake.waitFor(
    () => h.fake.documents.length + h.fake.callsOf("sendMessage").length > replies,
    "the bot's answer to the file",
  );
}

describe("telegram: a sheet sent as a file", () => {
  it("comes back triaged, as the same format, with the summary, and the conversation untouched", async () => {
    h = await startHarness();
    await send({ name: "企业名单.csv", bytes: Buffer.from(`\uFEFF${SHEET}`) }, "zh-hans");
    const [doc] = h.fake.documents;
    expect(doc?.chatId).toBe(CHAT);
    expect(doc?.fileName).toBe("企业名单-结果.csv");
    expect(doc?.caption).toBe("3 家企业，2 家有匹配，合计最高 2,020 万元；1 行有错误");
    expect([...(doc?.bytes.subarray(0, 3) ?? [])]).toEqual([0xef, 0xbb, 0xbf]);
    const text = doc?.bytes.toString("utf8") ?? "";
    expect(text).toContain("A2,乙公司,tongzhou,20000000");
    expect(text).toMatch(/A3,丙公司.*district/);
    expect(h.fake.downloads).toHaveLength(1);
    expect(h.service.turns).toHaveLength(0);
    expect(await h.store.load(`telegram:${CHAT}`)).toBeUndefined();
  });

  it("reads an xlsx and answers with an xlsx, in English for an English user", async () => {
    h = await startHarness();
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet("list");
    for (const line of SHEET.split("\n")) sheet.addRow(line.split(","));
    const bytes = Buffer.from(await book.xlsx.writeBuffer());
    await send({ name: "list.xlsx", bytes }, "en");
    const [doc] = h.fake.documents;
    expect(doc?.fileName).toBe("list-results.xlsx");
    expect(doc?.caption).toBe(
      "3 entities, 2 with a match, at most CNY 20,200,000 in total; 1 row with errors",
    );
    const back = new ExcelJS.Workbook();
    await back.xlsx.load(doc?.bytes as unknown as ArrayBuffer);
    expect(back.worksheets[0]?.getRow(3).getCell(4).value).toBe(20_000_000);
  });

  it("refuses a file over 5 MB before downloading it, and a file that is not a spreadsheet", async () => {
    h = await startHarness();
    await send({ name: "big.xlsx", bytes: Buffer.from("x"), size: 6 * 1024 * 1024 }, "zh");
    expect(String(h.fake.callsOf("sendMessage").at(-1)?.payload.text)).toContain("5 MB");
    expect(h.fake.downloads).toHaveLength(0);
    await send({ name: "photo.jpg", bytes: Buffer.from([0xff, 0xd8, 0xff]) }, "zh");
    expect(String(h.fake.callsOf("sendMessage").at(-1)?.payload.text)).toContain(".xlsx 或 .csv");
    await send({ name: "fake.xlsx", bytes: Buffer.from("not a zip") }, "en");
    expect(String(h.fake.callsOf("sendMessage").at(-1)?.payload.text)).toMatch(/not a spreadsheet/);
    expect(h.fake.documents).toHaveLength(0);
    expect(h.service.turns).toHaveLength(0);
  });

  it("refuses a sheet of more than 10,000 rows", async () => {
    h = await startHarness();
    const rows = Array.from({ length: 10_001 }, (_, i) => `R${i},shijingshan`);
    await send({ name: "huge.csv", bytes: Buffer.from(["id,district", ...rows].join("\n")) }, "zh");
    expect(String(h.fake.callsOf("sendMessage").at(-1)?.payload.text)).toContain("10,001 行");
    expect(h.fake.documents).toHaveLength(0);
  });

  it("counts a sheet against the user's rate limit, as a message is", async () => {
    // A frozen clock: the one turn of the burst is never given back.
    h = await startHarness({ limits: createLimits({ burst: 1, now: () => 0 }) });
    await send({ name: "a.csv", bytes: Buffer.from(SHEET) }, "zh");
    await send({ name: "b.csv", bytes: Buffer.from(SHEET) }, "zh");
    expect(h.fake.documents).toHaveLength(1);
    expect(h.fake.downloads).toHaveLength(1);
    expect(String(h.fake.callsOf("sendMessage").at(-1)?.payload.text)).toContain("请稍等");
  });
});

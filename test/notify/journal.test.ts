/** The send journal survives a crash: what was on disk counts, a torn last line does not. */
import { appendFileSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { SendJournal } from "../../src/notify/journal.ts";

const path = () => join(mkdtempSync(join(tmpdir(), "notify-journal-")), "journal.jsonl");

describe("send journal", () => {
  it("reads back where each key stands, last step first", () => {
    const file = path();
    const journal = SendJournal.open(file);
    journal.record("telegram:1 demo@v2", "sending");
    journal.record("telegram:1 demo@v2", "sent", { messageId: "7" });
    journal.record("slack:T:D1 demo@v2", "sending");
    journal.record("slack:T:D2 demo@v2", "sending");
    journal.record("slack:T:D2 demo@v2", "failed", { error: "channel_not_found" });
    journal.close();
    const reread = SendJournal.open(file);
    expect(reread.state("telegram:1 demo@v2")).toBe("sent");
    expect(reread.state("slack:T:D1 demo@v2")).toBe("sending");
    expect(reread.state("slack:T:D2 demo@v2")).toBe("failed");
    expect(reread.state("telegram:1 demo@v3")).toBeUndefined();
  });

  it("skips a line torn by a crash, and appends after it", () => {
    const file = path();
    const journal = SendJournal.open(file);
    journal.record("telegram:1 demo@v2", "sending");
    journal.close();
    appendFileSync(file, '{"key":"telegram:1 demo@v2","op":"se');
    const reread = SendJournal.open(file);
    expect(reread.state("telegram:1 demo@v2")).toBe("sending");
    reread.record("telegram:2 demo@v2", "sending");
    reread.close();
    expect(SendJournal.open(file).state("telegram:2 demo@v2")).toBe("sending");
    expect(readFileSync(file, "utf8")).toContain('"op":"se\n{');
  });
});

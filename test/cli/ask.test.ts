/** `advisor ask` as staff and other programs use it (CONTRACT.md sections 1 and 4). */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { main } from "../../src/cli/main.ts";
import { runCommand } from "../support/cli-io.ts";

const dir = mkdtempSync(join(tmpdir(), "ask-"));
const file = (name: string, text: string) => {
  writeFileSync(join(dir, name), text);
  return join(dir, name);
};
const ask = (...args: string[]) => runCommand((a, io) => main(["ask", ...a], io), args);
const first = (answers: { policy: string; article: number }[]) =>
  `${answers[0]?.policy}:${answers[0]?.article}`;

describe("ask QUESTION --json", () => {
  it("answers with the clause asked about, in the contract's shape", async () => {
    const run = await ask("通州数据资产质押贷款有贴息吗", "--json");
    expect(run.code).toBe(0);
    const { answers } = JSON.parse(run.stdout);
    expect(first(answers)).toBe("tongzhou:8");
    expect(answers.length).toBeLessThanOrEqual(3);
    for (const answer of answers) {
      expect(Object.keys(answer).sort()).toEqual(["article", "policy", "score", "text", "title"]);
      expect(answer.score).toBeGreaterThan(0);
      expect(answer.score).toBeLessThanOrEqual(1);
    }
    // The text is verbatim from the clause: here the interest-subsidy words.
    expect(answers[0].text).toContain("贴息");
  });

  it("gives English titles to an English question and honours --top", async () => {
    const run = await ask("DCMM certification award in Shijingshan", "--json", "--top", "1");
    const { answers } = JSON.parse(run.stdout);
    expect(answers).toHaveLength(1);
    expect(first(answers)).toBe("shijingshan:5");
    expect(answers[0].title).toMatch(/^[\x20-\x7e]+$/);
  });

  it("takes an unquoted question given as several words", async () => {
    const run = await ask("data", "labelling", "base", "--json");
    expect(first(JSON.parse(run.stdout).answers)).toBe("shijingshan:10");
  });
});

describe("ask QUESTION (readable)", () => {
  it("prints a Chinese report with the source words and the draft caveat for Tongzhou", async () => {
    const run = await ask("通州数据资产质押贷款有贴息吗");
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("第八条");
    expect(run.stdout).toContain("原文");
    expect(run.stdout).toContain("征求意见稿");
  });

  it("says so when the named district has no such clause, and shows the other district's", async () => {
    const run = await ask("石景山有数据券吗");
    expect(run.stdout).toContain("石景山区的措施中没有相关条款");
    expect(run.stdout).toContain("第六条");
  });

  it("prints English with --lang en", async () => {
    const run = await ask("通州数据资产质押贷款有贴息吗", "--lang", "en");
    expect(run.stdout).toContain("Source:");
    expect(run.stdout).toContain("draft for comments");
  });
});

describe("ask --batch", () => {
  it("prints one JSON line per question in input order, skipping blank lines", async () => {
    const questions = [
      "石景山DCMM三级奖励多少",
      "",
      "data asset pledge loan interest subsidy in Tongzhou",
      "   ",
      "数据标注基地运营经费",
    ];
    const run = await ask("--batch", file("q.txt", `${questions.join("\n")}\n`), "--json");
    expect(run.code).toBe(0);
    const lines = run.stdout
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l));
    expect(lines.map((l) => first(l.answers))).toEqual(["shijingshan:5", "tongzhou:8", "shijingshan:10"]);
  });

  it("reports a bad line by its number and goes on with the lines after it", async () => {
    const text = ["通州算力设施补贴", "？？？", "x".repeat(5000), "石景山首席数据官"].join("\r\n");
    const run = await ask("--batch", file("bad.txt", text), "--json");
    expect(run.code).toBe(0);
    const lines = run.stdout
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l));
    expect(lines).toHaveLength(4);
    expect(first(lines[0].answers)).toBe("tongzhou:2");
    expect(lines[1]).toEqual({ line: 2, error: expect.stringContaining("no words") });
    expect(lines[2]).toEqual({ line: 3, error: expect.stringContaining("5000 characters") });
    expect(first(lines[3].answers)).toBe("shijingshan:12");
  });

  it("answers 10,000 lines, one output line each", async () => {
    const questions = ["数据资产入表", "cross-border data transfer", "孵化器", "DCMM"];
    const text = Array.from({ length: 10_000 }, (_, i) => questions[i % questions.length]).join("\n");
    const run = await ask("--batch", file("many.txt", text), "--json");
    expect(run.stdout.trim().split("\n")).toHaveLength(10_000);
  });
});

describe("bad input", () => {
  it.each([
    [["", "--json"], "empty question"],
    [["   "], "empty question"],
    [["--json"], "empty question"],
    [["--batch", join(dir, "missing.txt"), "--json"], "cannot read"],
    [["--batch", dir, "--json"], "folder"],
    [["x", "--top", "0"], "--top"],
    [["x", "--top", "three"], "--top"],
    [["x", "--lang", "fr"], "--lang"],
    [["x", "--batch", join(dir, "q.txt")], "not both"],
  ])("refuses %j with exit 2, one line saying %s, nothing on stdout", async (args, says) => {
    const run = await ask(...args);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe("");
    expect(run.stderr.trim().split("\n")).toHaveLength(1);
    expect(run.stderr).toContain(says);
  });
});

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
      expect(Object.keys(answer).sort()).toEqual(["article", "policy", "quote", "score", "text", "title"]);
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

  it("prints English with --lang en: the rendering marked as a translation, the Chinese source kept", async () => {
    const run = await ask("通州数据资产质押贷款有贴息吗", "--lang", "en");
    expect(run.stdout).toContain(
      "English (translation, not official): Enterprises that obtain loans by pledging",
    );
    expect(run.stdout).toContain("Source (Chinese): “按实际支付利息的50%给予贴息");
    expect(run.stdout).toContain("draft for comments");
  });
});

describe("questions the measures do not cover (issue 9)", () => {
  it.each(["停车场补贴", "有没有房租补贴？", "食堂补贴", "办公室租金", "parking subsidy"])(
    "%s: no answer in JSON, exit 0",
    async (question) => {
      const run = await ask(question, "--json");
      expect(run.code).toBe(0);
      expect(JSON.parse(run.stdout)).toEqual({ answers: [] });
    },
  );

  it("says so, what the measures cover, one area a line, and whom to ask", async () => {
    const run = await ask("有没有房租补贴？");
    expect(run.stdout).toContain("措施没有涉及这个问题");
    expect(run.stdout).toMatch(/\n- 数据资产融资（质押贷款贴息[^\n]*（通州、石景山）\n/);
    expect(run.stdout).toContain("通州区经济和信息化局（通州）");
    expect(run.stdout).toContain("石景山区政务服务和数据管理局（石景山）");
    expect(run.stdout).not.toContain("原文");
    const en = await ask("parking subsidy", "--lang", "en");
    expect(en.stdout).toContain("The measures do not cover this. They cover:");
    expect(en.stdout).toContain("- Data management capability maturity (DCMM) certification (Shijingshan)");
  });
});

describe("districts (issue 9)", () => {
  it("a district without such a clause: says so and gives the other district's, labelled", async () => {
    const json = JSON.parse((await ask("通州DCMM认证有奖励吗", "--json")).stdout);
    expect(first(json.answers)).toBe("shijingshan:5");
    expect(json.answers.some((a: { policy: string }) => a.policy === "tongzhou")).toBe(false);
    const run = await ask("通州DCMM认证有奖励吗");
    expect(run.stdout).toContain(
      "通州区（北京城市副中心）的措施中没有相关条款；以下是石景山区的条款（不是通州区（北京城市副中心）的）",
    );
    expect(run.stdout).toContain("石景山区 （5）");
  });
});

describe("the documents' closing text (issue 9)", () => {
  it("answers who interprets Tongzhou's rules from its closing paragraph, article 0", async () => {
    const { answers } = JSON.parse((await ask("谁负责解释通州细则", "--json")).stdout);
    expect(first(answers)).toBe("tongzhou:0");
    expect(answers[0].text).toContain("由通州区经济和信息化局负责解释");
  });

  it("answers when the measures take effect for both districts when none is named", async () => {
    const { answers } = JSON.parse((await ask("政策什么时候生效？", "--json")).stdout);
    const ids = answers.map((a: { policy: string; article: number }) => `${a.policy}:${a.article}`);
    expect(ids.slice(0, 2).sort()).toEqual(["shijingshan:13", "tongzhou:0"]);
    expect(answers.map((a: { text: string }) => a.text).join()).toContain("自发布之日起试行");
  });

  it("how to apply: what the documents say, and plainly that materials are not in them", async () => {
    const { answers } = JSON.parse((await ask("怎么申请？需要准备什么材料？", "--json")).stdout);
    expect(answers.map((a: { article: number }) => a.article).sort()).toEqual([0, 13]);
    const run = await ask("怎么申请？需要准备什么材料？");
    expect(run.stdout).toContain("措施没有写明申请材料和办理流程");
    expect(run.stdout).toContain("通州区经济和信息化局");
    const dcmm = await ask("石景山DCMM认证怎么申请");
    expect(dcmm.stdout).toContain("石景山区 （5）");
    expect(dcmm.stdout).toContain("条款写明的程序：经认定、经专家评审");
  });
});

describe("English (issue 9)", () => {
  it("gives English title and text to an English question, the Chinese source in quote", async () => {
    const { answers } = JSON.parse(
      (await ask("data asset pledge loan interest subsidy in Tongzhou", "--json")).stdout,
    );
    expect(first(answers)).toBe("tongzhou:8");
    expect(answers[0].title).toBe("Realising data asset value");
    expect(answers[0].text).toContain("interest subsidy of 50% of the interest actually paid");
    expect(answers[0].quote).toBe("按实际支付利息的50%给予贴息，每年每家企业最高不超过200万元");
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

import { describe, expect, it } from "vitest";
import { createFaqIndex } from "../../src/faq/index.ts";
import { east, synonyms, west } from "./fixtures.ts";

const index = createFaqIndex({ documents: [east, west] }, synonyms);
const ids = (question: string, top = 3) =>
  index.ask(question, { top }).map((a) => `${a.policy}:${a.article}`);

describe("ranking", () => {
  it("answers a question naming only a district with that district's clauses", () => {
    const answers = ids("东城有什么政策", 5);
    expect(answers.length).toBeGreaterThan(0);
    expect(answers.every((id) => id.startsWith("east:"))).toBe(true);
  });

  it("puts the named district's clause first even when another district's wording fits better", () => {
    // Both districts have a pledge-financing clause; the west's text repeats 融资 more.
    expect(ids("东城 数据资产质押融资")[0]).toBe("east:1");
    expect(ids("西城 数据资产质押融资")[0]).toBe("west:1");
    expect(ids("Dongcheng District pledge financing")[0]).toBe("east:1");
    expect(ids("east side pledge financing")[0]).toBe("east:1");
  });

  it("does not put the named district's stray matches ahead of the clause that answers", () => {
    // Only the east has a laboratory clause; the west shares nothing but common words.
    expect(ids("西城的重点实验室奖励多少")[0]).toBe("east:2");
    expect(ids("does Xicheng have a key laboratory award")[0]).toBe("east:2");
  });

  it("keeps scores in 0..1 and best first, also when another district's clause follows the named one", () => {
    // West has only a weak match for this (融资), east a strong one (实验室).
    const mixed = ids("西城 实验室 融资");
    expect(mixed[0]).toBe("west:1");
    expect(mixed).toContain("east:2");
    for (const question of ["西城 实验室 融资", "质押贷款贴息", "laboratory award"]) {
      const scores = index.ask(question, { top: 5 }).map((a) => a.score);
      expect(scores.length).toBeGreaterThan(0);
      for (const score of scores) expect(score).toBeGreaterThan(0);
      for (const score of scores) expect(score).toBeLessThanOrEqual(1);
      expect([...scores].sort((a, b) => b - a)).toEqual(scores);
    }
  });

  it("finds a Chinese clause from an English question through its English titles", () => {
    expect(ids("guarantee fee subsidy")[0]).toBe("west:1");
    expect(ids("interest subsidy on loans")[0]).toBe("east:1");
  });

  it("finds a Chinese clause from a colloquial question through a synonym", () => {
    expect(ids("能拿数据去银行贷款吗")).toEqual(expect.arrayContaining(["east:1", "west:1"]));
  });

  it("finds informational clauses", () => {
    expect(ids("有没有鼓励设立首席数据官")[0]).toBe("west:2");
    expect(ids("东城的办法什么时候施行，有效期多久")[0]).toBe("east:3");
  });

  it("answers with the title in the question's language unless told otherwise", () => {
    expect(index.ask("重点实验室奖励")[0]?.title).toBe("支持实验室建设");
    expect(index.ask("key laboratory award")[0]?.title).toBe("Laboratories");
    expect(index.ask("key laboratory award", { lang: "zh" })[0]?.title).toBe("支持实验室建设");
  });

  it("quotes the benefit asked about, and the whole article when no quote speaks to the question", () => {
    expect(index.ask("孵化器奖励多少")[0]?.text).toBe("对新认定的企业孵化器给予最高50万元奖励");
    expect(index.ask("重点实验室奖励多少")[0]?.text).toBe("对新认定的重点实验室给予最高100万元奖励");
    expect(index.ask("首席数据官")[0]?.text).toBe(west.articles[1]?.text);
  });

  it("gives at most top answers, and none for a question about nothing in the policies", () => {
    expect(index.ask("数据", { top: 1 })).toHaveLength(1);
    expect(index.ask("weather forecast tomorrow")).toEqual([]);
  });
});

/**
 * Questions told as the asker's story (who asks, when it happened, what they did), on the
 * real policy data: the story's words (boss, last week, planning, passed) are not what is
 * asked about, so they do not stop the clause that answers from answering, nor make an
 * uncovered question covered.
 */
import { describe, expect, it } from "vitest";
import { createFaqIndex } from "../../src/faq/index.ts";
import { loadPolicySet } from "../../src/policy/load.ts";

const index = createFaqIndex(loadPolicySet());
const first = (q: string) => {
  const a = index.ask(q)[0];
  return a ? `${a.policy}:${a.article}` : "nothing";
};

describe("questions told as a story", () => {
  it("answers with the clause the story is about, and an uncovered question with nothing", () => {
    expect(first("we just passed DCMM level 3 last week in Shijingshan, what do we get?")).toBe(
      "shijingshan:5",
    );
    expect(first("my manager is planning to move our data research institute to Tongzhou next year")).toBe(
      "tongzhou:1",
    );
    expect(first("we're holding a data alliance forum in Tongzhou, is there funding?")).toBe("tongzhou:10");
    expect(first("去年我们老板在通州把数据传到国外总部了，首次出境有奖励吗？")).toBe("tongzhou:6");
    // Nor does the story make an uncovered question covered.
    expect(index.ask("my boss just rented a new office last month, is there rent help?")).toEqual([]);
    expect(index.ask("去年我们老板想问问停车场有没有补贴")).toEqual([]);
  });

  it("reads a leading light verb (变成, 成为) as the story, not as another kind of what the clause offers", () => {
    // 变成 right before the clause's own words once counted as half the question (the
    // modifier rule), so the clause that has every other word did not answer.
    expect(first("变成国家高质量数据集典型案例的通州企业给多少")).toBe("tongzhou:5");
    expect(first("成为国家级数据科学实验室的通州企业奖多少")).toBe("tongzhou:3");
  });
});

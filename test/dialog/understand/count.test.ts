import { describe, expect, it } from "vitest";
import { parseCount } from "../../../src/dialog/understand/simple.ts";

describe("parseCount", () => {
  it.each([
    ["3", 3],
    ["三个", 3],
    ["3级", 3],
    ["三级", 3],
    ["level 4", 4],
    ["第二年", 2],
    ["两个", 2],
    ["0", 0],
    ["没有", 0],
    ["none", 0],
    ["three", 3],
    ["十二项", 12],
  ])("%j → %d", (text, n) => expect(parseCount(text)).toBe(n));

  it.each(["", "-1", "2.5", "many", "3000万元x"])("%j is not a count", (text) =>
    expect(parseCount(text)).toBeNull(),
  );
});

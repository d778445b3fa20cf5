import { describe, expect, it } from "vitest";
import { BoundedSeenSet } from "../../src/store/lock.ts";

describe("BoundedSeenSet", () => {
  it("forgets only the oldest ids once over its limit", () => {
    const seen = new BoundedSeenSet(3);
    for (const id of ["1", "2", "3", "4"]) expect(seen.add("telegram", id)).toBe(true);
    // "1" was evicted to make room for "4"; the three most recent are still recognised.
    expect(seen.add("telegram", "2")).toBe(false);
    expect(seen.add("telegram", "4")).toBe(false);
    expect(seen.add("telegram", "1")).toBe(true);
  });
});

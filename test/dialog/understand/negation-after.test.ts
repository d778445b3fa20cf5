/**
 * A negation after the thing it negates, at the end of the message or before a comma ("DCMM好像
 * 没有", "孵化器没有"): the hedge leans no (CONTRACT.md section 7), so nothing is stated as held.
 * Before, a negation that ended the text was not counted, and a negated platform was taken as one.
 */
import { describe, expect, it } from "vitest";
import { understandText } from "../../../src/dialog/understand/index.ts";

const read = (text: string) => understandText(text);

describe("a negation after what it negates", () => {
  it.each(["我们在通州，DCMM没有", "我们在通州，DCMM好像没有", "We are in Tongzhou, DCMM not yet"])(
    "%s: no DCMM level, answered none",
    (text) => {
      const { profile, none } = read(text);
      expect(profile).toEqual({ district: "tongzhou" });
      expect(none).toEqual(["dcmm.level"]);
    },
  );

  it.each(["我们在石景山，有市级重点实验室，孵化器没有", "我们在石景山，孵化器没有，实验室有一个市级的"])(
    "%s: the lab, and no incubator",
    (text) => {
      expect(read(text).profile.platforms).toEqual([{ kind: "key_lab", level: "municipal" }]);
    },
  );

  it("a negation before the next thing named is that thing's, not the one before", () => {
    expect(read("我们在石景山，有实验室但没有孵化器").profile.platforms).toEqual([{ kind: "key_lab" }]);
  });
});

/** Issue 16: every button the dialog offers, in both languages, is at most 12 characters; an option
 * whose wording is longer has a short label and its full wording in the question's text. */
import { describe, expect, it } from "vitest";
import { questionReply } from "../../src/dialog/questions.ts";
import { TEXT } from "../../src/dialog/text.ts";
import { loadPolicySet } from "../../src/policy/load.ts";

const set = loadPolicySet();
const long = (label: string) => [...label].length > 12;

describe.each(["zh", "en"] as const)("button labels in %s", (lang) => {
  it("of every question's options", () => {
    for (const path of ["district", ...set.facts.keys()]) {
      const question = questionReply(set, path, lang, 1, undefined);
      for (const choice of question.choices) {
        expect(long(choice.label), `${path}: "${choice.label}"`).toBe(false);
        // A shortened option keeps its full wording for the question's text.
        if (choice.detail !== undefined) expect(choice.detail).not.toBe(choice.label);
      }
    }
  });

  it("of the dialog's own buttons", () => {
    const t = TEXT[lang];
    const own = [
      t.done,
      t.skip,
      t.unknown,
      t.none,
      t.compareYes,
      t.compareNo,
      t.startCheck,
      t.profileContinue,
    ];
    const all = [...own, ...Object.values(t.actions)];
    expect(all.filter(long)).toEqual([]);
  });
});

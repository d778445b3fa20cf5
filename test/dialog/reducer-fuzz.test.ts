import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { transition } from "../../src/dialog/machine.ts";
import { type DialogState, DialogStateSchema } from "../../src/dialog/state.ts";
import type { DialogEvent } from "../../src/dialog/types.ts";
import type { FaqIndex } from "../../src/faq/index.ts";
import { loadPolicySet } from "../../src/policy/load.ts";
import { OUTSIDE, parseProfile } from "../../src/policy/profile.ts";

const set = loadPolicySet();
const faq: FaqIndex = {
  ask: () => [{ policy: "tongzhou", article: 2, score: 1, title: "基础设施", text: "最高2000万元" }],
};
const ctx = { set, faq, now: "2026-03-01T08:00:00Z" };

const typed = fc.constantFrom(
  "通州",
  "石景山",
  "其他",
  "1",
  "2",
  "3",
  "4",
  "9",
  "1,3",
  "是",
  "否",
  "不知道",
  "3000万",
  "0",
  "2m",
  "三级",
  "/back",
  "/skip",
  "/result",
  "/profile",
  "/restart",
  "/lang en",
  "/lang zh",
  "/help",
  "/nope",
  "比较",
  "完成",
  "DCMM有什么奖励？",
  "",
  "   ",
  "🙂",
  "x".repeat(300),
);

/** A button: one of the open question's (by position) or a made-up one. */
const pressed = fc.oneof(
  fc.nat({ max: 12 }).map((i) => ({ kind: "pick" as const, i })),
  fc.constantFrom("done", "0.1", "999.y", "garbage", "1.").map((id) => ({ kind: "raw" as const, id })),
);

describe("reduce, whatever a user sends", () => {
  it("never throws, keeps a valid state and a profile the schema accepts", () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.oneof(
            typed.map((text) => ({ kind: "text" as const, text })),
            pressed,
          ),
          { maxLength: 40 },
        ),
        (inputs) => {
          let step = transition(undefined, { kind: "start" }, ctx);
          for (const input of inputs) {
            const question = step.replies.findLast((r) => r.kind === "question");
            let event: DialogEvent;
            if (input.kind === "text") event = input;
            else if (input.kind === "raw") event = { kind: "choice", id: input.id };
            else {
              const choices = question?.kind === "question" ? question.choices : [];
              const choice = choices[input.i % Math.max(1, choices.length)];
              event = choice ? { kind: "choice", id: choice.id } : { kind: "choice", id: "done" };
            }
            step = transition(step.state, event, ctx);
            const state: DialogState = DialogStateSchema.parse(JSON.parse(JSON.stringify(step.state)));
            expect(() =>
              parseProfile(set.profileSchema, { district: OUTSIDE, ...state.profile }),
            ).not.toThrow();
            expect(step.replies.length).toBeGreaterThan(0);
            for (const effect of step.effects) expect(effect.kind).toBe("record");
          }
        },
      ),
      { numRuns: 150 },
    );
  });
});

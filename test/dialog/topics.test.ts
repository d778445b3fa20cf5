/** The area checklist after the entity type: areas left unticked are not asked about. */
import { describe, expect, it } from "vitest";
import { type Step, transition } from "../../src/dialog/machine.ts";
import { loadPolicySet } from "../../src/policy/load.ts";

const set = loadPolicySet();
const ctx = { set, now: "2026-03-01T08:00:00Z" };
const covered = (area: string) => {
  const topics = set.facts.get("topics");
  const option = topics?.type === "set" ? topics.options.find((o) => o.value === area) : undefined;
  return new Set(option?.covers ?? []);
};

function play(messages: string[], from?: Step): Step {
  let current = from ?? transition(undefined, { kind: "start" }, ctx);
  for (const text of messages) current = transition(current.state, { kind: "text", text }, ctx);
  return current;
}
const pending = (s: Step) =>
  s.state.pending?.kind === "fact" ? s.state.pending.path : s.state.pending?.kind;

/** Answers "no" (or 0) to every question until the result; returns the questions asked. */
function answerAll(from: Step): { asked: string[]; last: Step } {
  const asked: string[] = [];
  let step = from;
  for (let i = 0; i < 60 && step.state.pending; i++) {
    const path = pending(step) as string;
    asked.push(path);
    step = play([path.includes("Level") || path === "dcmm.level" ? "跳过" : "否"], step);
    if (pending(step) === path) step = play(["跳过"], step);
  }
  return { asked, last: step };
}

describe("the area checklist", () => {
  it("comes right after the entity type", () => {
    expect(pending(play(["通州", "企业"]))).toBe("topics");
  });

  it("asks only about the areas ticked, and keeps the others out of the possible benefits", () => {
    const ticked = play(["石景山", "企业", "DCMM"]);
    const { asked, last } = answerAll(ticked);
    const dcmm = covered("dcmm");
    expect(asked.length).toBeGreaterThan(0);
    expect(asked.every((path) => dcmm.has(path))).toBe(true);
    const result = last.replies.find((r) => r.kind === "result");
    const text = JSON.stringify(result);
    // Nothing about areas the user left out, such as operating a cluster (up to 5,500,000).
    expect(text).not.toContain("产业集聚区");
  });

  it("with every area ticked asks about each of them, as before the checklist", () => {
    const all = answerAll(play(["通州", "企业", "1,2,3,4,5,6,7,8,9,10"]));
    const none = answerAll(play(["通州", "企业", "2"]));
    expect(all.asked.length).toBeGreaterThan(none.asked.length + 5);
  });

  it("/back to the checklist brings the areas left out back in", () => {
    const narrow = play(["通州", "企业", "8"]);
    const back = play(["/back"], narrow);
    expect(pending(back)).toBe("topics");
    const widened = play(["1"], back);
    expect(covered("infrastructure").has(pending(widened) as string)).toBe(true);
  });
});

/**
 * The conversations the benchmarks and the soak test replay, and the oracle the soak test
 * judges the advisor by. If these were wrong, a benchmark would time something other than a
 * whole conversation, or the soak test would pass a store that lost answers.
 */
import { beforeAll, describe, expect, it } from "vitest";
import {
  canonical,
  conversationScripts,
  difference,
  playReference,
  type ReferenceTurn,
  stepsAnswered,
  typed,
} from "../../scripts/bench-conversations.ts";
import { type DialogState, STATE_VERSION } from "../../src/dialog/state.ts";
import { loadPolicySet, type PolicySet } from "../../src/policy/load.ts";

let set: PolicySet;
beforeAll(() => {
  set = loadPolicySet();
});

describe("the replayed conversations", () => {
  it("run from the first question to a result, pressed and typed", async () => {
    const scripts = conversationScripts();
    expect(scripts.length).toBeGreaterThanOrEqual(2);
    for (const script of scripts.flatMap((s) => [s, typed(s)])) {
      const turns = await playReference(script, { set });
      expect(
        turns.some((t) => t.result),
        script.name,
      ).toBe(true);
      expect(turns.at(-1)?.state.profile.district, script.name).toBeDefined();
    }
  });

  it("typing a button's label leaves the same answers as pressing it", async () => {
    for (const script of conversationScripts()) {
      const pressed = (await playReference(script, { set })).at(-1)?.state;
      const typedOut = (await playReference(typed(script), { set })).at(-1)?.state;
      expect(typedOut?.profile, script.name).toEqual(pressed?.profile);
    }
  });

  it("every step before the result changes the stored state", async () => {
    // The soak test's checks rest on every step mattering: an answer is recorded, or the same
    // question stays pending (a tick, a hint). A step that did neither could be lost unnoticed.
    for (const script of conversationScripts()) {
      const turns = await playReference(script, { set });
      const resultAt = turns.findIndex((t) => t.result);
      for (const [i, turn] of turns.entries()) {
        // After the result there is nothing left to answer.
        if (i === 0 || i >= resultAt) continue;
        const before = turns[i - 1]?.state as DialogState;
        const changed = canonical(turn.state) !== canonical(before);
        expect(changed, `${script.name}, step ${i + 1}`).toBe(true);
      }
    }
  });
});

describe("stepsAnswered", () => {
  const turn = (messages: number) => ({ messages }) as ReferenceTurn;
  const turns = [turn(2), turn(1), turn(0), turn(1)];

  it("counts the steps whose messages have all arrived", () => {
    expect(stepsAnswered(turns, 0)).toBe(0);
    expect(stepsAnswered(turns, 1)).toBe(0);
    expect(stepsAnswered(turns, 2)).toBe(1);
    expect(stepsAnswered(turns, 3)).toBe(2);
    expect(stepsAnswered(turns, 4)).toBe(4);
  });

  it("does not count a step that sends nothing until a later message proves it was handled", () => {
    expect(stepsAnswered(turns, 3)).not.toBe(3);
  });
});

describe("difference", () => {
  const state = (history: number, order: "ab" | "ba" = "ab") =>
    ({
      version: STATE_VERSION,
      lang: "zh",
      profile:
        order === "ab"
          ? { district: "tongzhou", entityType: "enterprise" }
          : { entityType: "enterprise", district: "tongzhou" },
      skipped: [],
      history: Array.from({ length: history }, () => ({ path: "x", had: false, wasSkipped: false })),
      compare: false,
      none: [],
      described: false,
      seq: history,
      pending: null,
    }) as DialogState;

  it("finds no difference between equal states written in another key order", () => {
    expect(difference(state(2, "ba"), state(2))).toBeUndefined();
  });

  it("says what differs when an answer is missing", () => {
    expect(difference(state(1), state(2))).toContain("history 1 vs 2");
  });

  it("reports a conversation that was not stored at all", () => {
    expect(difference(undefined, state(2))).toBe("no stored conversation");
  });
});

import { describe, expect, it } from "vitest";
import { type Step, transition } from "../../src/dialog/machine.ts";
import type { DialogEvent, Reply } from "../../src/dialog/types.ts";
import type { PolicySet } from "../../src/policy/load.ts";
import { loadPolicySet } from "../../src/policy/load.ts";
import type { Fact } from "../../src/policy/schema.ts";
import { replyText } from "./transcript-runner.ts";

/** The topic checklist with every area ticked: nothing ruled out. */
const ALL_TOPICS = "1,2,3,4,5,6,7,8,9,10";

const set = loadPolicySet();
const ctx = { set, now: "2026-03-01T08:00:00Z" };

/** Plays messages from the start; returns the last step. */
function play(
  messages: (string | DialogEvent)[],
  from?: Step,
  context: { set: PolicySet; now: string } = ctx,
): Step {
  let current = from ?? transition(undefined, { kind: "start" }, context);
  for (const m of messages) {
    current = transition(current.state, typeof m === "string" ? { kind: "text", text: m } : m, context);
  }
  return current;
}

const lastQuestion = (s: Step) =>
  s.replies.findLast((r) => r.kind === "question") as Extract<Reply, { kind: "question" }>;
const pendingPath = (s: Step) =>
  s.state.pending?.kind === "fact" ? s.state.pending.path : s.state.pending?.kind;

function deepFreeze<T>(value: T): T {
  if (value && typeof value === "object") {
    for (const v of Object.values(value)) deepFreeze(v);
    Object.freeze(value);
  }
  return value;
}

describe("reduce", () => {
  it("never changes the state it is given, and its state survives a JSON round trip", () => {
    let step = transition(undefined, { kind: "start" }, ctx);
    for (const text of [
      "通州",
      "企业",
      "是",
      "3000万",
      "/back",
      "/profile",
      "1",
      "石景山",
      "/result",
      "/lang en",
    ]) {
      const before = JSON.stringify(step.state);
      const next = transition(deepFreeze(step.state), { kind: "text", text }, ctx);
      expect(JSON.stringify(step.state)).toBe(before);
      expect(JSON.parse(JSON.stringify(next.state))).toEqual(next.state);
      step = next;
    }
  });

  it("offers the platform presets as several-choice buttons; pressing ticks them on the question, Done answers", () => {
    let step = play(["通州", "企业", ALL_TOPICS, "否", "否", "否", "否", "否"]);
    expect(pendingPath(step)).toBe("platforms");
    const question = lastQuestion(step);
    expect(question.multi).toBe(true);
    expect(question.done).toBe("完成");
    // Short buttons; the full wording beside them, and Tongzhou's article 3 asks no "newly
    // recognised", so it has no （新认定）.
    const key = question.choices.find((c) => c.detail === "国家级重点实验室／数据科学实验室");
    const centre = question.choices.find((c) => c.detail === "市级创新中心／企业技术中心／创新联合体");
    if (!key || !centre) throw new Error(JSON.stringify(question.choices));
    for (const c of question.choices) expect([...c.label].length).toBeLessThanOrEqual(12);
    step = play([{ kind: "choice", id: key.id }], step);
    step = play([{ kind: "choice", id: centre.id }], step);
    expect(pendingPath(step)).toBe("platforms");
    // Each press gives the same question back, nothing else, with what is ticked so far.
    expect(step.replies).toHaveLength(1);
    const ticked = (s: Step) =>
      lastQuestion(s)
        .choices.filter((c) => c.ticked)
        .map((c) => c.id);
    expect(ticked(step)).toEqual([key.id, centre.id]);
    // Pressing an option again takes it back out.
    step = play([{ kind: "choice", id: key.id }], step);
    expect(ticked(step)).toEqual([centre.id]);
    step = play([{ kind: "choice", id: "done" }], step);
    expect(step.state.profile.platforms).toEqual([
      { kind: "innovation_platform", level: "municipal", newlyRecognized: true },
    ]);
  });

  it("does not take Done with nothing selected as an answer", () => {
    let step = play(["通州", "企业", ALL_TOPICS, "否", "否", "否", "否", "否"]);
    step = play([{ kind: "choice", id: "done" }], step);
    expect(pendingPath(step)).toBe("platforms");
    expect(step.state.profile.platforms).toBeUndefined();
    expect(replyText(step.replies[0] as Reply)).toContain("还没有选择");
  });

  it("counts the questions: 第 n 题, about how many", () => {
    const step = play(["通州", "企业", ALL_TOPICS]);
    const progress = lastQuestion(step).progress ?? "";
    const [, n, total] = /第 (\d+) 题，约 (\d+) 题/.exec(progress) ?? [];
    // District, entity type and the area checklist answered: this is the fourth question.
    expect(Number(n)).toBe(4);
    expect(Number(total)).toBeGreaterThan(4);
  });

  it("switches language mid-question and keeps the buttons of the open question working", () => {
    let step = play(["通州", "企业", ALL_TOPICS]);
    const yesButton = lastQuestion(step).choices[0]?.id;
    step = play(["/lang en"], step);
    expect(step.replies.map(replyText).join("\n")).toContain("Switched to English");
    expect(lastQuestion(step).text).toContain("data infrastructure project");
    expect(lastQuestion(step).choices[0]?.id).toBe(yesButton);
    step = play([{ kind: "choice", id: yesButton as string }], step);
    expect(step.state.profile.infrastructure).toEqual({ inOperation: true });
  });

  it("shows the commands on /help and asks the open question again", () => {
    const step = play(["通州", "/help"]);
    const text = step.replies.map(replyText).join("\n");
    for (const command of ["/restart", "/back", "/skip", "/result", "/profile", "/lang"])
      expect(text).toContain(command);
    expect(pendingPath(step)).toBe("entityType");
    expect(step.replies.at(-1)?.kind).toBe("question");
  });

  it("asks nothing that cannot change the result: a 'no' removes the clause's other questions", () => {
    const step = play(["通州", "企业", ALL_TOPICS, "否"]);
    const asked = new Set<string>();
    let current = step;
    while (current.state.pending) {
      asked.add(pendingPath(current) as string);
      current = play(["否"], current);
    }
    expect(asked.has("infrastructure.fixedAssetInvestment")).toBe(false);
    expect(asked.has("infrastructure.supportYearsReceived")).toBe(false);
    // Shijingshan-only facts are never asked of a Tongzhou entity.
    expect(asked.has("dcmm.level")).toBe(false);
    expect(asked.has("clusterOperator")).toBe(false);
  });

  it("asks a fact a new document declares, in the words of its data", () => {
    const extra: Fact = {
      path: "quantumLab",
      type: "boolean",
      label: { zh: "量子实验室", en: "Quantum lab" },
      question: { zh: "是否建有量子数据实验室？", en: "Do you run a quantum data lab?" },
    };
    const tongzhou = set.documents.find((d) => d.id === "tongzhou");
    if (!tongzhou) throw new Error("tongzhou missing");
    const article = tongzhou.articles[0];
    if (!article) throw new Error("article missing");
    const benefit = {
      id: "quantum-lab",
      title: { zh: "量子实验室奖励", en: "Quantum lab award" },
      summary: { zh: "最高5000万元", en: "up to 50,000,000" },
      conditions: { kind: "flag" as const, fact: "quantumLab" },
      amount: { kind: "upTo" as const, cap: 50_000_000 },
      period: "one_time" as const,
      quote: article.text.slice(0, 20),
    };
    const extended: PolicySet = {
      ...set,
      facts: new Map([...set.facts, [extra.path, extra]]),
      documents: set.documents.map((d) =>
        d === tongzhou
          ? {
              ...d,
              articles: [{ ...article, benefits: [...article.benefits, benefit] }, ...d.articles.slice(1)],
            }
          : d,
      ),
    };
    const context = { set: extended, now: ctx.now };
    const step = play(["通州", "企业", ALL_TOPICS], undefined, context);
    // The largest amount at stake is asked first.
    expect(lastQuestion(step).text).toBe("是否建有量子数据实验室？");
  });
});

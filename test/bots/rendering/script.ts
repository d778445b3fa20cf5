/** The conversation every platform is driven through: a Shijingshan enterprise with a guarantee
 * fee and DCMM level 3, with each kind of reply on the way (see docs/rendering). */
import type { Reply } from "../../../src/dialog/types.ts";
import { BOOM, type Driver, type Step } from "./drivers.ts";

type Question = Extract<Reply, { kind: "question" }>;

/** Typed answers for the questions that ask for a figure, by what the question asks. */
const FIGURES: [RegExp, string][] = [
  [/DCMM.*几级|DCMM.*level/, "3"],
  [/此前已按|already funded/, "0"],
  [/设备购置|equipment/, "300万"],
  [/贷款金额|loan amount/, "1000万"],
];

/** The question a turn asks; with `shown`, only one it puts on screen (not a side trip's restatement). */
const question = (replies: Reply[], shown = false) =>
  [...replies].reverse().find((r): r is Question => r.kind === "question" && !(shown && r.restates));

/** How the question a turn ends on is answered: a checklist, buttons, or typed. */
function widget(replies: Reply[]): string {
  if (replies.some((r) => r.kind === "result")) return "";
  const q = question(replies, true);
  if (!q) return "";
  if (q.multi) return " → a checklist";
  // A figure is typed; its one button, if any, skips it.
  if (q.choices.length <= 1)
    return ` → a question answered by typing${q.choices.length ? " (a skip button)" : ""}`;
  return " → a question with buttons";
}

export async function converse(d: Driver): Promise<Step[]> {
  const steps: Step[] = [];
  const add = (step: Step) => {
    steps.push({ ...step, kind: step.kind + widget(d.lastReplies()) });
  };
  add(await d.start());
  add(await d.press("answer: a button", "石景山"));
  add(await d.press("answer: a button", "企业"));
  add(await d.press("checklist: an option ticked", "融资"));
  add(await d.press("checklist: another option ticked", "DCMM"));
  add(await d.press("checklist: done", "完成"));
  add(await d.type("bad input: an amount that cannot be read", "abc"));
  add(await d.type("FAQ answer, mid-questionnaire", "数据资产质押贷款有贴息吗？"));
  add(await d.type("FAQ abstention, mid-questionnaire", "有没有房租补贴？"));
  add(await d.command("help, mid-questionnaire", "help"));
  add(await d.type("answer: an amount typed", "40万"));
  for (let i = 0; i < 20 && !d.lastReplies().some((r) => r.kind === "result"); i++) {
    const text = question(d.lastReplies())?.text ?? "";
    const figure = FIGURES.find(([pattern]) => pattern.test(text));
    const no = d.buttons().find((label) => label === "否" || label === "No");
    const level = figure && d.buttons().find((label) => label === figure[1]);
    if (level) add(await d.press("answer: a button", level));
    else if (figure) add(await d.type("answer: a figure typed", figure[1]));
    else if (no) add(await d.press("answer: a button", no));
    else add(await d.type("answer: skipped", "跳过"));
  }
  const last = steps.at(-1);
  if (last) last.kind = `${last.kind} → the result`;
  add(await d.type("after the result: a question", "DCMM三级能拿多少？"));
  add(await d.command("compare: what it still needs", "compare"));
  add(await d.command("compare: the table, from the answers so far", "result"));
  add(await d.type("error: the service failed (a store outage)", BOOM));
  add(await d.sheet("sheet: a staff list sent as a file"));
  return steps;
}

/**
 * How a question's buttons read on a chat platform (Telegram and Slack alike): ticks on a
 * several-answers question, the done button in the conversation's language, the full wording
 * of options whose buttons are shortened, and the one-line record a question keeps once answered.
 */
import { DONE_BUTTON } from "../dialog/command-buttons.ts";
import type { Choice, Reply } from "../dialog/types.ts";

type Question = Extract<Reply, { kind: "question" }>;

export const DONE_CHOICE_ID = DONE_BUTTON;
const TICK = "✅ ";

export const buttonText = (choice: Choice) => (choice.ticked ? `${TICK}${choice.label}` : choice.label);

/** The done button's label: the dialog's, else the language the question is written in. */
export const doneLabel = (question: Question) =>
  question.done ?? (/\p{Script=Han}/u.test(question.text) ? "完成" : "Done");

/** The full wording of the options whose buttons shorten it, a line each, for the question's text;
 * by its number where the button is one (/profile's answers). */
export function detailLines(question: Question): string {
  return question.choices
    .filter((choice) => choice.detail !== undefined)
    .map((choice) => `${/^\d+$/.test(choice.label) ? `${choice.label}.` : "•"} ${choice.detail}`)
    .join("\n");
}

/**
 * What a pressed button answered, as the question's record line: the button's label, or, for
 * the done button of a checklist, the options ticked on it, joined as the done button's
 * language joins a list. `buttons` are [label, value] as the platform shows them.
 */
export function answeredLabel(
  buttons: [label: string, value: string][],
  pressed: string,
): string | undefined {
  const label = buttons.find(([, value]) => value === pressed)?.[0];
  if (pressed !== DONE_CHOICE_ID || label === undefined) return label;
  const ticked = buttons.filter(([text]) => text.startsWith(TICK)).map(([text]) => text.slice(TICK.length));
  if (ticked.length === 0) return undefined;
  return ticked.join(/\p{Script=Han}/u.test(label) ? "、" : ", ");
}

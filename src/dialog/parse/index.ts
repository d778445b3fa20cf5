/**
 * The dialog's older import path. Everything here is the one reader of free text in
 * ../understand (issue 13); new code reads answers with `readAnswer` from there.
 */
export {
  type ChoiceOption,
  isPlainNo,
  isUnknown,
  looksLikeQuestion,
  parseAmount,
  parseChoice,
  parseChoices,
  parseCount,
  parseDate,
  parseDecimal,
  parsePercent,
  parseYesNo,
} from "../understand/simple.ts";

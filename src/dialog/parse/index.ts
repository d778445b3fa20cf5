export { parseAmount } from "./amount.ts";
export { type ChoiceOption, parseChoice, parseChoices } from "./choice.ts";
export { parseCount } from "./count.ts";
export { parseDate } from "./date.ts";
export { isUnknown, looksLikeQuestion } from "./intent.ts";
export { parseDecimal, parsePercent } from "./percent.ts";
export { isPlainNo, parseYesNo } from "./yesno.ts";

export { parseAmount } from "./amount.ts";
export { type ChoiceOption, parseChoice, parseChoices } from "./choice.ts";
export { parseCount } from "./count.ts";
export { isUnknown, looksLikeQuestion } from "./intent.ts";
export { isPlainNo, parseYesNo } from "./yesno.ts";

/**
 * How amounts are written, by surface. The console, the CLI, records and the contract's
 * explanations keep yuan ("230,000 元", "CNY 230,000"). On a chat app (Telegram, Slack) each
 * language has the one style its readers use next to the clauses' own words: Chinese in 万元,
 * as the quotes are ("23 万元" beside “最高20万元”), English in yuan with thousands separators.
 * Amounts are integer yuan, and a 万 figure keeps every yuan ("1.2345 万元"), never rounded.
 */
import type { Channel, Lang } from "../dialog/types.ts";
import { formatYuan } from "../policy/money.ts";
import { CATALOGUE } from "./catalogue.ts";

export type Units = "yuan" | "chat";

export const unitsOn = (channel: Channel | undefined): Units =>
  channel === "telegram" || channel === "slack" ? "chat" : "yuan";

/** Chinese 万元 from 10,000 yuan up; below that, yuan ("5,000 元"): the way the clauses count. */
const WAN = 10_000;
const inWan = (lang: Lang, units: Units, amount: number) =>
  units === "chat" && lang === "zh" && Math.abs(Math.round(amount)) >= WAN;

/** 230000 → "23", 12345 → "1.2345", 150000000 → "15,000": the exact number of 万. */
export function wanDigits(amount: number): string {
  const yuan = Math.round(Math.abs(amount));
  const sign = amount < 0 ? "-" : "";
  const whole = formatYuan(Math.floor(yuan / WAN));
  const rest = String(yuan % WAN)
    .padStart(4, "0")
    .replace(/0+$/, "");
  return `${sign}${whole}${rest ? `.${rest}` : ""}`;
}

/** An amount without its unit word, as a formula shows it: "400,000", or "40 万" in Chinese on a chat. */
export function figure(amount: number, lang: Lang, units: Units): string {
  return inWan(lang, units, amount) ? `${wanDigits(amount)} 万` : formatYuan(amount);
}

/** An amount with its unit: "230,000 元", "CNY 230,000", or "23 万元" in Chinese on a chat. */
export function money(amount: number, lang: Lang, units: Units = "yuan"): string {
  return inWan(lang, units, amount) ? `${wanDigits(amount)} 万元` : CATALOGUE[lang].yuan(formatYuan(amount));
}

/** Telegram's command menu (setMyCommands), Chinese and English: the commands /help lists on
 * Telegram (src/dialog/commands.ts `MENU`), with their menu descriptions. The dialog reads them
 * as typed text. */
import type { BotCommand } from "grammy/types";
import { commandsOn } from "../../dialog/commands.ts";
import { TEXT } from "../../dialog/text.ts";
import type { Lang } from "../../dialog/types.ts";

const menu = (lang: Lang): BotCommand[] =>
  commandsOn("telegram").map((command) => ({ command, description: TEXT[lang].commands[command].menu }));

export const COMMANDS: Record<Lang, BotCommand[]> = { zh: menu("zh"), en: menu("en") };

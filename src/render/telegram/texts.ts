/** Telegram's command menu (setMyCommands), Chinese and English. */
import type { BotCommand } from "grammy/types";
import type { Lang } from "../../dialog/types.ts";

/** The command menu: the commands of src/dialog/commands.ts that need no argument, with their
 * descriptions in Chinese and English. The dialog reads them as text; /start becomes `start`. */
const MENU: [command: string, zh: string, en: string][] = [
  ["start", "开始（或重新开始）政策匹配", "Start (or restart) the subsidy check"],
  ["back", "返回上一题", "Go back to the previous question"],
  ["skip", "跳过这一题", "Skip this question"],
  ["result", "按目前的回答查看结果", "See the result from the answers so far"],
  ["profile", "查看或修改已填写的信息", "Review or change your answers"],
  ["subscribe", "政策更新使结果变化时通知我", "Tell me when a policy change changes my result"],
  ["unsubscribe", "退订结果变化通知", "Stop result-change messages"],
  ["help", "使用说明", "How to use this bot"],
];

export const COMMANDS: Record<Lang, BotCommand[]> = {
  zh: MENU.map(([command, zh]) => ({ command, description: zh })),
  en: MENU.map(([command, , en]) => ({ command, description: en })),
};

/** The few things the Telegram adapter says on its own, Chinese first, English second. */
import type { BotCommand } from "grammy/types";
import type { Lang } from "../../dialog/types.ts";

type Texts = Record<Lang, string>;

const FAILURE: Texts = {
  zh: "抱歉，处理您的消息时出了点问题，请稍后再试。您之前的回答都还在。",
  en: "Sorry, something went wrong while handling your message. Please try again in a moment; your earlier answers are kept.",
};

const UNREADABLE: Texts = {
  zh: "我只能读文字消息，请用文字回答或提问。",
  en: "I can only read text messages; please answer or ask in text.",
};

/** In `lang`, or both languages when the user's language is unknown. */
function say(texts: Texts, lang: Lang | undefined): string {
  return lang ? texts[lang] : `${texts.zh}\n${texts.en}`;
}

export const failureText = (lang: Lang | undefined) => say(FAILURE, lang);
export const unreadableText = (lang: Lang | undefined) => say(UNREADABLE, lang);

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

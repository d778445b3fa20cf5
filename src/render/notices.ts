/** The few things the bot adapters say on their own (not the dialog), Chinese first, English second. */
import type { Lang } from "../dialog/types.ts";

type Texts = Record<Lang, string>;

const FAILURE: Texts = {
  zh: "抱歉，处理您的消息时出了点问题，请稍后再试。您之前的回答都还在。",
  en: "Sorry, something went wrong while handling your message. Please try again in a moment; your earlier answers are kept.",
};

const UNREADABLE: Texts = {
  zh: "我只能读文字消息，请用文字回答或提问。",
  en: "I can only read text messages; please answer or ask in text.",
};

const RATE: Texts = {
  zh: "您发送得有点快，请稍等片刻再继续。",
  en: "You are sending messages a little fast; please wait a moment before continuing.",
};

const tooLong = (max: number): Texts => ({
  zh: `消息太长了（上限 ${max} 个字符），请精简后再发送。`,
  en: `That message is too long (limit ${max} characters); please shorten it and send it again.`,
});

/** In `lang`, or both languages when the user's language is unknown. */
function say(texts: Texts, lang: Lang | undefined): string {
  return lang ? texts[lang] : `${texts.zh}\n${texts.en}`;
}

export const failureText = (lang: Lang | undefined) => say(FAILURE, lang);
export const unreadableText = (lang: Lang | undefined) => say(UNREADABLE, lang);
/** The rate limit's and the length cap's notices (src/bots/limits.ts). */
export const rateText = (lang: Lang | undefined) => say(RATE, lang);
export const tooLongText = (max: number, lang: Lang | undefined) => say(tooLong(max), lang);

const SLASH_IN_CHANNEL: Texts = {
  zh: "在频道里，助手在提到它的消息的线程中对话：在线程里发送“重新开始”“上一步”“我的信息”或“帮助”即可。/advisor 命令可在与助手的私信中使用。",
  en: "In a channel the advisor talks in the thread under the message that mentions it: send “restart”, “back”, “profile” or “help” there. The /advisor command works in a direct message with the advisor.",
};

/** `/advisor …` typed in a channel, where conversations live in threads a command cannot name. */
export const slashInChannelText = (lang: Lang | undefined) => say(SLASH_IN_CHANNEL, lang);

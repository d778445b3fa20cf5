/**
 * Commands as Slack delivers them. Slack takes any message starting with "/" for one of its own
 * slash commands and refuses the ones no app registered, so "/restart" typed in Slack never
 * reaches the advisor. The app registers one command, `/advisor` (manifest.yaml), and the
 * dialog's texts, written with the commands as Telegram and the console take them, are shown
 * on Slack in that form: "/advisor restart". In a channel the conversation is a thread, which a
 * slash command cannot name (Slack gives it the channel only): there the commands are named by
 * the words that work as a message in the thread (“重新开始”), and only those.
 */
import type { MenuCommand } from "../../dialog/commands.ts";
import { TEXT } from "../../dialog/text.ts";
import type { Lang, Reply } from "../../dialog/types.ts";

export const SLASH_COMMAND = "/advisor";

const DIALOG_COMMAND =
  /(^|[\s（(“"，,、：:；;])\/(restart|back|skip|result|profile|lang|subscribe|unsubscribe|help|compare)(?![\w/])/g;

/** Where a Slack conversation is: a DM, where `/advisor` works, or a channel thread, where only words do. */
export type SlackPlace = "dm" | "thread";
export const placeOf = (isDirect: boolean): SlackPlace => (isDirect ? "dm" : "thread");

/** The word that does each command as a whole message (commands.ts `WORD_COMMANDS`). */
const WORDS: Record<Lang, Record<MenuCommand, string>> = {
  zh: {
    restart: "重新开始",
    back: "上一步",
    skip: "跳过",
    result: "结果",
    profile: "我的信息",
    compare: "对比各区",
    lang: "English",
    subscribe: "订阅",
    unsubscribe: "退订",
    help: "帮助",
  },
  en: {
    restart: "restart",
    back: "back",
    skip: "skip",
    result: "result",
    profile: "profile",
    compare: "compare",
    lang: "中文",
    subscribe: "subscribe",
    unsubscribe: "unsubscribe",
    help: "help",
  },
};
const LANG_CHOICE = /\/lang (zh|en)(?![\w/])/g;
/** A reply's language, which it does not carry: Chinese where Chinese outweighs Latin letters (an
 * English text may quote "中文" or an amount in 万元; a Chinese one names /restart). */
const langOf = (text: string): Lang => {
  const han = text.match(/\p{Script=Han}/gu)?.length ?? 0;
  const latin = text.match(/[A-Za-z]/g)?.length ?? 0;
  return han * 3 >= latin && han > 0 ? "zh" : "en";
};

export function slackCommands(text: string, place: SlackPlace = "dm"): string {
  if (place === "dm")
    return text.replace(
      DIALOG_COMMAND,
      (_, before: string, name: string) => `${before}${SLASH_COMMAND} ${name}`,
    );
  const words = WORDS[langOf(text)];
  return text
    .replace(LANG_CHOICE, (_, lang: Lang) => `“${lang === "zh" ? WORDS.en.lang : WORDS.zh.lang}”`)
    .replace(DIALOG_COMMAND, (_, before: string, name: MenuCommand) => `${before}“${words[name]}”`);
}

/** /help in a thread: each command by its word, with its menu line (the typed forms are not there). */
function threadHelp(commands: string[], text: string): string {
  const lang = langOf(text);
  const t = TEXT[lang];
  const names = commands.filter((name): name is MenuCommand => name in WORDS[lang]);
  const lines = names.map((name) => `“${WORDS[lang][name]}” ${t.commands[name].menu}`);
  return [t.helpTitle, ...lines, t.helpAnswering].join("\n");
}

/** A reply with every command it names in the form Slack delivers in `place`. */
export function inSlackTerms(reply: Reply, place: SlackPlace = "dm"): Reply {
  const say = (text: string) => slackCommands(text, place);
  switch (reply.kind) {
    case "text":
      if (place === "thread" && reply.commands)
        return { ...reply, text: threadHelp(reply.commands, reply.text) };
      return { ...reply, text: say(reply.text) };
    case "question":
      return {
        ...reply,
        text: say(reply.text),
        ...(reply.help === undefined ? {} : { help: say(reply.help) }),
      };
    case "result":
      return {
        ...reply,
        footer: say(reply.footer),
        sections: reply.sections.map((s) => ({ ...s, body: say(s.body) })),
      };
  }
}

/** The dialog's input for `/advisor <words>`: a command name becomes the command ("restart" →
 * "/restart"); other words ("重新开始") are passed as typed, and the dialog reads them as it
 * reads any message. Nothing after the name is help. */
export function fromSlashCommand(words: string): string {
  const text = words.trim();
  if (text === "") return "/help";
  return /^[a-z]/i.test(text) ? `/${text}` : text;
}

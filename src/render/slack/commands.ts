/**
 * Commands as Slack delivers them. Slack takes any message starting with "/" for one of its own
 * slash commands and refuses the ones no app registered, so "/restart" typed in Slack never
 * reaches the advisor. The app registers one command, `/advisor` (manifest.yaml), and the
 * dialog's texts, written with the commands as Telegram and the console take them, are shown
 * on Slack in that form: "/advisor restart".
 */
import type { Reply } from "../../dialog/types.ts";

export const SLASH_COMMAND = "/advisor";

const DIALOG_COMMAND =
  /(^|[\s（(“"，,、：:；;])\/(restart|back|skip|result|profile|lang|subscribe|unsubscribe|help|compare)(?![\w/])/g;

export function slackCommands(text: string): string {
  return text.replace(
    DIALOG_COMMAND,
    (_, before: string, name: string) => `${before}${SLASH_COMMAND} ${name}`,
  );
}

/** A reply with every command it names in the form Slack delivers. */
export function inSlackTerms(reply: Reply): Reply {
  switch (reply.kind) {
    case "text":
      return { ...reply, text: slackCommands(reply.text) };
    case "question":
      return {
        ...reply,
        text: slackCommands(reply.text),
        ...(reply.help === undefined ? {} : { help: slackCommands(reply.help) }),
      };
    case "result":
      return {
        ...reply,
        footer: slackCommands(reply.footer),
        sections: reply.sections.map((s) => ({ ...s, body: slackCommands(s.body) })),
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

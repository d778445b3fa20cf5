/**
 * A spreadsheet shared in a DM with the bot (issue 12): downloaded with the bot token, triaged
 * row by row, and the result sheet uploaded back to the DM (files.uploadV2) with a one-line
 * summary. Refused with a clear message when too large or not a spreadsheet. The conversation
 * is not touched.
 */
import type { WebClient } from "@slack/web-api";
import { formatOf } from "../../sheet/read.ts";
import type { Logger } from "../logger.ts";
import { answerSentFile } from "../shared-sheet.ts";
import { guessLang } from "./inbound.ts";

/** The fields of a shared file the adapter reads (Slack's file object). */
export interface SlackFile {
  id?: string;
  name?: string;
  size?: number;
  url_private_download?: string;
  url_private?: string;
}

export interface FileMessage {
  channel: string;
  thread_ts?: string;
  text?: string;
  files?: SlackFile[];
}

export const hasSpreadsheet = (message: FileMessage) =>
  (message.files ?? []).some((f) => formatOf(f.name ?? "") !== undefined);

/** Files the file flow answers in a DM: a spreadsheet among them, or files with no words beside
 * them (words beside other files, "请看附件", go to the conversation as before). */
export const isFileMessage = (message: FileMessage) =>
  hasSpreadsheet(message) || ((message.files ?? []).length > 0 && (message.text ?? "").trim() === "");

export async function answerSharedFiles(
  client: WebClient,
  message: FileMessage,
  logger: Logger,
): Promise<void> {
  const lang = guessLang(message.text ?? "") ?? "zh";
  const target = { channel: message.channel, ...(message.thread_ts && { thread_ts: message.thread_ts }) };
  for (const file of message.files ?? []) {
    // Slack serves private files only to a request carrying the bot token.
    const reply = await answerSentFile({ name: file.name ?? "", size: file.size, lang }, async () => {
      const url = file.url_private_download ?? file.url_private;
      if (!url) throw new Error("slack: a shared file came without its download URL");
      return { url, headers: { authorization: `Bearer ${client.token}` } };
    });
    if (!reply.ok) {
      await client.chat.postMessage({ ...target, text: reply.message });
      continue;
    }
    await client.files.uploadV2({
      channel_id: message.channel,
      file: reply.bytes,
      filename: reply.fileName,
      initial_comment: reply.summary,
    });
    logger.info("slack: sheet triaged", { channel: message.channel });
  }
}

/**
 * A spreadsheet sent to the bot as a document (issue 12): downloaded through getFile, triaged row
 * by row, and the result sheet sent back to the same chat with a one-line summary. Refused with a
 * clear message when too large or not a spreadsheet. The conversation is not touched.
 */
import { type Api, InputFile } from "grammy";
import type { Lang } from "../../dialog/types.ts";
import type { Logger } from "../logger.ts";
import { answerSentFile } from "../shared-sheet.ts";

export interface SentFile {
  chatId: number;
  lang?: Lang;
  fileId: string;
  fileName: string;
  fileSize?: number;
}

const DEFAULT_API_ROOT = "https://api.telegram.org";

export function createFileHandler(deps: { api: Api; apiRoot?: string; logger: Logger }) {
  const { api, logger } = deps;
  return async function handleFile(file: SentFile): Promise<void> {
    const sent = { name: file.fileName, size: file.fileSize, lang: file.lang ?? "zh" };
    const reply = await answerSentFile(sent, async () => {
      const { file_path: path } = await api.getFile(file.fileId);
      if (!path) throw new Error("telegram: getFile gave no file_path");
      return { url: `${deps.apiRoot ?? DEFAULT_API_ROOT}/file/bot${api.token}/${path}` };
    });
    if (!reply.ok) {
      await api.sendMessage(file.chatId, reply.message);
      return;
    }
    await api.sendDocument(file.chatId, new InputFile(reply.bytes, reply.fileName), {
      caption: reply.summary,
    });
    logger.info("telegram: sheet triaged", { chatId: file.chatId });
  };
}

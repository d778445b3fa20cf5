/**
 * What the chat file flows share (telegram/files.ts, slack/files.ts): a sent file refused before
 * download when the name or size the platform gives says so, otherwise downloaded and triaged
 * with the policy set loaded on the first sheet (the dialog service keeps its own).
 */
import type { Lang } from "../dialog/types.ts";
import { loadPolicySet, type PolicySet } from "../policy/load.ts";
import { answerSheet, refuseBeforeDownload, type SheetReply } from "../sheet/chat.ts";

let set: PolicySet | undefined;

export async function answerSentFile(
  file: { name: string; size?: number; lang: Lang },
  /** Where to download it from; the URL (Telegram) or the headers (Slack) hold the bot token,
   * so neither is ever logged. */
  locate: () => Promise<{ url: string; headers?: Record<string, string> }>,
): Promise<SheetReply> {
  const refused = refuseBeforeDownload(file.name, file.size, file.lang);
  if (refused) return { ok: false, message: refused };
  const { url, headers } = await locate();
  const response = await fetch(url, { headers });
  if (!response.ok) throw new Error(`file download answered ${response.status}`);
  set ??= loadPolicySet();
  return answerSheet(set, { name: file.name, bytes: Buffer.from(await response.arrayBuffer()) }, file.lang);
}

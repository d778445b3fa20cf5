import type { Reply, ResultSection } from "../dialog/types.ts";

/**
 * The replies a chat app shows. Telegram and Slack keep earlier messages on screen with their
 * buttons live, so a side trip (an FAQ answer, /help, a hint) is one message: the open question
 * is not posted again under it. Only when a turn says nothing else is the restatement shown.
 */
export function onScreen(replies: Reply[]): Reply[] {
  const news = replies.filter((reply) => !reply.restates);
  return news.length > 0 ? news : replies;
}

/** A result's sections with the totals first: on a phone the first lines are what a result is
 * read for (the console keeps the dialog's order, where a comparison's totals close the table). */
export function totalsFirst(sections: ResultSection[]): ResultSection[] {
  return [...sections.filter((s) => s.total), ...sections.filter((s) => !s.total)];
}

/** A line the dialog marks as a title ("■ …"): a phone shows it bold instead, so "•" is the one
 * bullet in a result (the console keeps the mark). Empty for any other line. */
export const titled = (line: string) => (line.startsWith("■ ") ? line.slice(2) : "");

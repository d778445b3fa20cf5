/**
 * The words of a notification: the message a subscriber receives, and the lines staff read in
 * the dry-run summary. Both are rendered from the numbers of a Difference, in zh or en.
 */
import type { Channel, Lang } from "../dialog/types.ts";
import type { PolicySet } from "../policy/load.ts";
import { formatYuan } from "../policy/money.ts";
import type { DocumentStatus } from "../policy/schema.ts";
import type { Assessment } from "./assess.ts";
import type { Change } from "./diff.ts";
import type { KeptVersion } from "./versions.ts";

export interface Names {
  set: PolicySet;
  versions: Map<string, KeptVersion>;
}

const STATUS: Record<DocumentStatus, Record<Lang, string>> = {
  draft: { zh: "征求意见稿", en: "draft for comments" },
  in_force: { zh: "正式施行", en: "in force" },
  expired: { zh: "已失效", en: "expired" },
};

const yuan = (amount: number | null, lang: Lang) =>
  amount === null
    ? lang === "zh"
      ? "金额待定"
      : "amount not known"
    : lang === "zh"
      ? `${formatYuan(amount)} 元`
      : `${formatYuan(amount)} yuan`;

/** The message a subscriber gets: one per conversation and version. */
export function userMessage(a: Assessment, names: Names): string {
  const { lang } = a;
  const zh = lang === "zh";
  const lines: string[] = [zh ? "【政策更新提醒】" : "Policy update"];
  for (const document of a.difference.documents) {
    const doc = names.set.documents.find((d) => d.id === document.policy);
    const title = doc?.title[lang] ?? document.policy;
    const issued = doc?.issued ? (zh ? `，${doc.issued} 印发` : `, issued ${doc.issued}`) : "";
    lines.push(
      zh
        ? `您此前咨询时依据的《${title}》已有新版本（${document.to}${issued}），您的评估结果随之变化：`
        : `“${title}” has a new version (${document.to}${issued}) since your assessment, and your result changes with it:`,
    );
    for (const change of a.difference.changes.filter((c) => c.policy === document.policy))
      lines.push(`• ${describe(change, lang, names)}`);
  }
  const { from, to } = a.difference.totals;
  lines.push(
    zh
      ? `估算合计：由 ${yuan(from, lang)}变为 ${yuan(to, lang)}。金额为估算上限，以主管部门审核认定为准。`
      : `Estimated total: ${yuan(from, lang)} before, ${yuan(to, lang)} now. Amounts are estimated ceilings; the authority decides.`,
  );
  lines.push(footer(a.channel, lang));
  return lines.join("\n");
}

/** Slack keeps every "/" message for its own commands, so there the word forms are named. */
function footer(channel: Channel, lang: Lang): string {
  // The conversation still holds the answers, so the result command shows them under the new version.
  if (channel === "slack")
    return lang === "zh"
      ? "发送“结果”查看按新版本的完整结果；发送“退订”不再接收此类通知。"
      : "Send “result” for the full result under the new version; send “unsubscribe” to get no more of these messages.";
  return lang === "zh"
    ? "发送 /result 查看按新版本的完整结果；发送 /unsubscribe 或“退订”不再接收此类通知。"
    : "Send /result for the full result under the new version; send /unsubscribe to get no more of these messages.";
}

/** One change in words, e.g. "数据实验室建设支持：由 1,000,000 元提高到 2,000,000 元". */
export function describe(change: Change, lang: Lang, names: Names): string {
  const zh = lang === "zh";
  switch (change.kind) {
    case "status":
      return zh
        ? `文件由${STATUS[change.from].zh}变为${STATUS[change.to].zh}`
        : `The document is now ${STATUS[change.to].en} (was: ${STATUS[change.from].en})`;
    case "gained":
      return zh
        ? `${benefitTitle(change, lang, names)}：新增可申请，最高 ${yuan(change.to, lang)}`
        : `${benefitTitle(change, lang, names)}: newly available, up to ${yuan(change.to, lang)}`;
    case "lost":
      return zh
        ? `${benefitTitle(change, lang, names)}：新版本中已不再符合（此前 ${yuan(change.from, lang)}）`
        : `${benefitTitle(change, lang, names)}: no longer available under the new version (was ${yuan(change.from, lang)})`;
    case "up":
    case "down":
    case "changed": {
      const verb = zh
        ? { up: "提高到", down: "降低到", changed: "变为" }[change.kind]
        : { up: "raised to", down: "lowered to", changed: "now" }[change.kind];
      return zh
        ? `${benefitTitle(change, lang, names)}：最高金额由 ${yuan(change.from, lang)}${verb} ${yuan(change.to, lang)}`
        : `${benefitTitle(change, lang, names)}: at most ${yuan(change.from, lang)} before, ${verb} ${yuan(change.to, lang)}`;
    }
  }
}

/** The benefit's title in the current document, or in the kept version that still had it. */
function benefitTitle(change: { policy: string; benefit: string }, lang: Lang, names: Names): string {
  const documents = [
    ...names.set.documents.filter((d) => d.id === change.policy),
    ...[...names.versions.values()].filter((v) => v.id === change.policy).map((v) => v.document),
  ];
  for (const document of documents) {
    const benefit = document.articles.flatMap((a) => a.benefits).find((b) => b.id === change.benefit);
    if (benefit) return benefit.title[lang];
  }
  return change.benefit;
}

/** What staff read per conversation in the summary. */
export function staffLines(a: Assessment, names: Names, lang: Lang, outcome: string): string[] {
  const zh = lang === "zh";
  const who = zh
    ? `${a.conversationId}（用户 ${a.userId}，${a.lang === "zh" ? "中文" : "英文"}，${a.subscribed ? "已订阅" : "未订阅"}，评估于 ${a.at}）：${outcome}`
    : `${a.conversationId} (user ${a.userId}, ${a.lang === "zh" ? "Chinese" : "English"}, ${a.subscribed ? "subscribed" : "not subscribed"}, assessed ${a.at}): ${outcome}`;
  const docs = a.difference.documents
    .map((d) => `${d.policy} ${d.from ?? "?"} → ${d.to}`)
    .join(zh ? "；" : "; ");
  const changes = a.difference.changes.map(
    (c) => `    • ${describe(c, lang, names)} [${c.kind}${"benefit" in c ? ` ${c.benefit}` : ""}]`,
  );
  const { from, to } = a.difference.totals;
  return [
    who,
    `    ${zh ? "文件：" : "documents: "}${docs}`,
    ...changes,
    `    ${zh ? "合计：" : "total: "}${formatYuan(from)} → ${formatYuan(to)}`,
    ...a.difference.notes.map((n) => `    ! ${n}`),
  ];
}

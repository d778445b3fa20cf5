/**
 * FAQ answers as readable text (Chinese by default, English on request), for the
 * `ask` command and the chat. Every document cited repeats its caveat (the Tongzhou
 * rules are a draft for comments, CONTRACT.md).
 */
import type { PolicySet } from "../policy/load.ts";
import type { Lang } from "../policy/outcome.ts";
import { articleLabel } from "../render/report.ts";
import { districtNames, findDistricts } from "./district.ts";
import type { FaqAnswer } from "./index.ts";

export function renderAnswers(question: string, answers: FaqAnswer[], set: PolicySet, lang: Lang): string {
  const zh = lang === "zh";
  const out = [`${zh ? "问题" : "Question"}${zh ? "：" : ": "}${question}`];
  if (answers.length === 0) {
    // The districts come from the documents loaded, so a new document needs no edit here.
    const districts = set.documents
      .map((d) => (zh ? (d.aliases[0] ?? d.district.zh) : d.district.en))
      .join("/");
    out.push(
      zh
        ? `没有找到相关条款。可以换个说法，或写明所在区（${districts}）和想了解的支持，例如“DCMM认证奖励多少”。`
        : `No clause matches. Try other words, or name the district (${districts}) and the support you mean, e.g. "DCMM certification award".`,
    );
    return out.join("\n");
  }
  const named = findDistricts(question, set.documents.map(districtNames)).named;
  if (named.size > 0 && !answers.some((a) => named.has(a.policy))) {
    const names = set.documents.filter((d) => named.has(d.id)).map((d) => d.district[lang]);
    out.push(
      zh
        ? `${names.join("、")}的措施中没有相关条款；以下是其他区的：`
        : `No clause of ${names.join(" or ")} matches; these are other districts':`,
    );
  }
  for (const [i, answer] of answers.entries()) {
    const label = articleLabel(set, answer.policy, answer.article, lang);
    const relevance = `${zh ? "相关度" : "relevance"} ${answer.score.toFixed(2)}`;
    // The Chinese label already ends with the heading, which is the title.
    const title = label.includes(answer.title) ? "" : answer.title;
    out.push(`${i + 1}. 【${label}】${title}${zh ? `（${relevance}）` : ` (${relevance})`}`);
    out.push(`   ${zh ? "原文" : "Source"}${zh ? "：" : ": "}“${answer.text}”`);
  }
  const cited = [...new Set(answers.map((a) => a.policy))];
  for (const policy of cited) {
    const caveat = set.documents.find((d) => d.id === policy)?.caveat[lang];
    if (caveat) out.push(`${zh ? "注：" : "Note: "}${caveat}`);
  }
  return out.join("\n");
}

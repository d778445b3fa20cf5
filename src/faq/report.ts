/**
 * FAQ answers as readable text (Chinese by default, English on request), for the `ask`
 * command; the chat builds its reply from the same pieces. Every document cited repeats
 * its caveat (the Tongzhou rules are a draft for comments, CONTRACT.md). A question the
 * measures do not cover says so, what they do cover and whom to ask; an English answer
 * gives the English rendering, marked as a translation, next to the Chinese source.
 */
import type { PolicySet } from "../policy/load.ts";
import type { Lang } from "../policy/outcome.ts";
import type { PolicyDocument } from "../policy/schema.ts";
import type { FaqAnswer, FaqResult } from "./index.ts";
import type { FaqVocabulary } from "./vocabulary.ts";

type Documents = Pick<PolicySet, "documents">;

const colon = (lang: Lang) => (lang === "zh" ? "：" : ": ");

/** A district's short name: 通州, Tongzhou. */
export function shortName(document: PolicyDocument, lang: Lang): string {
  return lang === "zh"
    ? (document.aliases[0] ?? document.district.zh)
    : document.district.en.replace(/\s*\(.*\)$/, "");
}

/** "通州区（北京城市副中心） 第八条 …" / "Tongzhou (…), article 8"; article 0 is named for what it is. */
export function clauseLabel(set: Documents, policy: string, article: number, lang: Lang): string {
  const document = set.documents.find((d) => d.id === policy);
  const found = document?.articles.find((a) => a.number === article);
  const name = document?.district[lang] ?? policy;
  if (lang === "zh") return `${name} ${found?.heading ?? article}`;
  if (article === 0) return `${name}, ${found?.title.en ?? "text outside the numbered articles"}`;
  return `${name}, ${/^第/.test(found?.heading ?? "") ? "article" : "item"} ${article}`;
}

/** What the measures cover, one line per area, then who interprets each document. */
export function coverageLines(
  set: Documents,
  vocabulary: FaqVocabulary,
  lang: Lang,
  only?: string[],
): string[] {
  const documents = set.documents.filter((d) => !only?.length || only.includes(d.id));
  const listed = new Set(vocabulary.areas.flatMap((a) => a.articles));
  const lines = vocabulary.areas
    .map((area) => {
      const where = documents.filter((d) => area.articles.some((ref) => ref.startsWith(`${d.id}:`)));
      return where.length ? `- ${area[lang]}（${where.map((d) => shortName(d, lang)).join("、")}）` : "";
    })
    .filter(Boolean);
  // A district added as data but not yet sorted into areas still shows what it offers.
  for (const document of documents) {
    const rest = document.articles.filter(
      (a) => a.benefits.length && !listed.has(`${document.id}:${a.number}`),
    );
    if (rest.length)
      lines.push(`- ${shortName(document, lang)}${colon(lang)}${rest.map((a) => a.title[lang]).join("、")}`);
  }
  return lang === "zh"
    ? lines
    : lines.map((l) => l.replace("（", " (").replace(/）$/, ")").replaceAll("、", ", "));
}

export function officeLine(set: Documents, lang: Lang, only?: string[]): string {
  const offices = set.documents
    .filter((d) => !only?.length || only.includes(d.id))
    .map((d) =>
      lang === "zh"
        ? `${d.interpretingAuthority.zh}（${shortName(d, lang)}）`
        : `${d.interpretingAuthority.en} (${shortName(d, lang)})`,
    );
  return lang === "zh"
    ? `有疑问可咨询负责解释的部门：${offices.join("；")}。`
    : `For questions, ask the office that interprets the measures: ${offices.join("; ")}.`;
}

/** The "not covered" reply: a short statement, the areas covered, whom to ask. */
export function notCoveredLines(
  set: Documents,
  vocabulary: FaqVocabulary,
  lang: Lang,
  named: string[],
): string[] {
  const names = set.documents.filter((d) => named.includes(d.id)).map((d) => d.district[lang]);
  const head =
    lang === "zh"
      ? `${names.length ? `${names.join("、")}的` : ""}措施没有涉及这个问题。措施涉及的是：`
      : `The ${names.length ? `${names.join(" and ")} ` : ""}measures do not cover this. They cover:`;
  return [head, ...coverageLines(set, vocabulary, lang, named), officeLine(set, lang, named)];
}

/** The review steps a clause names (经认定, 经专家评审, 综合评审…). */
export function reviewSteps(text: string): string[] {
  const found =
    text.match(/经(?:专家)?(?:综合)?(?:认定|评审|评价|评估)|(?:根据|按照)?综合(?:评审|评估|评价)/g) ?? [];
  return [...new Set(found.map((s) => s.replace(/^(根据|按照)/, "")))];
}

/** For "how do I apply": what the measures say, and plainly what they do not. */
export function applyLines(set: Documents, answers: FaqAnswer[], lang: Lang): string[] {
  const cited = [...new Set(answers.map((a) => a.policy))];
  const steps = answers.flatMap((a) => {
    const article = set.documents
      .find((d) => d.id === a.policy)
      ?.articles.find((x) => x.number === a.article);
    return reviewSteps(article?.text ?? "").map((s) => ({
      s,
      label: clauseLabel(set, a.policy, a.article, lang),
    }));
  });
  const lines = [
    lang === "zh"
      ? "措施没有写明申请材料和办理流程。"
      : "The measures do not list application materials or a procedure.",
  ];
  if (steps.length) {
    const said = [...new Set(steps.map((x) => x.s))].join("、");
    lines.push(lang === "zh" ? `条款写明的程序：${said}。` : `The clauses name these review steps: ${said}.`);
  }
  lines.push(officeLine(set, lang, cited.length ? cited : undefined));
  return lines;
}

/** Why a clause is shown when the question's words did not pick it (FaqResult.shownFor). */
const SHOWN_FOR: Record<NonNullable<FaqResult["shownFor"]>, Record<Lang, string>> = {
  procedure: {
    zh: "此条写明由谁解释和组织实施",
    en: "this text names who interprets and runs the measures",
  },
  district: { zh: "按条文顺序列出", en: "the district's clauses in order" },
};

export function renderAnswers(
  question: string,
  result: FaqResult,
  set: PolicySet,
  vocabulary: FaqVocabulary,
  lang: Lang,
): string {
  const zh = lang === "zh";
  const out = [`${zh ? "问题" : "Question"}${colon(lang)}${question}`];
  const { answers } = result;
  if (answers.length === 0) {
    out.push(...notCoveredLines(set, vocabulary, lang, result.named));
    return out.join("\n");
  }
  if (result.missingIn.length) {
    const names = set.documents.filter((d) => result.missingIn.includes(d.id)).map((d) => d.district[lang]);
    const others = [...new Set(answers.map((a) => a.policy))].map(
      (id) => set.documents.find((d) => d.id === id)?.district[lang] ?? id,
    );
    out.push(
      zh
        ? `${names.join("、")}的措施中没有相关条款；以下是${others.join("、")}的条款（不是${names.join("、")}的）：`
        : `The ${names.join(" and ")} measures have no such clause; these are ${others.join(" and ")}'s (not ${names.join(" or ")}'s):`,
    );
  }
  for (const [i, answer] of answers.entries()) {
    const label = clauseLabel(set, answer.policy, answer.article, lang);
    // A figure only where it measures something: a clause picked on the question's words. A
    // clause given for the kind of question says why it is shown instead (a score at the
    // floor would read as "barely related" on the very answer chosen).
    const note = result.shownFor
      ? SHOWN_FOR[result.shownFor][lang]
      : `${zh ? "相关度" : "relevance"} ${answer.score.toFixed(2)}`;
    // The Chinese label already ends with the heading, which holds the title.
    const title = label.includes(answer.title) ? "" : answer.title;
    out.push(`${i + 1}. 【${label}】${title}${zh ? `（${note}）` : ` (${note})`}`);
    const quote = answer.quote ?? answer.text;
    if (!zh && answer.text !== quote) out.push(`   English (translation, not official): ${answer.text}`);
    out.push(`   ${zh ? "原文" : "Source (Chinese)"}${colon(lang)}“${quote}”`);
  }
  if (result.procedural) out.push(...applyLines(set, answers, lang));
  const cited = [...new Set(answers.map((a) => a.policy))];
  for (const policy of cited) {
    const caveat = set.documents.find((d) => d.id === policy)?.caveat[lang];
    if (caveat) out.push(`${zh ? "注：" : "Note: "}${caveat}`);
  }
  return out.join("\n");
}

/**
 * An FAQ answer in the chat, as parts each surface formats its own way (FaqView): the console
 * and `chat --json` print `faqText`, Telegram and Slack give titles in bold and fold the quote
 * (telegram/faq.ts, slack/faq.ts). What goes in is the FAQ's result (src/faq), never re-ranked
 * for relevance; what this file decides is presentation:
 * - only the benefits of an article that the question is about (a 贴息 question does not list
 *   the same article's equity award);
 * - the user's district first, another district's clause said not to apply to them;
 * - a plain sentence when the user's district has no clause on what was asked and another has
 *   ("石景山没有贴息条款，只有…"), read from the data: a keyword of the other district's clause
 *   that the question uses and that the user's district's document never mentions.
 */
import type { FaqClause, FaqView, Lang } from "../dialog/types.ts";
import type { FaqAnswer, FaqResult } from "../faq/index.ts";
import { applyLines, clauseLabel, notCoveredLines, shortName } from "../faq/report.ts";
import type { FaqVocabulary } from "../faq/vocabulary.ts";
import { ceiling } from "../policy/amounts.ts";
import type { PolicySet } from "../policy/load.ts";
import type { Article, Benefit, PolicyDocument } from "../policy/schema.ts";
import { CATALOGUE } from "./catalogue.ts";
import { PERIOD, yuanText } from "./report.ts";
import type { Units } from "./units.ts";

/** Long article texts are shortened in the chat; the quote stays a verbatim prefix. */
const MAX_QUOTE = 600;

export interface FaqViewInput {
  question: string;
  result: FaqResult;
  set: PolicySet;
  lang: Lang;
  /** The user's district, when the dialog knows it. */
  district?: string;
  /** The console's lead-in before the clauses. */
  intro?: string;
  /** How amounts are written: a chat app's style on Telegram and Slack (units.ts). */
  units?: Units;
}

export function faqView(input: FaqViewInput): FaqView {
  const { result, set, lang } = input;
  const c = CATALOGUE[lang].faq;
  const mine = set.documents.find((d) => d.id === input.district);
  // The user's district first whatever order the answers came in; otherwise best first.
  const answers = [...result.answers].sort((a, b) => Number(b.applies === true) - Number(a.applies === true));
  const clauses = answers.map((a) => clause(a, input, mine));
  const lead: string[] = [];
  if (result.missingIn.length) {
    const name = (id: string) => set.documents.find((d) => d.id === id)?.district[lang] ?? id;
    const others = [...new Set(answers.map((a) => a.policy))].map(name);
    lead.push(c.missingIn(listOf(result.missingIn.map(name), lang), listOf(others, lang)));
  } else if (mine && result.named.length === 0) {
    const sentence = lacking(input, mine, answers, clauses);
    if (sentence) lead.push(sentence);
  }
  const notes = result.procedural ? applyLines(set, answers, lang) : [];
  return { lang, ...(input.intro ? { intro: input.intro } : {}), lead, clauses, list: [], notes };
}

/** The "not covered" reply as parts: the statement, the areas covered, whom to ask. */
export function notCoveredView(
  set: PolicySet,
  vocabulary: FaqVocabulary,
  lang: Lang,
  named: string[],
): FaqView {
  const [head = "", ...rest] = notCoveredLines(set, vocabulary, lang, named);
  const office = rest.pop() ?? "";
  return {
    lang,
    lead: [head],
    clauses: [],
    list: rest.map((line) => line.replace(/^- /, "")),
    notes: [office],
  };
}

/** The view as plain text: the console, `chat --json` and every surface's fallback. */
export function faqText(view: FaqView): string {
  const { lang } = view;
  const c = CATALOGUE[lang].faq;
  const blocks = view.clauses.map((x) => {
    // One benefit's title is its bullet's; several are under the article's title.
    const titled = x.points.length === 1 || x.label.includes(x.title);
    const lines = [titled ? `【${x.label}】` : `【${x.label}】${x.title}`];
    if (x.notYours) lines.push(lang === "zh" ? `（${x.notYours}）` : `(${x.notYours})`);
    lines.push(...x.points.map((p) => `• ${p.title}${c.colon}${p.summary}`));
    if (x.english) lines.push(`${c.english}${x.english}`);
    lines.push(`${c.source}“${x.quote}”`);
    if (x.caveat) lines.push(x.caveat);
    return lines.join("\n");
  });
  if (blocks.length === 0) return [...view.lead, ...view.list.map((l) => `- ${l}`), ...view.notes].join("\n");
  return [view.intro, ...view.lead, ...blocks, view.notes.join("\n")].filter(Boolean).join("\n\n");
}

function clause(a: FaqAnswer, input: FaqViewInput, mine: PolicyDocument | undefined): FaqClause {
  const { set, lang } = input;
  const document = set.documents.find((d) => d.id === a.policy);
  const article = document?.articles.find((x) => x.number === a.article);
  const benefits = article ? askedAbout(article, a, input.question) : [];
  const points = benefits.map((b) => ({
    title: b.title[lang],
    amount: amountOf(b, lang, input.units),
    summary: b.summary[lang],
  }));
  const quote = a.quote ?? a.text;
  const single = points.length === 1 ? points[0] : undefined;
  return {
    title: single?.title ?? a.title,
    source: sourceOf(set, document, article, lang),
    label: clauseLabel(set, a.policy, a.article, lang),
    ...(a.applies === false && document && mine
      ? { notYours: CATALOGUE[lang].faq.notYours(document.district[lang], mine.district[lang]) }
      : {}),
    points,
    ...(lang === "en" && a.text !== quote ? { english: short(a.text) } : {}),
    quote: short(quote),
    ...(document?.status === "draft" ? { caveat: document.caveat[lang] } : {}),
  };
}

/** The benefits the question is about: the one whose words the FAQ quoted; when it quoted the
 * whole article, those whose own words share a keyword with the question, if that leaves some
 * out; otherwise all of them. */
function askedAbout(article: Article, answer: FaqAnswer, question: string): Benefit[] {
  const quoted = article.benefits.filter((b) => b.quote === answer.quote);
  if (quoted.length) return quoted;
  const asked = (article.keywords ?? []).filter((k) => mentions(question, k));
  const named = article.benefits.filter((b) =>
    asked.some((k) => mentions([b.title.zh, b.title.en, b.summary.zh, b.summary.en, b.quote].join("\n"), k)),
  );
  return named.length && named.length < article.benefits.length ? named : article.benefits;
}

/** "石景山没有贴息条款，只有数据资产融资担保费补助。" when the question uses a keyword of another
 * district's clause that the user's district's document never mentions. */
function lacking(
  input: FaqViewInput,
  mine: PolicyDocument,
  answers: FaqAnswer[],
  clauses: FaqClause[],
): string | undefined {
  const { set, lang, question } = input;
  const other = answers.find((a) => a.applies === false);
  const theirs = set.documents.find((d) => d.id === other?.policy);
  const article = theirs?.articles.find((x) => x.number === other?.article);
  if (!theirs || !article) return undefined;
  const words = documentWords(mine);
  const missing = (article.keywords ?? [])
    .filter((k) => mentions(question, k) && !mentions(words, k))
    .sort((a, b) => position(question, a) - position(question, b) || b.length - a.length);
  const [thing] = missing;
  if (!thing) return undefined;
  const c = CATALOGUE[lang].faq;
  // "只有…" names the user's own clause as what they have instead, only when it is about the
  // question too (shares one of its keywords) and names one or two benefits, not a whole list.
  const index = answers.findIndex((a) => a.applies === true);
  const own = mine.articles.find((x) => x.number === answers[index]?.article);
  const yours = clauses[index];
  const related = (own?.keywords ?? []).some((k) => mentions(question, k));
  const has = yours && related && yours.points.length <= 2 ? yours.points.map((p) => p.title) : [];
  return has.length
    ? c.onlyHas(shortName(mine, lang), thing, listOf(has, lang))
    : c.otherHas(shortName(mine, lang), thing, shortName(theirs, lang));
}

const wordsOfDocument = new WeakMap<PolicyDocument, string>();

/** Everything a district's document says, in both languages, for "does it mention X at all"
 * (joined once per document: documents do not change while the advisor runs). */
function documentWords(document: PolicyDocument): string {
  let words = wordsOfDocument.get(document);
  if (words === undefined) {
    words = joinedText(document);
    wordsOfDocument.set(document, words);
  }
  return words;
}

function joinedText(document: PolicyDocument): string {
  return document.articles
    .flatMap((a) => [
      a.heading,
      a.title.zh,
      a.title.en,
      a.text,
      ...(a.translation?.en ?? []),
      ...(a.keywords ?? []),
      ...a.benefits.flatMap((b) => [b.title.zh, b.title.en, b.summary.zh, b.summary.en]),
    ])
    .join("\n");
}

const fold = (text: string) => text.normalize("NFKC").toLowerCase();

/** Whether `text` has the word: Chinese as a substring, Latin as a whole word ("AI" is not in
 * "certain"), its plural too ("typical cases" mentions "typical case"). */
function mentions(text: string, word: string): boolean {
  const w = fold(word);
  if (/\p{Script=Han}/u.test(w)) return fold(text).includes(w);
  const escaped = w.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  return new RegExp(`(?<![a-z0-9])${escaped}(?:s|es)?(?![a-z0-9])`).test(fold(text));
}

const position = (text: string, word: string) => fold(text).indexOf(fold(word));

function amountOf(benefit: Benefit, lang: Lang, units: Units = "yuan"): string {
  const c = CATALOGUE[lang];
  if (benefit.amount.kind === "none") return c.notMoneyShort;
  const rule = benefit.amount;
  const cap = ceiling(rule);
  const period = PERIOD[benefit.period][lang];
  if (cap !== null) return c.amountLine(yuanText(cap, lang, units), period);
  // Per item without a limit on the sum (each award won, each platform): the most per item.
  const each = rule.kind === "perItem" ? ceiling(rule.each) : null;
  return each === null ? c.amountDepends : c.faq.perItem(yuanText(each, lang, units), period);
}

/** "石景山区（3）", "通州区（北京城市副中心）第八条", "Tongzhou, article 8". */
function sourceOf(
  set: PolicySet,
  document: PolicyDocument | undefined,
  article: Article | undefined,
  lang: Lang,
): string {
  if (!document || !article) return "";
  if (lang === "en" || article.number === 0) return clauseLabel(set, document.id, article.number, lang);
  const number = article.heading.split(/\s+/)[0] ?? "";
  return `${document.district.zh}${number}`;
}

const short = (text: string) => (text.length > MAX_QUOTE ? `${text.slice(0, MAX_QUOTE)}…` : text);

const listOf = (items: string[], lang: Lang) => (lang === "zh" ? items.join("、") : items.join(" and "));

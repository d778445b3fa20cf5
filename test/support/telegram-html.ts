/** What Telegram's HTML parse mode accepts, as far as the advisor uses it: an answer with an
 * unknown tag, an unclosed one or a raw "<" is refused by Telegram ("can't parse entities"),
 * which the fake Bot API does not check. */
const ALLOWED = new Map([
  ["b", /^$/],
  ["i", /^$/],
  ["blockquote", /^( expandable)?$/],
]);

/** The problems with `html` as Telegram HTML; empty when Telegram would take it. */
export function telegramHtmlProblems(html: string): string[] {
  const problems: string[] = [];
  const open: string[] = [];
  for (const match of html.matchAll(/<(\/?)([a-z]+)([^>]*)>/g)) {
    const [, closing, tag = "", attributes = ""] = match;
    if (!ALLOWED.get(tag)?.test(attributes)) problems.push(`tag <${tag}${attributes}>`);
    if (!closing) open.push(tag);
    else if (open.pop() !== tag) problems.push(`</${tag}> closes nothing open`);
  }
  if (open.length) problems.push(`unclosed ${open.join(", ")}`);
  const text = html.replace(/<\/?[a-z]+[^>]*>/g, "");
  if (/[<>]/.test(text)) problems.push("a raw < or > in the text");
  if (/&(?!(amp|lt|gt|quot);)/.test(text)) problems.push("a raw & in the text");
  return problems;
}

/** The text a reader sees: tags taken out, entities read. */
export const telegramPlain = (html: string) =>
  html
    .replace(/<\/?[a-z]+[^>]*>/g, "")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, "&");

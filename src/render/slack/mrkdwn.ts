/**
 * Slack mrkdwn text: escaping and splitting to fit Block Kit's per-field limits.
 */

/** Slack reads `&`, `<` and `>` as control characters (links, mentions); everything the
 * dialog says is plain text, so they are always escaped. */
export function escapeMrkdwn(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

/**
 * Splits already-escaped text into pieces of at most `max` characters, preferring line
 * boundaries. A single line longer than `max` is cut, but never inside an `&amp;`-style
 * entity or a surrogate pair, so every piece still renders correctly on its own.
 */
export function splitText(text: string, max: number): string[] {
  const pieces: string[] = [];
  let current = "";
  for (const line of text.split("\n")) {
    const candidate = current === "" ? line : `${current}\n${line}`;
    if (candidate.length <= max) {
      current = candidate;
      continue;
    }
    if (current !== "") pieces.push(current);
    current = "";
    let rest = line;
    while (rest.length > max) {
      const cut = safeCut(rest, max);
      pieces.push(rest.slice(0, cut));
      rest = rest.slice(cut);
    }
    current = rest;
  }
  if (current !== "" || pieces.length === 0) pieces.push(current);
  return pieces;
}

/** The largest cut position <= max that splits neither an entity nor a surrogate pair. */
function safeCut(text: string, max: number): number {
  let cut = max;
  const ampersand = text.lastIndexOf("&", cut - 1);
  // Entities we produce are at most 5 characters long ("&amp;").
  if (ampersand >= 0 && ampersand > cut - 5) {
    const semicolon = text.indexOf(";", ampersand);
    if (semicolon >= cut && ampersand > 0) cut = ampersand;
  }
  const code = text.charCodeAt(cut - 1);
  if (code >= 0xd800 && code <= 0xdbff) cut -= 1;
  return cut;
}

/** Shortens `text` to at most `max` characters, marking the cut with an ellipsis. */
export function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  return `${safeSlice(text, max - 1)}…`;
}

function safeSlice(text: string, end: number): string {
  const code = text.charCodeAt(end - 1);
  return text.slice(0, code >= 0xd800 && code <= 0xdbff ? end - 1 : end);
}

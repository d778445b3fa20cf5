/**
 * How to fix a malformed condition, amount rule or document rule: the shape of the kind the data
 * names, appended to the schema's message so the author sees what a valid one looks like.
 */

const BOUND = `"bound": "atLeast" | "atMost" | "above" | "below"`;

const SHAPES: Record<string, string> = {
  atLeast: `{"kind": "atLeast", "fact": "PATH", "value": NUMBER} (以上/不低于: includes the number)`,
  atMost: `{"kind": "atMost", "fact": "PATH", "value": NUMBER} (不超过/以下/以内: includes the number)`,
  above: `{"kind": "above", "fact": "PATH", "value": NUMBER} (大于/超过: excludes the number)`,
  below: `{"kind": "below", "fact": "PATH", "value": NUMBER} (低于/不满: excludes the number)`,
  ratio: `{"kind": "ratio", "part": "PATH", "whole": "PATH", ${BOUND}, "percent": 5} (part ÷ whole against percent)`,
  age: `{"kind": "age", "fact": "DATE FACT", ${BOUND}, "duration": {"years": 3}} (time from the date to the evaluation date)`,
  bands: `{"kind": "bands", "figure": {"kind": "fact", "fact": "PATH"}, "bands": [{"from": 10000000, "amount": 200000}, …]} (from is included unless "strict": true)`,
  dated: `{"kind": "dated", "values": [{"from": "YYYY-MM-DD", "reference": "verbatim words", "rule": AMOUNT RULE}, …]}`,
  exclusive: `{"kind": "exclusive", "benefits": ["id", "id", …], "pick": "highest", "quote": "verbatim words"}`,
  cap: `{"kind": "cap", "amount": YUAN, "benefits": ["id", …] (optional: all), "quote": "verbatim words"}`,
};

/** The hint for the innermost object with a known `kind` on the path, or "". */
export function kindHint(json: unknown, path: readonly PropertyKey[]): string {
  let node: unknown = json;
  let hint = "";
  for (const key of [undefined, ...path]) {
    if (key !== undefined) node = (node as Record<PropertyKey, unknown> | undefined)?.[key];
    const kind = node && typeof node === "object" ? (node as { kind?: unknown }).kind : undefined;
    if (typeof kind === "string" && SHAPES[kind]) hint = `; a "${kind}" is written ${SHAPES[kind]}`;
  }
  return hint;
}

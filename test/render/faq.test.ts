/** The FAQ's chat answer says a district "has no such clause" only when that is true: over the
 * FAQ's own question sets, asked by a user of each district, every such sentence names a word
 * the district's source text and its English rendering never use, and its other clauses are
 * the ones the FAQ returned, the user's first. */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { faqReply } from "../../src/dialog/faq.ts";
import { createFaqIndex } from "../../src/faq/index.ts";
import { loadPolicySet } from "../../src/policy/load.ts";

const set = loadPolicySet();
const faq = createFaqIndex(set);
const questions = ["faq-questions.json", "faq-district.json"].flatMap((file) =>
  (JSON.parse(readFileSync(`test/fixtures/${file}`, "utf8")) as { q: string }[]).map((item) => item.q),
);

/** All a district's document says, as the source file and the data's English rendering. */
function everything(id: string): string {
  const document = set.documents.find((d) => d.id === id);
  const source = readFileSync(`data/sources/${document?.sourceFile ?? `${id}.zh.txt`}`, "utf8");
  const english = (document?.articles ?? []).flatMap((a) => a.translation?.en ?? []);
  return [source, ...english].join("\n").toLowerCase();
}

describe("the chat's FAQ answer for a user whose district is known", () => {
  const lacking: string[] = [];
  for (const document of set.documents) {
    const text = everything(document.id);
    for (const q of questions) {
      const lang = /\p{Script=Han}/u.test(q) ? "zh" : "en";
      const reply = faqReply(q, faq, set, lang, document.id);
      const view = reply.kind === "text" ? reply.faq : undefined;
      if (!view?.clauses.length) continue;
      for (const sentence of view.lead) {
        const thing =
          (sentence.startsWith(`${document.aliases[0]}没有`) && /没有(.+?)条款/.exec(sentence)?.[1]) ||
          /no clause on “(.+?)”/.exec(sentence)?.[1];
        if (thing) lacking.push(`${document.id}\t${thing}\t${q}`);
      }
      // Their own district's clauses come first, the others' are marked.
      const marked = view.clauses.map((c) => c.notYours !== undefined);
      expect(marked, q).toEqual([...marked].sort((a, b) => Number(a) - Number(b)));
    }
    it(`${document.id}: never says it lacks a word its measures use`, () => {
      for (const line of lacking.filter((l) => l.startsWith(`${document.id}\t`))) {
        const [, thing = ""] = line.split("\t");
        expect(text.includes(thing.toLowerCase()), line).toBe(false);
      }
    });
  }

  it("says so for questions of the kind the issue names (at least a few in each district)", () => {
    for (const document of set.documents)
      expect(lacking.filter((l) => l.startsWith(`${document.id}\t`)).length).toBeGreaterThan(3);
  });
});

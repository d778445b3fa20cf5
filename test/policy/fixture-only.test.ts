/** With only the fictional document loaded, nothing the advisor says names a real district: the
 * welcome, the questions, the result, the out-of-area answer and the readable triage report all
 * take their place names from the loaded data. The forbidden names are read from the real data
 * files, so a new real document is covered without editing this test. */
import { copyFileSync, mkdirSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { createAdvisorService } from "../../src/dialog/service.ts";
import type { DialogEvent, Lang, Reply } from "../../src/dialog/types.ts";
import { evaluate } from "../../src/policy/evaluate.ts";
import { defaultDataDir, loadPolicySet } from "../../src/policy/load.ts";
import { parseProfile } from "../../src/policy/profile.ts";
import { renderReport } from "../../src/render/report.ts";
import { MemoryStore } from "../../src/store/memory.ts";
import { replyText } from "../dialog/transcript-runner.ts";

const exampleDir = new URL("../fixtures/policies/", import.meta.url).pathname;

function fixtureOnlyDataDir(): string {
  const dir = mkdtempSync(join(tmpdir(), "fixture-only-"));
  mkdirSync(join(dir, "policies"));
  copyFileSync(join(defaultDataDir(), "facts.json"), join(dir, "facts.json"));
  return dir;
}

const real = loadPolicySet(defaultDataDir(), []);
const forbidden = real.documents.flatMap((d) => [d.id, d.district.zh, d.district.en, ...d.aliases]);
const set = { ...loadPolicySet(fixtureOnlyDataDir(), [exampleDir]), asOf: "2026-06-30" };

function expectNoRealName(text: string) {
  for (const name of forbidden)
    expect(text.toLowerCase(), `names "${name}"`).not.toContain(name.toLowerCase());
}

async function conversation(lang: Lang, events: DialogEvent[]): Promise<string> {
  const service = createAdvisorService({ set, store: new MemoryStore() });
  const said: Reply[] = [];
  for (const event of events)
    said.push(
      ...(await service.handle({ channel: "console", conversationId: "c", userId: "u", lang, event })),
    );
  return said.map(replyText).join("\n");
}

describe("a policy set of only the fixture document", () => {
  it("loads just that document", () => {
    expect(set.documents.map((d) => d.id)).toEqual(["example"]);
    expect(forbidden.length).toBeGreaterThan(0);
  });

  it.each(["zh", "en"] as const)("the chat (%s) names only the fixture's district", async (lang) => {
    const text = await conversation(lang, [
      { kind: "start" },
      { kind: "text", text: "/help" },
      { kind: "text", text: "示例区" },
      { kind: "text", text: "/result" },
      { kind: "text", text: "/restart" },
    ]);
    expect(text).toContain(set.documents[0]?.district[lang]);
    expectNoRealName(text);
  });

  it.each(["zh", "en"] as const)("an entity elsewhere (%s) is told the fixture's district", async (lang) => {
    const service = createAdvisorService({ set, store: new MemoryStore() });
    const start = await service.handle({
      channel: "console",
      conversationId: "c",
      userId: "u",
      lang,
      event: { kind: "start" },
    });
    const question = start.find((r) => r.kind === "question");
    const other = question?.kind === "question" ? question.choices.at(-1) : undefined;
    expect(other).toBeDefined();
    const replies = await service.handle({
      channel: "console",
      conversationId: "c",
      userId: "u",
      lang,
      event: { kind: "choice", id: other?.id ?? "" },
    });
    const text = [...start, ...replies].map(replyText).join("\n");
    expect(text).toContain(set.documents[0]?.district[lang]);
    expectNoRealName(text);
  });

  it.each(["zh", "en"] as const)("the readable report (%s) of an entity in and out of it", (lang) => {
    for (const district of ["example", "other"]) {
      const profile = parseProfile(set.profileSchema, {
        district,
        dataEnterprise: true,
        operatingRevenue: 60_000_000,
      });
      const text = renderReport(evaluate(profile, set, { whatIf: true }), set, district, lang);
      expect(text).toContain(set.documents[0]?.district[lang]);
      expectNoRealName(text);
    }
  });
});

/** A whole conversation with the fictional document loaded beside the real ones, and the FAQ
 * finding its articles: the dialog and retrieval take a new document from data alone. */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { createFaqIndex } from "../../src/faq/index.ts";
import { defaultDataDir, loadPolicySet } from "../../src/policy/load.ts";
import { play, type Transcript } from "../dialog/transcript-runner.ts";

const exampleDir = new URL("../fixtures/policies/", import.meta.url).pathname;
// A fixed evaluation date, as `chat --as-of 2026-06-30` gives.
const set = { ...loadPolicySet(defaultDataDir(), [exampleDir]), asOf: "2026-06-30" };
const faq = createFaqIndex(set);
const transcript = JSON.parse(
  readFileSync(new URL("./example-district.transcript.json", import.meta.url), "utf8"),
) as Transcript;

describe("a chat about the example document", () => {
  it(transcript.name, () => play(transcript, set, faq));
});

describe("the FAQ finds the example document's articles", () => {
  it.each([
    ["示例区研发投入有补贴吗？", 1],
    ["初创企业拿到股权融资有奖励吗", 2],
    ["示例区数据资产入表补贴多少", 3],
    ["首个数据产品交易合同有奖励吗", 4],
    ["数据服务收入分档奖励怎么算", 5],
    ["小微企业购买数据服务能补贴吗", 6],
    ["示例区各项补贴可以同时享受吗", 7],
    ["示例区这个措施有效期到什么时候", 8],
    ["Example District R&D subsidy", 1],
    ["when does the Example District policy expire", 8],
  ])("%s → article %i", (question, article) => {
    const [first] = faq.ask(question);
    expect(first && `${first.policy}:${first.article}`).toBe(`example:${article}`);
  });
});

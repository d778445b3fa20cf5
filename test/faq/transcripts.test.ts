/** Conversations about the FAQ (issue 9), played against the real service and policy data. */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, it } from "vitest";
import { createFaqIndex } from "../../src/faq/index.ts";
import { loadPolicySet } from "../../src/policy/load.ts";
import { play, type Transcript } from "../dialog/transcript-runner.ts";

const dir = join(import.meta.dirname, "transcripts");
const set = loadPolicySet();
const faq = createFaqIndex(set);

describe("FAQ in the conversation", () => {
  for (const file of readdirSync(dir)
    .filter((f) => f.endsWith(".json"))
    .sort()) {
    const transcript = JSON.parse(readFileSync(join(dir, file), "utf8")) as Transcript;
    it(`${file}: ${transcript.name}`, () => play(transcript, set, faq));
  }
});

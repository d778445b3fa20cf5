/** `advisor understand` and `triage --text` as other programs use them (CONTRACT.md section 7). */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { main } from "../../src/cli/main.ts";
import { runCommand } from "../support/cli-io.ts";

const dir = mkdtempSync(join(tmpdir(), "understand-"));
const file = (name: string, text: string) => {
  writeFileSync(join(dir, name), text);
  return join(dir, name);
};
const advisor = (...args: string[]) => runCommand((a, io) => main(a, io), args);

describe("understand", () => {
  it("reads a description into a profile and the facts said to be unknown", async () => {
    const run = await advisor("understand", "我们在石景山，DCMM三级，担保费还不清楚", "--json");
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toEqual({
      lang: "zh",
      profile: { district: "shijingshan", dcmm: { level: 3 } },
      unknown: ["guaranteedFinancing.guaranteeFee"],
    });
  });

  it("reads an answer to one fact: a value, unknown, or unread", async () => {
    const value = await advisor(
      "understand",
      "一个亿",
      "--fact",
      "infrastructure.fixedAssetInvestment",
      "--json",
    );
    expect(JSON.parse(value.stdout)).toEqual({
      fact: "infrastructure.fixedAssetInvestment",
      value: 100_000_000,
    });
    const unknown = await advisor("understand", "没印象", "--fact", "keyTechBreakthrough", "--json");
    expect(JSON.parse(unknown.stdout)).toEqual({ fact: "keyTechBreakthrough", unknown: true });
    const unread = await advisor(
      "understand",
      "负十万",
      "--fact",
      "guaranteedFinancing.guaranteeFee",
      "--json",
    );
    expect(JSON.parse(unread.stdout)).toMatchObject({
      fact: "guaranteedFinancing.guaranteeFee",
      unread: true,
    });
    expect(unread.code).toBe(0);
  });

  it("exits 2 naming an unknown fact path, with nothing on stdout", async () => {
    const run = await advisor("understand", "3", "--fact", "dcmm.levle", "--json");
    expect(run.code).toBe(2);
    expect(run.stdout).toBe("");
    expect(run.stderr).toContain("dcmm.levle");
  });

  it("--batch prints one line per input line, in order, a bad line as an error", async () => {
    const lines = [
      JSON.stringify({ text: "好像有吧", fact: "infrastructure.crossRegionService" }),
      "",
      "{not json",
      JSON.stringify({ text: "Tongzhou company; we won a 揭榜挂帅 challenge project" }),
      JSON.stringify({ text: "3", fact: "no.such" }),
    ];
    const run = await advisor("understand", "--batch", file("u.jsonl", lines.join("\n")), "--json");
    expect(run.code).toBe(0);
    const out = run.stdout
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l));
    expect(out).toHaveLength(4);
    expect(out[0]).toEqual({ fact: "infrastructure.crossRegionService", value: true });
    expect(out[1]).toMatchObject({ line: 3 });
    expect(out[2].profile).toEqual({ district: "tongzhou", challengeWinner: true });
    expect(out[3]).toMatchObject({ line: 5 });
  });
});

describe("triage --text", () => {
  it("triages the profile the description states", async () => {
    const run = await advisor("triage", "--text", "我们在石景山，DCMM二级", "--json");
    expect(run.code).toBe(0);
    const out = JSON.parse(run.stdout);
    expect(out.matches.map((m: { policy: string; article: number }) => `${m.policy}:${m.article}`)).toContain(
      "shijingshan:5",
    );
  });

  it("prints a readable report without --json", async () => {
    const run = await advisor(
      "triage",
      "--text",
      "We are in Tongzhou and won a challenge project",
      "--lang",
      "en",
    );
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("challenge project");
  });

  it("exits 2 naming district when the text does not say where", async () => {
    const run = await advisor("triage", "--text", "DCMM三级", "--json");
    expect(run.code).toBe(2);
    expect(run.stdout).toBe("");
    expect(run.stderr).toContain("district");
  });
});

/** Profiles carry `id` and `name` for staff (CONTRACT.md section 2): echoed first, never changing a result. */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { main } from "../../src/cli/main.ts";
import { runCommand } from "../support/cli-io.ts";

const dir = mkdtempSync(join(tmpdir(), "triage-id-"));
const file = (name: string, text: string) => {
  writeFileSync(join(dir, name), text);
  return join(dir, name);
};
const triage = (...args: string[]) => runCommand((a, io) => main(["triage", ...a], io), args);
const facts = {
  district: "tongzhou",
  infrastructure: { inOperation: true, fixedAssetInvestment: 30_000_000 },
};

describe("profile id and name", () => {
  it("are the first fields of the single JSON output and change nothing else", async () => {
    const bare = JSON.parse(
      (await triage("--profile", file("a.json", JSON.stringify(facts)), "--json")).stdout,
    );
    const named = await triage(
      "--profile",
      file("b.json", JSON.stringify({ ...facts, id: "91110112MA01", name: "甲数据科技有限公司" })),
      "--json",
    );
    expect(named.code).toBe(0);
    const out = JSON.parse(named.stdout);
    expect(Object.keys(out).slice(0, 2)).toEqual(["id", "name"]);
    const { id, name, ...rest } = out;
    expect({ id, name }).toEqual({ id: "91110112MA01", name: "甲数据科技有限公司" });
    expect(rest).toEqual(bare);
  });

  it("open every batch line that carries them, and the compare output", async () => {
    const lines = [
      JSON.stringify({ id: "1", ...facts }),
      JSON.stringify({ name: "乙公司", district: "shijingshan", dcmm: { level: 3 } }),
    ].join("\n");
    const run = await triage("--batch", file("b.jsonl", lines), "--json");
    const [first, second] = run.stdout
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l));
    expect(Object.keys(first)[0]).toBe("id");
    expect(Object.keys(second)[0]).toBe("name");
    expect(second.totals.max).toBe(200_000);
    const compare = await triage(
      "--profile",
      file("c.json", JSON.stringify({ id: "C", ...facts })),
      "--json",
      "--compare",
    );
    expect(Object.keys(JSON.parse(compare.stdout))[0]).toBe("id");
  });

  it("name the entity on top of the readable report", async () => {
    const run = await triage(
      "--profile",
      file("r.json", JSON.stringify({ ...facts, id: "A9", name: "丙公司" })),
    );
    expect(run.stdout.split("\n")[0]).toContain("丙公司");
    expect(run.stdout.split("\n")[0]).toContain("A9");
  });

  it("are refused when empty, too long or not strings, naming the field", async () => {
    for (const [bad, field] of [
      [{ id: "" }, "id"],
      [{ id: "x".repeat(65) }, "id"],
      [{ name: "名".repeat(201) }, "name"],
      [{ name: 7 }, "name"],
    ] as const) {
      const run = await triage("--profile", file("bad.json", JSON.stringify({ ...facts, ...bad })), "--json");
      expect(run.code).toBe(2);
      expect(run.stdout).toBe("");
      expect(run.stderr).toMatch(new RegExp(`^\\S*: ${field}: `));
    }
    const ok = await triage(
      "--profile",
      file("ok.json", JSON.stringify({ ...facts, id: "x".repeat(64), name: "名".repeat(200) })),
      "--json",
    );
    expect(ok.code).toBe(0);
  });
});

import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PassThrough, Readable } from "node:stream";
import { afterEach, describe, expect, it } from "vitest";
import { run } from "../../src/cli/chat.ts";
import type { CliIO } from "../../src/cli/io.ts";
import { run as triage } from "../../src/cli/triage.ts";
import { loadPolicySet } from "../../src/policy/load.ts";
import { parseProfile } from "../../src/policy/profile.ts";

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function dataDir(): string {
  const dir = mkdtempSync(join(tmpdir(), "advisor-chat-json-"));
  dirs.push(dir);
  return dir;
}

interface Out {
  replies?: string[];
  pending?: { fact: string; type: string; options: { id: string; label: string; facts?: string[] }[] } | null;
  profile?: Record<string, unknown>;
  unknown?: string[];
  result?: { matches: unknown[]; totals: { max: number } } | null;
  error?: string;
}

/** Runs `advisor chat --json` on piped lines, as a program driving it would. */
async function chatJson(lines: string[], dir: string): Promise<{ code: number; out: Out[] }> {
  const stdout = new PassThrough();
  let out = "";
  stdout.on("data", (c) => {
    out += c;
  });
  const io: CliIO = {
    stdin: Readable.from(lines.map((l) => `${l}\n`)),
    stdout,
    stderr: new PassThrough(),
    env: { DATA_DIR: dir },
  };
  const code = await run(["--json"], io);
  return {
    code,
    out: out
      .trim()
      .split("\n")
      .filter(Boolean)
      .map((l) => JSON.parse(l) as Out),
  };
}

const line = (text: string) => JSON.stringify({ text });

describe("advisor chat --json", () => {
  it("prints one object a line with the open question, the profile and, at the end, the triage", async () => {
    const dir = dataDir();
    const { code, out } = await chatJson([line("石景山"), line("enterprise"), line("none")], dir);
    expect(code).toBe(0);
    expect(out).toHaveLength(3);
    expect(out[0]?.profile).toEqual({ district: "shijingshan" });
    expect(out[0]?.pending?.fact).toBe("entityType");
    expect(out[0]?.pending?.options.map((o) => o.id)).toContain("university");
    expect(out[1]?.profile).toEqual({ district: "shijingshan", entityType: "enterprise" });
    const last = out.at(-1);
    expect(last?.replies?.length).toBeGreaterThan(0);
    // Every profile printed is valid under CONTRACT.md section 2.
    const set = loadPolicySet();
    for (const o of out) expect(() => parseProfile(set.profileSchema, o.profile)).not.toThrow();
  });

  it("answers a line that is not {text} with an error and changes nothing", async () => {
    const dir = dataDir();
    const first = await chatJson([line("通州")], dir);
    const { out } = await chatJson(['{"txt": "1"}', "not json", "[1]", '{"text": 5}', line("/profile")], dir);
    for (const o of out.slice(0, 4)) {
      expect(o.error).toMatch(/text/);
      expect(Object.keys(o)).toEqual(["error"]);
    }
    expect(out[4]?.profile).toEqual(first.out[0]?.profile);
  });

  it("keeps the conversation in DATA_DIR across runs and gives the triage object on a result turn", async () => {
    const dir = dataDir();
    await chatJson([line("石景山"), line("企业")], dir);
    const { out } = await chatJson([line("/result")], dir);
    expect(out[0]?.profile).toMatchObject({ district: "shijingshan", entityType: "enterprise" });
    expect(out[0]?.result).toMatchObject({ matches: expect.any(Array), totals: { max: expect.any(Number) } });
  });
  it("gives on a result turn the same object `triage --json` prints for that profile, what-if advice included", async () => {
    const dir = dataDir();
    // DCMM level 2 in Shijingshan: item 5 pays, and level 3 would pay more (a what-if on a match).
    const { out } = await chatJson(
      [line("石景山"), line("企业"), line("我们是DCMM二级"), line("/result")],
      dir,
    );
    const last = out.at(-1);
    expect(last?.result).not.toBeNull();
    const file = join(dir, "profile.json");
    writeFileSync(file, JSON.stringify(last?.profile));
    const stdout = new PassThrough();
    let printed = "";
    stdout.on("data", (c) => {
      printed += c;
    });
    const code = await triage(["--profile", file, "--json"], {
      stdin: Readable.from([]),
      stdout,
      stderr: new PassThrough(),
      env: {},
    });
    expect(code).toBe(0);
    const expected = JSON.parse(printed);
    expect(JSON.stringify(expected)).toContain("whatIf");
    expect(last?.result).toEqual(expected);
  });
});

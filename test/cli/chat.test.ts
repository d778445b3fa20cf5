import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PassThrough, Readable } from "node:stream";
import { afterEach, describe, expect, it } from "vitest";
import { run, runChat } from "../../src/cli/chat.ts";
import type { CliIO } from "../../src/cli/io.ts";
import { createAdvisorService } from "../../src/dialog/service.ts";
import { loadPolicySet } from "../../src/policy/load.ts";
import { MemoryStore } from "../../src/store/memory.ts";

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** Runs the console chat on piped input, as `printf '…' | advisor chat` does. */
async function chat(lines: string[], env: NodeJS.ProcessEnv, args: string[] = []) {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = "";
  let err = "";
  stdout.on("data", (c) => {
    out += c;
  });
  stderr.on("data", (c) => {
    err += c;
  });
  const io: CliIO = { stdin: Readable.from(lines.map((l) => `${l}\n`)), stdout, stderr, env };
  const code = await run(args, io);
  return { code, out, err };
}

function dataDir(): string {
  const dir = mkdtempSync(join(tmpdir(), "advisor-chat-"));
  dirs.push(dir);
  return dir;
}

describe("advisor chat", () => {
  it("plays a scripted conversation with numbered choices and ends cleanly at the end of input", async () => {
    const env = { DATA_DIR: dataDir() };
    const { code, out, err } = await chat(["1", "1", "1,5", "是", "3000万", "0", "/result"], env);
    expect(err).toBe("");
    expect(code).toBe(0);
    // Buttons become numbered lines; typing the number picks the option.
    expect(out).toMatch(/ {2}1\. 通州区（北京城市副中心）\n {2}2\. 石景山区\n {2}3\. 都不是（其他区）/);
    expect(out).toContain("[第 4 题，约");
    // 30,000,000 × 20% = 6,000,000 (cap 20,000,000).
    expect(out).toContain("6,000,000 元");
    expect(out).toContain("==== 目前的评估结果");
  });

  it("resumes the console conversation after a restart, from DATA_DIR", async () => {
    const env = { DATA_DIR: dataDir() };
    await chat(["通州", "企业", "1"], env);
    const { code, out } = await chat(["是"], env);
    expect(code).toBe(0);
    expect(out).toContain("接着刚才的问题");
    // The open question was the infrastructure one, so "是" answers it and the investment comes next.
    expect(out).toContain("该项目实际完成的固定资产投资（不含土建）是多少元？");
  });

  it("speaks English with --lang en and rejects an unknown language", async () => {
    const { out } = await chat([], { DATA_DIR: dataDir() }, ["--lang", "en"]);
    expect(out).toContain("In which district");
    await expect(chat([], { DATA_DIR: dataDir() }, ["--lang", "fr"])).rejects.toThrow(
      "--lang must be zh or en",
    );
  });

  it("runs over any service, for `advisor start` without bot settings", async () => {
    const set = loadPolicySet();
    const service = createAdvisorService({ set, store: new MemoryStore() });
    const stdout = new PassThrough();
    let out = "";
    stdout.on("data", (c) => {
      out += c;
    });
    const code = await runChat(
      {
        stdin: Readable.from(["石景山\n", "\n", "/quit\n", "企业\n"]),
        stdout,
        stderr: new PassThrough(),
        env: {},
      },
      service,
    );
    expect(code).toBe(0);
    expect(out).toContain("贵单位属于哪类主体");
    // Nothing after /quit is read.
    expect(out).not.toContain("第 3 题");
  });
});

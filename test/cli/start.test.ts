/** `advisor start` (`npm start`): settings checked first, the console chat without bots, and
 * a real process that stops on SIGTERM only after the turn under way is answered. */
import { type ChildProcess, spawn } from "node:child_process";
import { once } from "node:events";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PassThrough, Readable } from "node:stream";
import { pathToFileURL } from "node:url";
import { afterEach, describe, expect, it } from "vitest";
import { UsageError } from "../../src/cli/io.ts";
import { run } from "../../src/cli/start.ts";
import { type FakeTelegram, startFakeTelegram } from "../support/fake-telegram.ts";

const root = new URL("../..", import.meta.url).pathname;

function captureIO(env: NodeJS.ProcessEnv, input: string[] = []) {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  const out: string[] = [];
  const err: string[] = [];
  stdout.on("data", (chunk) => out.push(String(chunk)));
  stderr.on("data", (chunk) => err.push(String(chunk)));
  const io = { stdin: Readable.from(input), stdout, stderr, env };
  return { io, out: () => out.join(""), err: () => err.join("") };
}

describe("advisor start: settings", () => {
  it("refuses to start on a bad setting, naming it, before touching any network or data", async () => {
    const dataDir = join(mkdtempSync(join(tmpdir(), "advisor-start-")), "never-created");
    const { io } = captureIO({
      TELEGRAM_BOT_TOKEN: "123:abc",
      TELEGRAM_WEBHOOK_URL: "https://bot.example.cn/hook",
      DATA_DIR: dataDir,
    });
    const failure = await run([], io).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(UsageError);
    expect((failure as Error).message).toContain("TELEGRAM_WEBHOOK_SECRET");
    expect((failure as Error).message).not.toContain("123:abc");
  });

  it("takes no arguments", async () => {
    const { io } = captureIO({});
    await expect(run(["--port", "1"], io)).rejects.toThrow(UsageError);
  });
});

describe("advisor start without bot settings", () => {
  it("runs the console chat, saying why", async () => {
    const { io, out, err } = captureIO({ DATA_DIR: mkdtempSync(join(tmpdir(), "advisor-start-")) }, ["2\n"]);
    expect(await run([], io)).toBe(0);
    expect(err()).toContain("No bot is configured");
    // The chat asked for the district and went on to the next question after the answer "2".
    expect(out()).toContain("哪个区");
    expect(out()).toContain("贵单位属于哪类主体");
  });
});

describe("advisor start as a process", () => {
  let child: ChildProcess | undefined;
  let fake: FakeTelegram | undefined;

  afterEach(async () => {
    if (child && child.exitCode === null) child.kill("SIGKILL");
    await fake?.close();
  });

  it("on SIGTERM takes no new updates, finishes the turn under way, and exits 0", async () => {
    fake = await startFakeTelegram();
    const dataDir = mkdtempSync(join(tmpdir(), "advisor-start-"));
    // Run from an empty directory (no .env there), so tsx is named by its full path.
    const tsx = pathToFileURL(join(root, "node_modules/tsx/dist/loader.mjs")).href;
    child = spawn(process.execPath, ["--import", tsx, join(root, "src/cli/bin.ts"), "start"], {
      cwd: dataDir,
      env: {
        PATH: process.env.PATH,
        TELEGRAM_BOT_TOKEN: fake.token,
        TELEGRAM_API_ROOT: fake.apiRoot,
        DATA_DIR: dataDir,
      },
      stdio: ["ignore", "pipe", "pipe"],
    });
    const stderr: string[] = [];
    child.stderr?.on("data", (chunk) => stderr.push(String(chunk)));
    const exited = once(child, "exit");
    await fake
      .waitForCall((c) => c.method === "getUpdates", "long polling")
      .catch((error: Error) => {
        throw new Error(`${error.message}\n${stderr.join("")}`);
      });

    // The welcome is held at the fake, so the /start turn is still under way when SIGTERM comes.
    const release = fake.holdNext("sendMessage");
    const fakeApi = fake;
    fakeApi.queue(fakeApi.textUpdate(1, "/start"));
    await fakeApi.waitForCall((c) => c.method === "sendMessage", "the welcome being sent");
    child.kill("SIGTERM");
    await fakeApi.waitFor(() => stderr.join("").includes("stopping"), "the shutdown to begin");
    release();

    const [code] = await exited;
    expect(code).toBe(0);
    // The turn finished: the welcome with the first question (one message) reached the chat.
    expect(fakeApi.chat(1)).toHaveLength(1);
    expect(fakeApi.chat(1)[0]?.text).toContain("您好");
    expect(fakeApi.chat(1)[0]?.buttons.length).toBeGreaterThan(1);
    const log = stderr.join("");
    expect(log).toContain('"message":"stopped"');
    expect(log).not.toContain(fakeApi.token);
  });
});

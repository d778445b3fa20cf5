/**
 * A notify run that dies halfway, and the run after it: the rest is sent and nothing twice.
 * The process is killed (SIGKILL) while a send is in flight at the fake Slack.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { once } from "node:events";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { afterEach, describe, expect, it } from "vitest";
import type { Command } from "../../src/cli/io.ts";
import { main } from "../../src/cli/main.ts";
import { runCommand } from "../support/cli-io.ts";
import { FakeSlack } from "../support/fake-slack.ts";
import { type FakeTelegram, startFakeTelegram } from "../support/fake-telegram.ts";
import { CURRENT_ENV, keptConversations } from "./setup.ts";

const root = fileURLToPath(new URL("../..", import.meta.url));
const run: Command = (args, io) => main(["notify", ...args], io);

let telegram: FakeTelegram | undefined;
let slack: FakeSlack | undefined;
let child: ChildProcess | undefined;

afterEach(async () => {
  if (child && child.exitCode === null) child.kill("SIGKILL");
  await telegram?.close();
  await slack?.stop();
});

async function setUp() {
  telegram = await startFakeTelegram();
  slack = new FakeSlack();
  const env: NodeJS.ProcessEnv = {
    ...CURRENT_ENV,
    DATA_DIR: await keptConversations(),
    TELEGRAM_BOT_TOKEN: telegram.token,
    TELEGRAM_API_ROOT: telegram.apiRoot,
    SLACK_BOT_TOKEN: "xoxb-crash-test",
    SLACK_API_URL: await slack.start(),
  };
  return { telegram, slack, env };
}

function deliveries(stdout: string): Record<string, string> {
  const lines = stdout.trim().split("\n").filter(Boolean);
  return Object.fromEntries(
    lines
      .map((l) => JSON.parse(l) as { conversationId: string; delivery: string })
      .map((l) => [l.conversationId, l.delivery]),
  );
}

describe("notify after a crash", () => {
  it("killed while a message is in flight: the next run sends the rest and repeats nothing", async () => {
    const { telegram, slack, env } = await setUp();
    // The first Slack post (the third message of the run) is held at the fake: the kill comes then.
    const release = slack.hold("chat.postMessage");
    const tsx = pathToFileURL(join(root, "node_modules/tsx/dist/loader.mjs")).href;
    child = spawn(process.execPath, ["--import", tsx, join(root, "src/cli/bin.ts"), "notify", "--json"], {
      cwd: root,
      env: { PATH: process.env.PATH, ...env },
      stdio: ["ignore", "pipe", "pipe"],
    });
    const exited = once(child, "exit");
    let stderr = "";
    child.stderr?.on("data", (chunk) => {
      stderr += String(chunk);
    });
    await Promise.race([
      slack.waitForCalls("chat.postMessage", 1),
      exited.then(() => {
        throw new Error(`notify ended before its Slack send: ${stderr}`);
      }),
    ]);
    child.kill("SIGKILL");
    await exited;
    // The post reaches Slack after all: delivered, though the run never heard so.
    release();
    expect(telegram.callsOf("sendMessage")).toHaveLength(2);

    const restart = await runCommand(run, ["--json"], "", env);
    expect(restart.code).toBe(0);
    expect(deliveries(restart.stdout)).toEqual({
      "telegram:101": "already_sent",
      "telegram:102": "already_sent",
      "telegram:103": "not_subscribed",
      // Maybe delivered: not repeated (at most once), reported for staff to check.
      "slack:T1:D201": "uncertain",
      "slack:T1:C300:1700000000.000100": "sent",
      "telegram:106": "not_subscribed",
    });
    expect(telegram.callsOf("sendMessage")).toHaveLength(2);
    expect(slack.callsOf("chat.postMessage").map((c) => c.args.channel)).toEqual(["D201", "U300"]);
  });

  it("a connection cut mid-send counts as uncertain; --resend-uncertain sends it deliberately", async () => {
    const { telegram, env } = await setUp();
    telegram.hangUpNext("sendMessage");
    const first = deliveries((await runCommand(run, ["--json"], "", env)).stdout);
    expect(first["telegram:101"]).toBe("uncertain");
    expect(first["telegram:102"]).toBe("sent");
    expect(telegram.chat(101)).toHaveLength(0);

    const again = deliveries((await runCommand(run, ["--json"], "", env)).stdout);
    expect(again["telegram:101"]).toBe("uncertain");
    expect(telegram.callsOf("sendMessage")).toHaveLength(2);

    const resent = deliveries((await runCommand(run, ["--json", "--resend-uncertain"], "", env)).stdout);
    expect(resent["telegram:101"]).toBe("sent");
    expect(resent["telegram:102"]).toBe("already_sent");
    expect(telegram.chat(101)).toHaveLength(1);
    expect(telegram.chat(102)).toHaveLength(1);
  });
});

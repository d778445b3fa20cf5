/**
 * The real `advisor start` (from the sources, through tsx) as a child process with the Telegram
 * webhook on a free loopback port, and Telegram's side of the webhook: an update POSTed with the
 * secret, answered by a status (or refused, when the process dies before answering).
 */
import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { request } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Update } from "grammy/types";
import type { FakeTelegram } from "./fake-telegram.ts";
import { freePort } from "./net.ts";

const SECRET = "advisor-process-secret";
const PATH = "/telegram/hook";
const root = new URL("../..", import.meta.url).pathname;

export interface AdvisorProcess {
  port: number;
  child: ChildProcess;
  stderr: string[];
}

export async function startAdvisor(
  fake: FakeTelegram,
  env: { REDIS_URL?: string; DATA_DIR?: string } = {},
): Promise<AdvisorProcess> {
  const port = await freePort();
  const child = spawn(process.execPath, ["--import", "tsx", join(root, "src/cli/bin.ts"), "start"], {
    cwd: root,
    env: {
      PATH: process.env.PATH,
      TELEGRAM_BOT_TOKEN: fake.token,
      TELEGRAM_API_ROOT: fake.apiRoot,
      TELEGRAM_WEBHOOK_URL: `https://advisor.example.cn${PATH}`,
      TELEGRAM_WEBHOOK_SECRET: SECRET,
      PORT: String(port),
      HOST: "127.0.0.1",
      DATA_DIR: env.DATA_DIR ?? mkdtempSync(join(tmpdir(), "instance-")),
      ...(env.REDIS_URL ? { REDIS_URL: env.REDIS_URL } : {}),
    },
    stdio: ["ignore", "ignore", "pipe"],
  });
  const stderr: string[] = [];
  await new Promise<void>((resolve, reject) => {
    child.stderr?.setEncoding("utf8");
    child.stderr?.on("data", (chunk: string) => {
      stderr.push(chunk);
      if (stderr.join("").includes("bots running")) resolve();
    });
    child.once("exit", (code) => reject(new Error(`instance exited ${code}: ${stderr.join("")}`)));
  });
  return { port, child, stderr };
}

/** POSTs `update` as Telegram does; resolves with the status, or 0 when the connection drops. */
export function deliver(instance: AdvisorProcess, update: Update): Promise<number> {
  const body = JSON.stringify(update);
  return new Promise((resolve) => {
    const req = request(
      {
        host: "127.0.0.1",
        port: instance.port,
        path: PATH,
        method: "POST",
        headers: {
          "content-type": "application/json",
          "content-length": Buffer.byteLength(body),
          "x-telegram-bot-api-secret-token": SECRET,
        },
      },
      (res) => {
        res.resume();
        res.on("end", () => resolve(res.statusCode ?? 0));
      },
    );
    req.on("error", () => resolve(0));
    req.end(body);
  });
}

/** SIGTERM (finish the turns under way) or SIGKILL; resolves with the exit code. */
export async function stopAdvisor(
  instance: AdvisorProcess,
  signal: "SIGTERM" | "SIGKILL" = "SIGTERM",
): Promise<number | null> {
  if (instance.child.exitCode !== null || instance.child.signalCode !== null) return instance.child.exitCode;
  const exited = new Promise<number | null>((resolve) => instance.child.once("exit", resolve));
  instance.child.kill(signal);
  return exited;
}

/**
 * Loopback pieces shared by the webhook benchmark and the soak test: a webhook server in a
 * child process (the real `advisor start`, or a bare grammY webhook with an empty handler),
 * a load generator that POSTs updates to it (each chat's updates in order, chats at once),
 * and a watcher that knows when the bot has sent every reply it owes.
 *
 * The fake Bot API (test/support/fake-telegram.ts) and the load generator run in the calling
 * process; the server under test runs alone in its child, so its CPU time can be read apart.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { Agent, request } from "node:http";
import { join } from "node:path";
import { Semaphore } from "async-mutex";
import type { Update } from "grammy/types";
import type { FakeTelegram } from "../test/support/fake-telegram.ts";

export const WEBHOOK_PATH = "/telegram/hook";
export const WEBHOOK_SECRET = "bench-webhook-secret";
const root = new URL("..", import.meta.url).pathname;

export interface ServerProcess {
  port: number;
  pid: number;
  child: ChildProcess;
  /** Everything the child wrote to stderr so far. */
  stderr(): string;
  /** SIGTERM, then the exit code (the advisor finishes the turns under way first). */
  stop(): Promise<number | null>;
  /** SIGKILL: no clean-up at all. */
  kill(): Promise<void>;
}

/** How the advisor is run: the built bundle (what `npm start` runs) or the sources through tsx. */
export type AdvisorEntry = "dist" | "src";

/** Starts the server under test on a free loopback port; resolves once it takes webhooks. */
export async function startServer(
  fake: FakeTelegram,
  options: { dataDir?: string; entry?: AdvisorEntry; nodeArgs?: string[] } = {},
): Promise<ServerProcess> {
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    TELEGRAM_BOT_TOKEN: fake.token,
    TELEGRAM_API_ROOT: fake.apiRoot,
    TELEGRAM_WEBHOOK_URL: `https://advisor.example.cn${WEBHOOK_PATH}`,
    TELEGRAM_WEBHOOK_SECRET: WEBHOOK_SECRET,
    PORT: "0",
    HOST: "127.0.0.1",
    DATA_DIR: options.dataDir,
    // BENCH_DIST=<folder under the repository>: another build, e.g. the code before a change.
    // The advisor on a Redis store instead of files (`BENCH_REDIS_URL=redis://… npx tsx scripts/bench-webhook.ts`).
    REDIS_URL: process.env.BENCH_REDIS_URL,
  };
  const args =
    options.entry === "src"
      ? ["--import", "tsx", join(root, "src/cli/bin.ts"), "start"]
      : [join(root, process.env.BENCH_DIST ?? "dist", "advisor.mjs"), "start"];
  if (options.entry !== "src" && !existsSync(join(root, "dist/advisor.mjs")))
    throw new Error("dist/advisor.mjs is missing: run `npm run build` first");
  const child = spawn(process.execPath, [...(options.nodeArgs ?? []), ...args], {
    cwd: root,
    env,
    stdio: ["ignore", "ignore", "pipe"],
  });
  let stderr = "";
  const port = await new Promise<number>((resolve, reject) => {
    child.stderr?.setEncoding("utf8");
    child.stderr?.on("data", (chunk: string) => {
      stderr += chunk;
      // Both servers say "bots running" with the port, as one JSON log line.
      const line = stderr.split("\n").find((l) => l.includes('"bots running"'));
      if (line) resolve(Number((JSON.parse(line) as { port: number }).port));
    });
    child.once("exit", (code) => reject(new Error(`advisor exited ${code}: ${stderr.slice(-2000)}`)));
  });
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  return {
    port,
    pid: child.pid ?? 0,
    child,
    stderr: () => stderr,
    async stop() {
      if (child.exitCode === null && child.signalCode === null) child.kill("SIGTERM");
      return exited;
    },
    async kill() {
      if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
      await exited;
    },
  };
}

/** CPU time (user + system) a process has used so far, in milliseconds, from /proc. */
export function cpuMsOf(pid: number): number {
  // Fields after the command name, which is in parentheses and may contain spaces.
  const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]?.split(" ") ?? [];
  const ticks = Number(fields[11]) + Number(fields[12]);
  return (ticks * 1000) / 100; // USER_HZ is 100 on Linux
}

/** Resident memory of a process now (VmRSS) and at its peak (VmHWM), in MiB. */
export function memoryMbOf(pid: number): { rss: number; peak: number } {
  const status = readFileSync(`/proc/${pid}/status`, "utf8");
  const kb = (name: string) =>
    Number(new RegExp(`^${name}:\\s+(\\d+) kB`, "m").exec(status)?.[1] ?? Number.NaN);
  return { rss: kb("VmRSS") / 1024, peak: kb("VmHWM") / 1024 };
}

/** One chat's updates, in order; a function builds its update when its turn comes (a button
 * press needs the bot's message, which exists only once the bot has answered). */
export interface ChatLoad {
  chatId: number;
  updates: (Update | (() => Promise<Update>))[];
}

export interface DriveResult {
  /** Updates POSTed and answered 200 (a redelivery counts again). */
  acked: number;
  /** Per chat: how many of its updates were answered 200 (redeliveries not counted). */
  ackedByChat: Map<number, number>;
  /** Per chat: how many of its updates were sent, answered or not. */
  sentByChat: Map<number, number>;
  /** When the first POST went out and the last answer came back (performance.now()). */
  startedAt: number;
  lastAckAt: number;
  /** Answers other than 200, by status. */
  refused: Record<number, number>;
  /** Milliseconds from each POST to its answer (200 or not), in the order they came back. */
  latenciesMs: number[];
}

export interface DriveOptions {
  /** Requests in flight at most. */
  concurrency: number;
  /** True: that update is sent twice, as Telegram does when it missed the first answer. */
  redeliver?: (update: Update) => boolean;
  /** Once aborted, no chat sends another update and failed requests are not errors
   * (the server was killed on purpose). */
  signal?: AbortSignal;
}

/**
 * POSTs every chat's updates to the webhook: each chat's next update only after the previous
 * one was answered (as Telegram delivers a chat's updates), at most `concurrency` requests in
 * flight over keep-alive connections.
 */
export async function drive(port: number, chats: ChatLoad[], options: DriveOptions): Promise<DriveResult> {
  const { signal } = options;
  const agent = new Agent({ keepAlive: true, maxSockets: options.concurrency });
  const slots = new Semaphore(options.concurrency);
  const result: DriveResult = {
    acked: 0,
    ackedByChat: new Map(chats.map((c) => [c.chatId, 0])),
    sentByChat: new Map(chats.map((c) => [c.chatId, 0])),
    startedAt: performance.now(),
    lastAckAt: 0,
    refused: {},
    latenciesMs: [],
  };
  const post = (update: Update): Promise<boolean> =>
    slots.runExclusive(async () => {
      if (signal?.aborted) return false;
      try {
        const sentAt = performance.now();
        const status = await postUpdate(port, update, agent);
        result.lastAckAt = performance.now();
        result.latenciesMs.push(result.lastAckAt - sentAt);
        if (status === 200) result.acked++;
        else result.refused[status] = (result.refused[status] ?? 0) + 1;
        return status === 200;
      } catch (error) {
        if (signal?.aborted) return false;
        throw error;
      }
    });
  await Promise.all(
    chats.map(async (chat) => {
      for (const next of chat.updates) {
        if (signal?.aborted) return;
        const update = typeof next === "function" ? await next() : next;
        if (signal?.aborted) return;
        result.sentByChat.set(chat.chatId, (result.sentByChat.get(chat.chatId) ?? 0) + 1);
        if (await post(update))
          result.ackedByChat.set(chat.chatId, (result.ackedByChat.get(chat.chatId) ?? 0) + 1);
        if (options.redeliver?.(update)) await post(update);
      }
    }),
  );
  agent.destroy();
  return result;
}

export function postUpdate(port: number, update: Update, agent?: Agent): Promise<number> {
  const body = JSON.stringify(update);
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: "127.0.0.1",
        port,
        path: WEBHOOK_PATH,
        method: "POST",
        agent,
        headers: {
          "content-type": "application/json",
          "content-length": Buffer.byteLength(body),
          "x-telegram-bot-api-secret-token": WEBHOOK_SECRET,
        },
      },
      (res) => {
        res.resume();
        res.on("end", () => resolve(res.statusCode ?? 0));
      },
    );
    req.on("error", reject);
    req.end(body);
  });
}

/**
 * Counts the messages the bot sends (`sendMessage`) to the given chats, from the fake's call
 * log onwards from now. `until(expected)` resolves when each chat has had its expected count,
 * with the time the last one arrived; it fails if no message arrives for `stallMs`.
 */
export function watchReplies(fake: FakeTelegram, chatIds: Iterable<number>) {
  const counts = new Map<number, number>([...chatIds].map((id) => [id, 0]));
  let cursor = fake.calls.length;
  let lastAt = 0;
  const scan = () => {
    for (; cursor < fake.calls.length; cursor++) {
      const call = fake.calls[cursor];
      if (call?.method !== "sendMessage") continue;
      const chatId = Number(call.payload.chat_id);
      const count = counts.get(chatId);
      if (count === undefined) continue;
      counts.set(chatId, count + 1);
      lastAt = performance.now();
    }
  };
  return {
    counts,
    /** Messages sent to `chatId` so far. */
    sent(chatId: number): number {
      scan();
      return counts.get(chatId) ?? 0;
    },
    async until(expected: Map<number, number>, stallMs = 30_000): Promise<number> {
      let owed = Number.POSITIVE_INFINITY;
      const done = () => {
        scan();
        owed = 0;
        for (const [chatId, want] of expected) owed += Math.max(0, want - (counts.get(chatId) ?? 0));
        return owed === 0;
      };
      let lastProgress = performance.now();
      let lastOwed = Number.POSITIVE_INFINITY;
      while (!done()) {
        if (owed < lastOwed) {
          lastOwed = owed;
          lastProgress = performance.now();
        } else if (performance.now() - lastProgress > stallMs) {
          const short = [...expected]
            .filter(([chatId, want]) => (counts.get(chatId) ?? 0) < want)
            .slice(0, 5)
            .map(([chatId, want]) => `chat ${chatId} has ${counts.get(chatId) ?? 0} of ${want}`);
          throw new Error(
            `the bot still owes ${owed} replies after ${stallMs} ms without progress (${short.join("; ")})`,
          );
        }
        // The fake's own wait gives up after 10 s; a timeout here only means "look again".
        await fake.waitFor(done, "replies").catch(() => {});
      }
      return lastAt;
    },
  };
}

/**
 * Starts a private redis-server for a test file: loopback only, a free port, no persistence.
 * When the binary is missing, CI fails loudly (it installs redis-server); a developer's machine
 * skips the Redis tests with the reason in the test name.
 */
import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { Redis } from "ioredis";
import { afterAll, beforeAll, it } from "vitest";
import { freePort } from "../support/net.ts";

export const INSTALL_HINT = "redis-server is not installed (apt-get install -y redis-server)";

export function redisServerInstalled(): boolean {
  return spawnSync("redis-server", ["--version"], { stdio: "ignore" }).status === 0;
}

/** Whether this file's Redis tests can run; registers a failing (CI) or skipped test otherwise. */
export function requireRedisServer(): boolean {
  if (redisServerInstalled()) return true;
  if (process.env.CI) {
    it("needs redis-server", () => {
      throw new Error(`${INSTALL_HINT}; CI must install it before the tests`);
    });
  } else {
    console.warn(`RedisStore tests skipped: ${INSTALL_HINT}`);
    it.skip(`RedisStore tests skipped: ${INSTALL_HINT}`, () => {});
  }
  return false;
}

async function waitUntilReady(url: string, child: ChildProcess): Promise<void> {
  for (let attempt = 0; attempt < 100; attempt++) {
    if (child.exitCode !== null) throw new Error(`redis-server exited with ${child.exitCode}`);
    const probe = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null });
    probe.on("error", () => {});
    try {
      await probe.connect();
      await probe.ping();
      return;
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 50));
    } finally {
      probe.disconnect();
    }
  }
  throw new Error("redis-server did not start within 5 seconds");
}

/** Starts redis-server before the file's tests and stops it after; `url()` gives its address. */
export function useRedisServer(): { url: () => string } {
  let child: ChildProcess | undefined;
  let url = "";
  beforeAll(async () => {
    // Another test file may take the free port between our probe and redis-server binding it.
    for (let attempt = 1; ; attempt++) {
      const port = await freePort();
      child = spawn(
        "redis-server",
        ["--port", String(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"],
        { stdio: "ignore" },
      );
      url = `redis://127.0.0.1:${port}`;
      try {
        await waitUntilReady(url, child);
        return;
      } catch (error) {
        child.kill("SIGKILL");
        if (attempt === 3) throw error;
      }
    }
  });
  afterAll(async () => {
    if (!child || child.exitCode !== null) return;
    const exited = new Promise((resolve) => child?.once("exit", resolve));
    child.kill("SIGTERM");
    await exited;
  });
  return { url: () => url };
}

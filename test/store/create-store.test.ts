import { mkdtemp, readdir, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { createStore } from "../../src/store/index.ts";
import { conversation } from "./contract.ts";
import { redisServerInstalled, useRedisServer } from "./redis-server.ts";

describe("createStore", () => {
  it("keeps conversations under DATA_DIR when REDIS_URL is not set", async () => {
    const dir = await mkdtemp(join(tmpdir(), "advisor-create-"));
    try {
      const store = await createStore({ DATA_DIR: dir });
      await store.save("console:local", conversation({ step: 1 }));
      await store.close();
      expect(await readdir(join(dir, "conversations"))).toHaveLength(1);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it("refuses a REDIS_URL that is not a redis URL, without echoing its password", async () => {
    const attempt = createStore({ REDIS_URL: "http://user:hunter2@127.0.0.1:1" });
    await expect(attempt).rejects.toThrow(/REDIS_URL/);
    await expect(attempt).rejects.not.toThrow(/hunter2/);
  });

  it("says the Redis server cannot be reached, without echoing its password", async () => {
    // Port 1 on loopback: nothing listens there.
    const attempt = createStore({ REDIS_URL: "redis://:hunter2@127.0.0.1:1" }, { warn: () => {} });
    await expect(attempt).rejects.toThrow(/connect to Redis.*127\.0\.0\.1:1.*ECONNREFUSED.*REDIS_URL/);
    await expect(attempt).rejects.not.toThrow(/hunter2/);
  });

  describe.runIf(redisServerInstalled())("with a private redis-server", () => {
    const server = useRedisServer();
    it("uses Redis when REDIS_URL is set, ignoring DATA_DIR", async () => {
      const first = await createStore({ REDIS_URL: server.url(), DATA_DIR: "/nonexistent/never-created" });
      await first.save("telegram:1", conversation({ shared: true }));
      const second = await createStore({ REDIS_URL: server.url() });
      expect(await second.load("telegram:1")).toEqual(conversation({ shared: true }));
      await first.close();
      await second.close();
    });
  });
});

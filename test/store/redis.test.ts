import { randomUUID } from "node:crypto";
import { describe } from "vitest";
import { RedisStore } from "../../src/store/redis.ts";
import { describeStoreContract } from "./contract.ts";
import { requireRedisServer, useRedisServer } from "./redis-server.ts";

if (requireRedisServer()) {
  describe("with a private redis-server", () => {
    const server = useRedisServer();
    describeStoreContract("RedisStore", () => {
      // A prefix per test keeps the tests apart on the one server.
      const prefix = `test-${randomUUID()}:`;
      const open = () => RedisStore.open(server.url(), { prefix, warn: () => {} });
      return { create: open, reopen: open, cleanup: async () => {} };
    });
  });
}

/** Picks the store for this process from its environment (CONTRACT.md section 5). */
import { FileStore } from "./file.ts";
import type { Store, StoreOptions } from "./types.ts";

/** `REDIS_URL` set: a Redis store shared by every instance. Otherwise files under
 * `DATA_DIR` (default `./var`) for a single process. Throws StoreError when the chosen
 * storage cannot be used, saying how to fix it. */
export async function createStore(env: NodeJS.ProcessEnv, options: StoreOptions = {}): Promise<Store> {
  if (env.REDIS_URL) {
    // Loaded only when asked for, so the file-backed default does not pay for ioredis.
    const { RedisStore } = await import("./redis.ts");
    return RedisStore.open(env.REDIS_URL, options);
  }
  return FileStore.open(env.DATA_DIR || "./var", options);
}

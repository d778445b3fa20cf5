/**
 * An API transformer that waits out Telegram's flood control: a call answered 429 with
 * `retry_after` is repeated after that many seconds. (The @grammyjs/auto-retry plugin does
 * the same; it is not a dependency of this project.)
 */
import type { Transformer } from "grammy";
import type { Logger } from "../logger.ts";

export interface RetryOptions {
  /** Attempts after the first. */
  maxRetries?: number;
  /** Waits longer than this are not worth holding a user's turn for: the 429 is passed on. */
  maxWaitSeconds?: number;
  logger: Logger;
  /** Ends every wait early, so shutting down is not held up by flood control. */
  signal?: AbortSignal;
}

export function retryAfterFloodControl(options: RetryOptions): Transformer {
  const { maxRetries = 3, maxWaitSeconds = 60, logger, signal } = options;
  return async (previous, method, payload, callSignal) => {
    let response = await previous(method, payload, callSignal);
    for (let attempt = 1; attempt <= maxRetries; attempt++) {
      const retryAfter = response.ok ? undefined : response.parameters?.retry_after;
      if (retryAfter === undefined || retryAfter > maxWaitSeconds || signal?.aborted) break;
      logger.warn("telegram flood control, waiting before retrying", { method, retryAfter, attempt });
      await sleep(retryAfter * 1000, signal);
      response = await previous(method, payload, callSignal);
    }
    return response;
  };
}

function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(done, ms);
    function done() {
      clearTimeout(timer);
      signal?.removeEventListener("abort", done);
      resolve();
    }
    signal?.addEventListener("abort", done, { once: true });
  });
}

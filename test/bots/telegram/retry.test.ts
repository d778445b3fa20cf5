import { describe, expect, it } from "vitest";
import { createLogger } from "../../../src/bots/logger.ts";
import { retryAfterFloodControl } from "../../../src/bots/telegram/retry.ts";

const logger = createLogger({ write: () => {} });
const flood = (retryAfter: number) => ({
  ok: false as const,
  error_code: 429,
  description: "Too Many Requests",
  parameters: { retry_after: retryAfter },
});

/** Calls the transformer over a scripted sequence of API answers; returns the answer and the attempts. */
async function callWith(answers: object[], options: { maxRetries?: number; maxWaitSeconds?: number } = {}) {
  let attempts = 0;
  const previous = async () => answers[Math.min(attempts++, answers.length - 1)];
  const transformer = retryAfterFloodControl({ logger, ...options });
  // biome-ignore lint/suspicious/noExplicitAny: grammY's transformer types are generic over every method
  const answer = await transformer(previous as any, "sendMessage", { chat_id: 1, text: "x" } as any);
  return { answer, attempts };
}

describe("waiting out flood control", () => {
  it("repeats a call answered 429 and returns the answer that got through", async () => {
    const { answer, attempts } = await callWith([flood(0), flood(0), { ok: true, result: 1 }]);
    expect(answer).toEqual({ ok: true, result: 1 });
    expect(attempts).toBe(3);
  });

  it("gives up after the last retry and passes the 429 on", async () => {
    const { answer, attempts } = await callWith([flood(0)], { maxRetries: 2 });
    expect(answer).toMatchObject({ error_code: 429 });
    expect(attempts).toBe(3);
  });

  it("does not hold a turn for a wait longer than the limit", async () => {
    const { answer, attempts } = await callWith([flood(3600)], { maxWaitSeconds: 60 });
    expect(answer).toMatchObject({ error_code: 429 });
    expect(attempts).toBe(1);
  });

  it("leaves other errors alone", async () => {
    const forbidden = { ok: false, error_code: 403, description: "Forbidden: bot was blocked by the user" };
    const { answer, attempts } = await callWith([forbidden]);
    expect(answer).toEqual(forbidden);
    expect(attempts).toBe(1);
  });
});

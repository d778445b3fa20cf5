import { request } from "node:http";
import { afterEach, describe, expect, it } from "vitest";
import { type Harness, ScriptedService, startHarness } from "./harness.ts";

/** Sends a body in chunks without a Content-Length, as a client streaming a huge upload would. */
async function streamChunks(url: string, chunk: string, count: number): Promise<number> {
  const target = new URL(url);
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: target.hostname,
        port: target.port,
        path: target.pathname,
        method: "POST",
        headers: { "x-slack-request-timestamp": String(Math.floor(Date.now() / 1000)) },
      },
      (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      },
    );
    req.on("error", reject);
    let sent = 0;
    const writeMore = () => {
      while (sent < count) {
        sent += 1;
        if (!req.write(chunk)) {
          req.once("drain", writeMore);
          return;
        }
      }
      req.end();
    };
    writeMore();
  });
}

describe("the request body cap", () => {
  let harness: Harness;
  afterEach(() => harness?.close());

  it("refuses a streamed body beyond the cap with 413", async () => {
    const service = new ScriptedService();
    harness = await startHarness({ service });
    const status = await streamChunks(harness.url, "x".repeat(64 * 1024), 40);
    expect(status).toBe(413);
    expect(service.inputs).toEqual([]);
  });
});

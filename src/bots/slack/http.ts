/**
 * The HTTP entry point mounted on the shared server. Bolt's receiver verifies the signature
 * and timestamp (401 otherwise) and acknowledges; this wrapper first refuses timestamps off
 * by more than five minutes either way and caps the body size, since Bolt would read a body
 * of any length into memory before checking anything.
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import type { HTTPReceiver } from "@slack/bolt";
import type { Logger } from "../logger.ts";
import { SLACK_EVENTS_PATH } from "../server.ts";

/** Slack's payloads are a few kilobytes; a button press carries the message, still far below this. */
export const MAX_BODY_BYTES = 1_048_576;

export function eventsHandler(
  receiver: HTTPReceiver,
  logger: Logger,
  stopping: () => boolean,
  maxBytes = MAX_BODY_BYTES,
): (req: IncomingMessage, res: ServerResponse) => void {
  return (req, res) => {
    if (!isEventsRequest(req)) {
      req.resume();
      res.writeHead(404).end();
      return;
    }
    if (!isFresh(req.headers["x-slack-request-timestamp"], Date.now())) {
      // Bolt refuses old timestamps only; Slack's rule is five minutes either way of local time.
      logger.warn("slack request refused: timestamp missing or more than five minutes off");
      req.resume();
      res.writeHead(401).end();
      return;
    }
    if (stopping()) {
      // Not acknowledged, so Slack delivers it again once the app is back.
      req.resume();
      res.writeHead(503, { "retry-after": "5" }).end();
      return;
    }
    readLimited(req, maxBytes).then(
      (body) => {
        if (body === undefined) {
          logger.warn("slack request refused: body too large", { limit: maxBytes });
          res.writeHead(413, { connection: "close" }).end();
          return;
        }
        // Bolt uses a body already read (`rawBody`) instead of reading the stream again.
        Object.assign(req, { rawBody: body });
        dispatch(receiver, req, res, logger);
      },
      (error: Error) => {
        logger.warn("slack request body unreadable", { error: error.message });
        if (!res.headersSent) res.writeHead(400).end();
      },
    );
  };
}

/** Slack signs a timestamp with every request; one far from now is a replay or a forgery. */
export const MAX_CLOCK_SKEW_SECONDS = 5 * 60;

function isFresh(header: string | string[] | undefined, nowMs: number): boolean {
  if (typeof header !== "string" || !/^\d+$/.test(header)) return false;
  return Math.abs(nowMs / 1000 - Number(header)) <= MAX_CLOCK_SKEW_SECONDS;
}

function isEventsRequest(req: IncomingMessage): boolean {
  return req.method === "POST" && new URL(req.url ?? "/", "http://localhost").pathname === SLACK_EVENTS_PATH;
}

function dispatch(receiver: HTTPReceiver, req: IncomingMessage, res: ServerResponse, logger: Logger): void {
  try {
    receiver.requestListener(req, res);
  } catch (error) {
    logger.error("slack request could not be dispatched", { error: (error as Error).message });
    if (!res.headersSent) res.writeHead(500).end();
  }
}

/** The whole body, or undefined once it exceeds `maxBytes` (the rest is discarded). */
function readLimited(req: IncomingMessage, maxBytes: number): Promise<Buffer | undefined> {
  return new Promise((resolve, reject) => {
    const declared = Number(req.headers["content-length"]);
    if (Number.isFinite(declared) && declared > maxBytes) {
      req.resume();
      resolve(undefined);
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    let over = false;
    req.on("data", (chunk: Buffer) => {
      if (over) return;
      size += chunk.length;
      if (size > maxBytes) {
        over = true;
        chunks.length = 0;
        resolve(undefined);
        return;
      }
      chunks.push(chunk);
    });
    req.on("end", () => {
      if (!over) resolve(Buffer.concat(chunks));
    });
    req.on("error", reject);
  });
}

/**
 * The one HTTP server the bots share on PORT: the Telegram webhook at its URL's path and
 * Slack's events at POST /slack/events. What every delivery needs is done here once: only the
 * mounted paths answer, and only to POST; a route whose adapter is stopping answers 503 (the
 * platform keeps the delivery and sends it again later); the body is read with raw-body up to
 * 1 MB (413 beyond: updates and events are a few KB, and a route would otherwise read any length
 * into memory). GET /healthz tells a load balancer the process is up.
 */
import { once } from "node:events";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import getRawBody from "raw-body";
import type { Logger } from "./logger.ts";

export interface HttpRoute {
  /** False once the adapter is stopping. */
  open(): boolean;
  handle(req: IncomingMessage, res: ServerResponse, body: Buffer): void;
}

export interface SharedServer {
  /** The port listened on (the real one when PORT was 0). */
  port: number;
  /** Stops accepting connections and resolves once the requests in progress are answered. */
  close(): Promise<void>;
}

/** The server cannot start with these routes or on this port; the message says which setting to change. */
export class ServerSetupError extends Error {
  override readonly name = "ServerSetupError";
}

export const SLACK_EVENTS_PATH = "/slack/events";
const HEALTH_PATH = "/healthz";
export const MAX_BODY_BYTES = 1_048_576;

export async function startHttpServer(options: {
  port: number;
  host?: string;
  /** Routes by exact path, for POST. */
  routes: Map<string, HttpRoute>;
  logger: Logger;
}): Promise<SharedServer> {
  const { routes, logger } = options;
  const server = createServer((req, res) => serve(req, res, routes, logger));
  server.on("clientError", (_error, socket) => socket.destroy());
  await listen(server, options.port, options.host);
  const { port } = server.address() as AddressInfo;
  logger.info("http: listening", { port, paths: [...routes.keys()] });
  return {
    port,
    async close() {
      const closed = once(server, "close");
      server.close();
      // Keep-alive connections with no request in progress would hold `close` open.
      server.closeIdleConnections();
      await closed;
    },
  };
}

function serve(req: IncomingMessage, res: ServerResponse, routes: Map<string, HttpRoute>, logger: Logger) {
  const path = new URL(req.url ?? "/", "http://localhost").pathname;
  const route = routes.get(path);
  const refuse = (status: number, headers: Record<string, string> = {}) => {
    req.resume();
    res.writeHead(status, headers).end();
  };
  if (path === HEALTH_PATH && (req.method === "GET" || req.method === "HEAD"))
    return res.writeHead(200, { "content-type": "text/plain" }).end("ok\n");
  if (!route) return refuse(404);
  if (req.method !== "POST") return refuse(405, { allow: "POST" });
  if (!route.open()) return refuse(503, { "retry-after": "5" });
  getRawBody(req, { limit: MAX_BODY_BYTES }).then(
    (body) => {
      try {
        route.handle(req, res, body);
      } catch (error) {
        logger.error("http: handler failed", { path, error });
        if (!res.headersSent) res.writeHead(500).end();
      }
    },
    (error: { type?: string; message: string }) => {
      const tooLarge = error.type === "entity.too.large";
      logger.warn(tooLarge ? "http: body too large, refused" : "http: body unreadable", {
        path,
        problem: error.message,
      });
      refuse(tooLarge ? 413 : 400, { connection: "close" });
    },
  );
}

async function listen(server: Server, port: number, host: string | undefined) {
  try {
    server.listen(port, host);
    await once(server, "listening");
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const where = `${host ?? "*"}:${port}`;
    if (code === "EADDRINUSE")
      throw new ServerSetupError(`port ${where} is already in use: set PORT to a free port`);
    if (code === "EACCES")
      throw new ServerSetupError(`not allowed to listen on ${where}: set PORT above 1023`);
    throw error;
  }
}

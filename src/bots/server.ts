/**
 * The one HTTP server the bots share on PORT: the Telegram webhook at its URL's path and
 * Slack's events at POST /slack/events. Only the mounted paths answer, and only to POST;
 * GET /healthz tells a load balancer the process is up.
 */
import { once } from "node:events";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import type { Logger } from "./logger.ts";

export type HttpHandler = (req: IncomingMessage, res: ServerResponse) => void;

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

export async function startHttpServer(options: {
  port: number;
  host?: string;
  /** Handlers by exact path, for POST. */
  routes: Map<string, HttpHandler>;
  logger: Logger;
}): Promise<SharedServer> {
  const { routes, logger } = options;
  if (routes.has(HEALTH_PATH)) throw new ServerSetupError(`${HEALTH_PATH} is reserved for the health check`);
  const server = createServer((req, res) => route(req, res, routes, logger));
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

function route(req: IncomingMessage, res: ServerResponse, routes: Map<string, HttpHandler>, logger: Logger) {
  const path = new URL(req.url ?? "/", "http://localhost").pathname;
  if (path === HEALTH_PATH && (req.method === "GET" || req.method === "HEAD")) {
    res.writeHead(200, { "content-type": "text/plain" }).end("ok\n");
    return;
  }
  const handler = routes.get(path);
  if (!handler) {
    res.writeHead(404).end();
    req.resume();
    return;
  }
  if (req.method !== "POST") {
    res.writeHead(405, { allow: "POST" }).end();
    req.resume();
    return;
  }
  try {
    handler(req, res);
  } catch (error) {
    logger.error("http: handler failed", { path, error });
    if (!res.headersSent) res.writeHead(500).end();
  }
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

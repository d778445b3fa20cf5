/**
 * A fake Slack Web API on 127.0.0.1: answers the methods the adapter uses, records every
 * call in arrival order, and can hold a method's answers back to play a slow Slack.
 */
import { once } from "node:events";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

export interface RecordedCall {
  method: string;
  /** The call's arguments; `blocks` decoded from JSON when sent form-encoded. */
  args: Record<string, unknown>;
  /** The bearer token the call carried. */
  token?: string;
  /** Set once the fake has answered the call. */
  answered: boolean;
  answer?: Record<string, unknown>;
}

export interface FakeSlackOptions {
  botUserId?: string;
  botId?: string;
  team?: string;
  /** Answer these methods with `{ ok: false, error }`. */
  failures?: Record<string, string>;
}

type Handler = (args: Record<string, unknown>) => Record<string, unknown>;

export class FakeSlack {
  readonly calls: RecordedCall[] = [];
  readonly botUserId: string;
  readonly botId: string;
  readonly team: string;
  private server?: Server;
  private nextTs = 1_700_000_000_000_100;
  private readonly held = new Map<string, Promise<void>>();
  private readonly waiters: Array<() => void> = [];
  private readonly failures: Record<string, string>;

  constructor(options: FakeSlackOptions = {}) {
    this.botUserId = options.botUserId ?? "UBOT";
    this.botId = options.botId ?? "BBOT";
    this.team = options.team ?? "T1";
    this.failures = { ...options.failures };
  }

  /** Listens on a random loopback port; returns the API root (ends with "/"). */
  async start(): Promise<string> {
    this.server = createServer((req, res) => void this.serve(req, res));
    this.server.listen(0, "127.0.0.1");
    await once(this.server, "listening");
    const { port } = this.server.address() as AddressInfo;
    return `http://127.0.0.1:${port}/api/`;
  }

  async stop(): Promise<void> {
    if (!this.server) return;
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server?.close(() => resolve()));
  }

  /** Holds every answer to `method` until the returned function is called. */
  hold(method: string): () => void {
    let release!: () => void;
    this.held.set(
      method,
      new Promise<void>((resolve) => {
        release = resolve;
      }),
    );
    return () => {
      this.held.delete(method);
      release();
    };
  }

  fail(method: string, error: string): void {
    this.failures[method] = error;
  }

  recover(method: string): void {
    delete this.failures[method];
  }

  callsOf(method: string): RecordedCall[] {
    return this.calls.filter((call) => call.method === method);
  }

  /** Resolves once `method` has been called `count` times (answered or not). */
  async waitForCalls(method: string, count: number): Promise<RecordedCall[]> {
    while (this.callsOf(method).length < count) {
      await new Promise<void>((resolve) => this.waiters.push(resolve));
    }
    return this.callsOf(method);
  }

  private async serve(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const method = new URL(req.url ?? "/", "http://127.0.0.1").pathname.replace(/^\/api\//, "");
    const args = parseArgs(req.headers["content-type"], await readBody(req));
    const token = /^Bearer (.+)$/.exec(req.headers.authorization ?? "")?.[1];
    const call: RecordedCall = { method, args, token, answered: false };
    this.calls.push(call);
    for (const wake of this.waiters.splice(0)) wake();
    await this.held.get(method);
    const failure = this.failures[method];
    const handler = this.handlers[method];
    const answer = failure
      ? { ok: false, error: failure }
      : handler
        ? handler(args)
        : { ok: false, error: "unknown_method" };
    res.writeHead(200, { "content-type": "application/json" });
    res.end(JSON.stringify(answer));
    call.answer = answer;
    call.answered = true;
  }

  private readonly handlers: Record<string, Handler> = {
    "auth.test": () => ({
      ok: true,
      url: "https://fake.slack.test/",
      team: "Fake",
      user: "advisor",
      team_id: this.team,
      user_id: this.botUserId,
      bot_id: this.botId,
    }),
    "chat.postMessage": (args) => {
      const ts = this.timestamp();
      return {
        ok: true,
        channel: args.channel,
        ts,
        message: { ...args, ts, user: this.botUserId, bot_id: this.botId },
      };
    },
    "chat.update": (args) => ({ ok: true, channel: args.channel, ts: args.ts, text: args.text }),
    "chat.postEphemeral": () => ({ ok: true, message_ts: this.timestamp() }),
  };

  private timestamp(): string {
    this.nextTs += 100;
    const digits = String(this.nextTs);
    return `${digits.slice(0, 10)}.${digits.slice(10)}`;
  }
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}

function parseArgs(contentType: string | undefined, body: string): Record<string, unknown> {
  if (body === "") return {};
  if (contentType?.startsWith("application/json")) return JSON.parse(body) as Record<string, unknown>;
  const args: Record<string, unknown> = Object.fromEntries(new URLSearchParams(body));
  for (const key of ["blocks", "attachments"]) {
    if (typeof args[key] === "string") args[key] = JSON.parse(args[key] as string);
  }
  return args;
}

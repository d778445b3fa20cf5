/**
 * A fake Slack Web API on 127.0.0.1: answers the methods the adapter uses, records every
 * call in arrival order, and can hold a method's answers back to play a slow Slack. It also
 * plays Slack's side of Socket Mode: apps.connections.open hands out a ws:// URL on the same
 * server, where a minimal WebSocket endpoint sends envelopes and collects their acks.
 */
import { createHash } from "node:crypto";
import { once } from "node:events";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import type { Duplex } from "node:stream";

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
  /** Answer these methods only after this many milliseconds (for benchmarks; tests use `hold`). */
  delays?: Record<string, number>;
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
    this.delays = { ...options.delays };
  }

  private readonly delays: Record<string, number>;

  /** Listens on a random loopback port; returns the API root (ends with "/"). */
  async start(): Promise<string> {
    this.server = createServer((req, res) => void this.serve(req, res));
    this.server.on("upgrade", (req, socket) => this.socketMode.accept(req, socket));
    this.server.listen(0, "127.0.0.1");
    await once(this.server, "listening");
    const { port } = this.server.address() as AddressInfo;
    this.socketUrl = `ws://127.0.0.1:${port}/socket`;
    this.root = `http://127.0.0.1:${port}/`;
    return `http://127.0.0.1:${port}/api/`;
  }

  /** Slack's side of Socket Mode connections. */
  readonly socketMode = new FakeSocketMode();
  private socketUrl = "";

  async stop(): Promise<void> {
    this.releaseAll();
    this.socketMode.closeAll();
    if (!this.server) return;
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server?.close(() => resolve()));
  }

  /** Holds every answer to `method` until the returned function is called. */
  hold(method: string): () => void {
    let resolveHeld!: () => void;
    this.held.set(
      method,
      new Promise<void>((resolve) => {
        resolveHeld = resolve;
      }),
    );
    const release = () => {
      this.held.delete(method);
      this.releases.delete(release);
      resolveHeld();
    };
    this.releases.add(release);
    return release;
  }

  /** Lets every held answer go, so a failed test still shuts down. */
  releaseAll(): void {
    for (const release of [...this.releases]) release();
  }

  private readonly releases = new Set<() => void>();

  fail(method: string, error: string): void {
    this.failures[method] = error;
  }

  recover(method: string): void {
    delete this.failures[method];
  }

  /** Answers the next `times` calls of `method` with HTTP 429 and `Retry-After: seconds`. */
  rateLimit(method: string, times: number, seconds: number): void {
    this.rateLimits.set(method, { times, seconds });
  }

  private readonly rateLimits = new Map<string, { times: number; seconds: number }>();

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

  /** Files users shared (served at url_private_download to the bot token) and files the bot
   * uploaded (files.uploadV2: the upload URL, then files.completeUploadExternal). */
  readonly sharedFiles = new Map<string, Buffer>();
  readonly uploads: { id: string; bytes?: Buffer; filename?: string; channel?: string; comment?: string }[] =
    [];
  /** Paths of the downloads asked for, with the token they carried. */
  readonly downloads: { id: string; token?: string }[] = [];
  private root = "";

  /** A file a user shares: the `files[]` entry of the message event that carries it. */
  shareFile(name: string, bytes: Buffer, size = bytes.length): Record<string, unknown> {
    const id = `F${this.sharedFiles.size + 1}`;
    this.sharedFiles.set(id, bytes);
    return {
      id,
      name,
      size,
      mimetype: "application/octet-stream",
      url_private_download: `${this.root}download/${id}`,
    };
  }

  private async serveFile(req: IncomingMessage, res: ServerResponse, path: string): Promise<boolean> {
    const download = /^\/download\/(\w+)$/.exec(path);
    const upload = /^\/upload\/(\w+)$/.exec(path);
    if (!download && !upload) return false;
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const token = /^Bearer (.+)$/i.exec(req.headers.authorization ?? "")?.[1];
    if (download) {
      const id = download[1] as string;
      this.downloads.push({ id, token });
      const bytes = this.sharedFiles.get(id);
      if (!bytes || token === undefined) res.writeHead(404).end();
      else res.writeHead(200, { "content-type": "application/octet-stream" }).end(bytes);
    } else {
      const entry = this.uploads.find((u) => u.id === upload?.[1]);
      if (entry) entry.bytes = Buffer.concat(chunks);
      res.writeHead(entry ? 200 : 404).end("OK");
    }
    for (const wake of this.waiters.splice(0)) wake();
    return true;
  }

  private async serve(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const path = new URL(req.url ?? "/", "http://127.0.0.1").pathname;
    if (await this.serveFile(req, res, path)) return;
    const method = path.replace(/^\/api\//, "");
    const args = parseArgs(req.headers["content-type"], await readBody(req));
    const token = /^Bearer (.+)$/.exec(req.headers.authorization ?? "")?.[1];
    const call: RecordedCall = { method, args, token, answered: false };
    this.calls.push(call);
    for (const wake of this.waiters.splice(0)) wake();
    await this.held.get(method);
    const delay = this.delays[method];
    if (delay) await new Promise((resolve) => setTimeout(resolve, delay));
    const limit = this.rateLimits.get(method);
    if (limit && limit.times > 0) {
      limit.times -= 1;
      res.writeHead(429, { "content-type": "application/json", "retry-after": String(limit.seconds) });
      res.end(JSON.stringify({ ok: false, error: "ratelimited" }));
      call.answer = { ok: false, error: "ratelimited" };
      call.answered = true;
      return;
    }
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
    "apps.connections.open": () => ({ ok: true, url: this.socketUrl }),
    "files.getUploadURLExternal": (args) => {
      const id = `FU${this.uploads.length + 1}`;
      this.uploads.push({ id, filename: String(args.filename) });
      return { ok: true, upload_url: `${this.root}upload/${id}`, file_id: id };
    },
    "files.completeUploadExternal": (args) => {
      const files = (typeof args.files === "string" ? JSON.parse(args.files) : args.files) as {
        id: string;
        title?: string;
      }[];
      for (const file of files) {
        const entry = this.uploads.find((u) => u.id === file.id);
        if (entry) Object.assign(entry, { channel: args.channel_id, comment: args.initial_comment });
      }
      return { ok: true, files: files.map((f) => ({ id: f.id, title: f.title })) };
    },
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

/**
 * Just enough of RFC 6455 for Socket Mode: the handshake, unfragmented text frames, ping and
 * close. Slack speaks first ("hello"), then sends envelopes; the app acks each by envelope_id.
 */
export class FakeSocketMode {
  /** Every ack received, by envelope id. */
  readonly acks = new Map<string, unknown>();
  private readonly sockets = new Set<Duplex>();
  private readonly waiters: Array<() => void> = [];
  private envelopes = 0;

  accept(req: IncomingMessage, socket: Duplex): void {
    const key = req.headers["sec-websocket-key"];
    const accept = createHash("sha1").update(`${key}258EAFA5-E914-47DA-95CA-C5AB0DC85B11`).digest("base64");
    socket.write(
      `HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Accept: ${accept}\r\n\r\n`,
    );
    this.sockets.add(socket);
    let pending = Buffer.alloc(0);
    socket.on("data", (chunk: Buffer) => {
      pending = Buffer.concat([pending, chunk]);
      for (let frame = readFrame(pending); frame; frame = readFrame(pending)) {
        pending = pending.subarray(frame.length);
        this.onFrame(socket, frame.opcode, frame.payload);
      }
    });
    socket.on("close", () => this.sockets.delete(socket));
    socket.on("error", () => this.sockets.delete(socket));
    this.wake();
    writeFrame(socket, 0x1, Buffer.from(JSON.stringify({ type: "hello", num_connections: 1 })));
  }

  /** Resolves once an app has connected. */
  async connected(): Promise<void> {
    while (this.sockets.size === 0) await new Promise<void>((resolve) => this.waiters.push(resolve));
  }

  /** Sends an envelope (`events_api` or `interactive`) and returns its id. */
  deliver(type: string, payload: unknown, options: { retryAttempt?: number } = {}): string {
    this.envelopes += 1;
    const envelopeId = `env-${this.envelopes}`;
    const envelope = {
      envelope_id: envelopeId,
      type,
      payload,
      accepts_response_payload: false,
      retry_attempt: options.retryAttempt ?? 0,
      retry_reason: options.retryAttempt ? "timeout" : "",
    };
    for (const socket of this.sockets) writeFrame(socket, 0x1, Buffer.from(JSON.stringify(envelope)));
    return envelopeId;
  }

  /** Resolves when the app has acknowledged `envelopeId`. */
  async ackOf(envelopeId: string): Promise<unknown> {
    while (!this.acks.has(envelopeId)) await new Promise<void>((resolve) => this.waiters.push(resolve));
    return this.acks.get(envelopeId);
  }

  closeAll(): void {
    for (const socket of this.sockets) socket.destroy();
    this.sockets.clear();
  }

  private onFrame(socket: Duplex, opcode: number, payload: Buffer): void {
    if (opcode === 0x9) writeFrame(socket, 0xa, payload);
    if (opcode === 0x8) {
      writeFrame(socket, 0x8, payload.subarray(0, 2));
      socket.end();
    }
    if (opcode !== 0x1) return;
    const message = JSON.parse(payload.toString("utf8")) as { envelope_id?: string; payload?: unknown };
    if (message.envelope_id) this.acks.set(message.envelope_id, message.payload);
    this.wake();
  }

  private wake(): void {
    for (const wake of this.waiters.splice(0)) wake();
  }
}

function writeFrame(socket: Duplex, opcode: number, payload: Buffer): void {
  const length = payload.length;
  const header =
    length < 126
      ? Buffer.from([0x80 | opcode, length])
      : length < 65_536
        ? Buffer.from([0x80 | opcode, 126, length >> 8, length & 0xff])
        : Buffer.concat([Buffer.from([0x80 | opcode, 127]), bigEndian64(length)]);
  if (!socket.destroyed) socket.write(Buffer.concat([header, payload]));
}

function bigEndian64(value: number): Buffer {
  const buffer = Buffer.alloc(8);
  buffer.writeBigUInt64BE(BigInt(value));
  return buffer;
}

/** One complete frame from the front of `data` (client frames are masked), or undefined. */
function readFrame(data: Buffer): { opcode: number; payload: Buffer; length: number } | undefined {
  if (data.length < 2) return undefined;
  const opcode = (data[0] ?? 0) & 0x0f;
  const masked = ((data[1] ?? 0) & 0x80) !== 0;
  let length = (data[1] ?? 0) & 0x7f;
  let offset = 2;
  if (length === 126) {
    if (data.length < 4) return undefined;
    length = data.readUInt16BE(2);
    offset = 4;
  } else if (length === 127) {
    if (data.length < 10) return undefined;
    length = Number(data.readBigUInt64BE(2));
    offset = 10;
  }
  const maskOffset = offset;
  if (masked) offset += 4;
  if (data.length < offset + length) return undefined;
  const payload = Buffer.from(data.subarray(offset, offset + length));
  if (masked) {
    for (let i = 0; i < payload.length; i += 1)
      payload[i] = (payload[i] ?? 0) ^ (data[maskOffset + (i % 4)] ?? 0);
  }
  return { opcode, payload, length: offset + length };
}

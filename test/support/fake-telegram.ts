/**
 * A small fake of the Telegram Bot API on 127.0.0.1, for running the real grammY bot in tests
 * (`client.apiRoot` / TELEGRAM_API_ROOT). It serves queued updates to long polling, keeps the
 * messages the bot sends and edits per chat, records every call, and can answer one call
 * with 429 Too Many Requests.
 */
import { once } from "node:events";
import { createServer, type IncomingMessage } from "node:http";
import type { AddressInfo } from "node:net";
import type { InlineKeyboardMarkup, Message, Update, User } from "grammy/types";

export const FAKE_BOT: User = { id: 999, is_bot: true, first_name: "Advisor", username: "advisor_test_bot" };

export interface ApiCall {
  method: string;
  payload: Record<string, unknown>;
}

/** A message the bot sent, as it now stands (after edits). */
export interface BotMessage {
  messageId: number;
  chatId: number;
  text: string;
  keyboard?: InlineKeyboardMarkup;
  /** Buttons as [label, callback data]. */
  buttons: [string, string][];
}

export interface SentDocument {
  chatId: number;
  fileName: string;
  bytes: Buffer;
  caption?: string;
}

type Result =
  | { ok: true; result: unknown }
  | { ok: false; error_code: number; description: string; parameters?: object };

export interface FakeTelegram {
  /** For `client.apiRoot` / TELEGRAM_API_ROOT. */
  apiRoot: string;
  token: string;
  calls: ApiCall[];
  callsOf(method: string): ApiCall[];
  /** Messages the bot sent to `chatId`, in order, as they now read. */
  chat(chatId: number): BotMessage[];
  /** Queues an update for getUpdates and returns it (e.g. to POST it to a webhook instead). */
  queue(update: Update): Update;
  /** Builds (does not queue) a text message update from user `userId` (default: the chat id). */
  textUpdate(chatId: number, text: string, options?: { userId?: number; languageCode?: string }): Update;
  /** Builds (does not queue) a document message carrying `bytes`, served by getFile and the
   * file download URL. `size` overrides the size Telegram reports (to play a large file). */
  documentUpdate(
    chatId: number,
    file: { name: string; bytes: Buffer; size?: number },
    options?: { userId?: number; languageCode?: string },
  ): Update;
  /** Documents the bot sent (sendDocument), with their bytes. */
  documents: SentDocument[];
  /** Paths of the file downloads made, in order. */
  downloads: string[];
  /** Builds (does not queue) a press of the button with `data` on the bot's message. */
  pressUpdate(
    message: BotMessage,
    data: string,
    options?: { userId?: number; languageCode?: string },
  ): Update;
  /** The next call of `method` is answered 429 with this `retry_after`. */
  floodNext(method: string, retryAfter: number): void;
  /** The next call of `method` gets no answer: the connection is cut (a network failure). */
  hangUpNext(method: string): void;
  /** The next call of `method` is answered only once the returned function is called. */
  holdNext(method: string): () => void;
  /** Resolves once `condition` holds, checked after every call the fake receives and answers. */
  waitFor(condition: () => boolean, what: string): Promise<void>;
  /** Resolves once a call matching `test` has been recorded (including earlier ones). */
  waitForCall(test: (call: ApiCall) => boolean, what: string): Promise<ApiCall>;
  close(): Promise<void>;
}

export interface FakeTelegramOptions {
  /** Methods this Bot API does not have: answered 404 "method not found", as an emulator that
   * lacks them answers (telegram-test-api). */
  refuse?: string[];
}

export async function startFakeTelegram(
  token = "123456:TEST-token_abcdef",
  options: FakeTelegramOptions = {},
): Promise<FakeTelegram> {
  const calls: ApiCall[] = [];
  const updates: Update[] = [];
  const chats = new Map<number, BotMessage[]>();
  const floods = new Map<string, number>();
  const hangUps = new Set<string>();
  const holds = new Map<string, Promise<void>>();
  const waiters = new Set<() => void>();
  let nextUpdateId = 1000;
  let nextMessageId = 1;
  let nextQueryId = 1;
  const files = new Map<string, { path: string; bytes: Buffer; size: number }>();
  const documents: SentDocument[] = [];
  const downloads: string[] = [];

  const notify = () => {
    for (const waiter of [...waiters]) waiter();
  };

  const messages = (chatId: number) => {
    const list = chats.get(chatId) ?? [];
    chats.set(chatId, list);
    return list;
  };

  const findMessage = (payload: Record<string, unknown>) => {
    const found = messages(Number(payload.chat_id)).find((m) => m.messageId === Number(payload.message_id));
    return found ?? fail(400, "Bad Request: message to edit not found");
  };

  const setKeyboard = (message: BotMessage, keyboard: unknown) => {
    message.keyboard = keyboard as InlineKeyboardMarkup | undefined;
    message.buttons = (message.keyboard?.inline_keyboard ?? [])
      .flat()
      .map((b) => [b.text, "callback_data" in b ? String(b.callback_data) : ""]);
  };

  const asTelegramMessage = (message: BotMessage): Message =>
    ({
      message_id: message.messageId,
      date: Math.floor(Date.now() / 1000),
      chat: { id: message.chatId, type: "private", first_name: "User" },
      from: FAKE_BOT,
      text: message.text,
      reply_markup: message.keyboard,
    }) as Message;

  const methods: Record<string, (payload: Record<string, unknown>, req: IncomingMessage) => unknown> = {
    getMe: () => FAKE_BOT,
    getFile: (payload) => {
      const file = files.get(String(payload.file_id)) ?? fail(400, "Bad Request: invalid file_id");
      return {
        file_id: payload.file_id,
        file_unique_id: `u${payload.file_id}`,
        file_size: file.size,
        file_path: file.path,
      };
    },
    sendDocument: (payload) => {
      const document = payload.document as { name: string; bytes: Buffer } | undefined;
      if (!document?.bytes) fail(400, "Bad Request: there is no document in the request");
      documents.push({
        chatId: Number(payload.chat_id),
        fileName: document.name,
        bytes: document.bytes,
        caption: payload.caption as string | undefined,
      });
      return {
        message_id: nextMessageId++,
        date: Math.floor(Date.now() / 1000),
        chat: { id: Number(payload.chat_id), type: "private" },
      };
    },
    getUpdates: (payload, req) => pollUpdates(payload, req),
    sendMessage: (payload) => {
      if (typeof payload.text !== "string" || payload.text.length === 0)
        fail(400, "Bad Request: message text is empty");
      if ((payload.text as string).length > 4096) fail(400, "Bad Request: message is too long");
      const message: BotMessage = {
        messageId: nextMessageId++,
        chatId: Number(payload.chat_id),
        text: payload.text as string,
        buttons: [],
      };
      setKeyboard(message, payload.reply_markup);
      messages(message.chatId).push(message);
      return asTelegramMessage(message);
    },
    editMessageText: (payload) => {
      const message = findMessage(payload);
      if (
        message.text === payload.text &&
        JSON.stringify(message.keyboard) === JSON.stringify(payload.reply_markup)
      ) {
        fail(400, "Bad Request: message is not modified");
      }
      message.text = String(payload.text);
      setKeyboard(message, payload.reply_markup);
      return asTelegramMessage(message);
    },
    editMessageReplyMarkup: (payload) => {
      const message = findMessage(payload);
      setKeyboard(message, payload.reply_markup);
      return asTelegramMessage(message);
    },
    answerCallbackQuery: () => true,
    sendChatAction: () => true,
    setMyCommands: () => true,
    setWebhook: () => true,
    deleteWebhook: () => true,
  };
  for (const method of options.refuse ?? []) delete methods[method];

  /** Long polling: answers at once when updates at or after `offset` are queued, otherwise
   * when one arrives, the `timeout` runs out, or the client gives up. */
  const pollUpdates = async (payload: Record<string, unknown>, req: IncomingMessage) => {
    const offset = Number(payload.offset ?? 0);
    const limit = Number(payload.limit ?? 100);
    // Confirmed updates are forgotten, as Telegram does.
    while (updates.length > 0 && (updates[0]?.update_id ?? 0) < offset) updates.shift();
    if (updates.length === 0 && Number(payload.timeout ?? 0) > 0) {
      await new Promise<void>((resolve) => {
        const done = () => {
          waiters.delete(done);
          clearTimeout(timer);
          resolve();
        };
        const timer = setTimeout(done, Number(payload.timeout) * 1000);
        waiters.add(done);
        req.once("close", done);
      });
    }
    return updates.filter((u) => u.update_id >= offset).slice(0, limit);
  };

  const server = createServer(async (req, res) => {
    const download = /^\/file\/bot([^/]+)\/(.+)$/.exec(req.url ?? "");
    if (download) {
      const file = [...files.values()].find((f) => f.path === download[2]);
      downloads.push(download[2] ?? "");
      if (download[1] !== token || !file) res.writeHead(404).end();
      else res.writeHead(200, { "content-type": "application/octet-stream" }).end(file.bytes);
      notify();
      return;
    }
    const match = /^\/bot([^/]+)\/(\w+)$/.exec(req.url ?? "");
    const body = await readJson(req);
    const [, requestToken, method = ""] = match ?? [];
    const reply = (result: Result) => {
      if (!res.headersSent)
        res.writeHead(result.ok ? 200 : result.error_code, { "content-type": "application/json" });
      res.end(JSON.stringify(result));
    };
    if (requestToken !== token) return reply({ ok: false, error_code: 401, description: "Unauthorized" });
    const handler = methods[method];
    if (!handler) return reply({ ok: false, error_code: 404, description: "Not Found: method not found" });
    const retryAfter = floods.get(method);
    calls.push({ method, payload: body });
    notify();
    if (hangUps.delete(method)) {
      req.socket.destroy();
      return;
    }
    const hold = holds.get(method);
    if (hold) {
      holds.delete(method);
      await hold;
    }
    if (retryAfter !== undefined) {
      floods.delete(method);
      const description = `Too Many Requests: retry after ${retryAfter}`;
      return reply({ ok: false, error_code: 429, description, parameters: { retry_after: retryAfter } });
    }
    try {
      reply({ ok: true, result: await handler(body, req) });
    } catch (error) {
      if (error instanceof ApiFailure)
        reply({ ok: false, error_code: error.code, description: error.message });
      else reply({ ok: false, error_code: 500, description: String(error) });
    }
    notify();
  });
  // Node closes a keep-alive connection idle for 5 s, racing a client that reuses it at that
  // moment ("socket hang up"); Telegram keeps them far longer, so the fake does too.
  server.keepAliveTimeout = 120_000;
  server.listen(0, "127.0.0.1");
  await once(server, "listening");
  const { port } = server.address() as AddressInfo;

  const user = (userId: number, languageCode?: string): User => ({
    id: userId,
    is_bot: false,
    first_name: "Test",
    language_code: languageCode,
  });

  const fake: FakeTelegram = {
    apiRoot: `http://127.0.0.1:${port}`,
    token,
    calls,
    callsOf: (method) => calls.filter((call) => call.method === method),
    chat: (chatId) => messages(chatId),
    queue(update) {
      updates.push(update);
      notify();
      return update;
    },
    textUpdate(chatId, text, options = {}) {
      const message = {
        message_id: nextMessageId++,
        date: Math.floor(Date.now() / 1000),
        chat: { id: chatId, type: "private", first_name: "Test" },
        from: user(options.userId ?? chatId, options.languageCode),
        text,
      } as Message.TextMessage;
      return { update_id: nextUpdateId++, message } as Update;
    },
    documentUpdate(chatId, file, options = {}) {
      const fileId = `F${files.size + 1}`;
      files.set(fileId, {
        path: `documents/file_${files.size + 1}`,
        bytes: file.bytes,
        size: file.size ?? file.bytes.length,
      });
      const message = {
        message_id: nextMessageId++,
        date: Math.floor(Date.now() / 1000),
        chat: { id: chatId, type: "private", first_name: "Test" },
        from: user(options.userId ?? chatId, options.languageCode),
        document: {
          file_id: fileId,
          file_unique_id: `u${fileId}`,
          file_name: file.name,
          file_size: file.size ?? file.bytes.length,
        },
      } as Message.DocumentMessage;
      return { update_id: nextUpdateId++, message } as Update;
    },
    documents,
    downloads,
    pressUpdate(message, data, options = {}) {
      return {
        update_id: nextUpdateId++,
        callback_query: {
          id: String(nextQueryId++),
          from: user(options.userId ?? message.chatId, options.languageCode),
          chat_instance: "1",
          message: asTelegramMessage(message),
          data,
        },
      };
    },
    floodNext(method, retryAfter) {
      floods.set(method, retryAfter);
    },
    hangUpNext(method) {
      hangUps.add(method);
    },
    holdNext(method) {
      let release = () => {};
      holds.set(
        method,
        new Promise<void>((resolve) => {
          release = resolve;
        }),
      );
      return () => release();
    },
    waitFor(condition, what) {
      return new Promise((resolve, reject) => {
        const check = () => {
          if (!condition()) return;
          waiters.delete(check);
          clearTimeout(timer);
          resolve();
        };
        // A bound so a broken bot fails the test with a message instead of hanging it.
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(
            new Error(
              `fake Telegram: still waiting for ${what} (calls: ${calls.map((c) => c.method).join(", ")})`,
            ),
          );
        }, 10_000);
        waiters.add(check);
        check();
      });
    },
    async waitForCall(test, what) {
      await fake.waitFor(() => calls.some(test), `a call ${what}`);
      return calls.find(test) as ApiCall;
    },
    async close() {
      notify();
      server.closeAllConnections();
      server.close();
      await once(server, "close");
    },
  };
  return fake;
}

class ApiFailure extends Error {
  constructor(
    readonly code: number,
    description: string,
  ) {
    super(description);
  }
}

function fail(code: number, description: string): never {
  throw new ApiFailure(code, description);
}

/** JSON, or multipart/form-data as grammY sends files (a file part becomes `{ name, bytes }`). */
async function readJson(req: IncomingMessage): Promise<Record<string, unknown>> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const body = Buffer.concat(chunks);
  const type = req.headers["content-type"] ?? "";
  const boundary = /boundary=(?:"([^"]+)"|([^;]+))/.exec(type);
  if (type.startsWith("multipart/form-data") && boundary) {
    const out = parseMultipart(body, `--${boundary[1] ?? boundary[2]}`);
    // grammY names the file part and puts "attach://<part>" in the field.
    for (const [key, value] of Object.entries(out)) {
      const attached = typeof value === "string" && /^attach:\/\/(.+)$/.exec(value);
      if (attached) out[key] = out[attached[1] as string];
    }
    return out;
  }
  const text = body.toString("utf8");
  return text ? (JSON.parse(text) as Record<string, unknown>) : {};
}

/** Just enough of multipart/form-data for grammY's uploads: text fields, and files as `{ name, bytes }`. */
function parseMultipart(body: Buffer, delimiter: string): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  let at = body.indexOf(delimiter);
  while (at >= 0) {
    const start = at + delimiter.length;
    if (body.subarray(start, start + 2).toString() === "--") break;
    const next = body.indexOf(delimiter, start);
    if (next < 0) break;
    const part = body.subarray(start + 2, next - 2); // after CRLF, before CRLF--boundary
    const split = part.indexOf("\r\n\r\n");
    const head = part.subarray(0, split).toString("utf8");
    const content = part.subarray(split + 4);
    const name = /;\s*name="([^"]*)"/.exec(head)?.[1] ?? "";
    // grammY writes filename=NAME unquoted, in UTF-8.
    const fileName = /filename="?([^"\r\n]*)"?/.exec(head)?.[1];
    out[name] =
      fileName === undefined ? content.toString("utf8") : { name: fileName, bytes: Buffer.from(content) };
    at = next;
  }
  return out;
}

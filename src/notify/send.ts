/**
 * Sending one notification on the channel the user used, with the platforms' own clients:
 * grammY's Api (Telegram sendMessage to the chat) and @slack/web-api's WebClient
 * (chat.postMessage to the DM). A send is paced (`ready`), then tried once (`attempt`), so the
 * caller can journal each attempt right before it goes out. Each answer is sorted by what it says
 * about delivery: sent; rate limited or refused by the platform (not delivered, safe to try
 * again); or unknown (the request may have reached the platform), never repeated on its own.
 */
import { LogLevel, WebClient } from "@slack/web-api";
import { Api, GrammyError, HttpError } from "grammy";
import type { Channel } from "../dialog/types.ts";
import { RateLimiter } from "./rate.ts";

export type Attempt =
  | { kind: "sent"; messageId: string }
  /** 429: wait `retryAfterMs` (the limiter already holds every send that long), then try again. */
  | { kind: "rate_limited"; retryAfterMs: number }
  | { kind: "refused"; error: string }
  | { kind: "unknown"; error: string };

export interface Sender {
  /** Resolves when the platform's pace allows the next message to this conversation. */
  ready(conversationId: string, userId: string): Promise<void>;
  /** One call to the platform. */
  attempt(conversationId: string, userId: string, text: string): Promise<Attempt>;
}

/** Errors that mean the connection never opened: nothing reached the platform. */
const NOT_CONNECTED = new Set(["ECONNREFUSED", "ENOTFOUND", "EAI_AGAIN", "EHOSTUNREACH", "ENETUNREACH"]);

export interface SenderSettings {
  telegram?: { token: string; apiRoot: string };
  slack?: { token: string; apiUrl: string };
}

export function sendersFromEnv(env: NodeJS.ProcessEnv): SenderSettings {
  const get = (name: string) => env[name]?.trim() || undefined;
  const telegramToken = get("TELEGRAM_BOT_TOKEN");
  const slackToken = get("SLACK_BOT_TOKEN");
  return {
    ...(telegramToken
      ? {
          telegram: { token: telegramToken, apiRoot: get("TELEGRAM_API_ROOT") ?? "https://api.telegram.org" },
        }
      : {}),
    ...(slackToken
      ? { slack: { token: slackToken, apiUrl: get("SLACK_API_URL") ?? "https://slack.com/api/" } }
      : {}),
  };
}

export function createSenders(settings: SenderSettings): Partial<Record<Channel, Sender>> {
  return {
    ...(settings.telegram ? { telegram: telegramSender(settings.telegram) } : {}),
    ...(settings.slack ? { slack: slackSender(settings.slack) } : {}),
  };
}

/** Telegram: about 30 messages a second overall, one a second per chat; 429 says retry_after. */
function telegramSender(settings: { token: string; apiRoot: string }): Sender {
  const api = new Api(settings.token, { apiRoot: settings.apiRoot, timeoutSeconds: 30 });
  const limiter = new RateLimiter({ perSecond: 30, perKeyMs: 1000 });
  const chatOf = (conversationId: string) => conversationId.replace(/^telegram:/, "");
  return {
    ready: (conversationId) => limiter.take(chatOf(conversationId)),
    async attempt(conversationId, _userId, text) {
      try {
        const message = await api.sendMessage(chatOf(conversationId), text);
        return { kind: "sent", messageId: String(message.message_id) };
      } catch (error) {
        if (error instanceof GrammyError) {
          const retryAfter = error.parameters.retry_after;
          if (error.error_code === 429 && retryAfter !== undefined) {
            limiter.pause(retryAfter * 1000);
            return { kind: "rate_limited", retryAfterMs: retryAfter * 1000 };
          }
          return { kind: "refused", error: `${error.error_code} ${error.description}` };
        }
        if (error instanceof HttpError) return networkOutcome(error.error);
        throw error;
      }
    },
  };
}

/** Slack: chat.postMessage about one a second per channel; a 429 carries Retry-After. The
 * client's own retries are off: repeating a post after a timeout could post it twice. */
function slackSender(settings: { token: string; apiUrl: string }): Sender {
  const client = new WebClient(settings.token, {
    slackApiUrl: settings.apiUrl.endsWith("/") ? settings.apiUrl : `${settings.apiUrl}/`,
    rejectRateLimitedCalls: true,
    retryConfig: { retries: 0 },
    timeout: 30_000,
    logLevel: LogLevel.ERROR,
  });
  // Slack names no overall figure for this method; a modest pace, and its 429s are honoured.
  const limiter = new RateLimiter({ perSecond: 10, perKeyMs: 1000 });
  return {
    ready: (conversationId, userId) => limiter.take(slackDestination(conversationId, userId)),
    async attempt(conversationId, userId, text) {
      const channel = slackDestination(conversationId, userId);
      try {
        const answer = await client.chat.postMessage({
          channel,
          text: slackEscape(text),
          unfurl_links: false,
        });
        return { kind: "sent", messageId: String(answer.ts ?? "") };
      } catch (error) {
        const e = error as SlackError;
        switch (e.code) {
          case "slack_webapi_rate_limited_error": {
            const retryAfterMs = (e.retryAfter ?? 1) * 1000;
            limiter.pause(retryAfterMs);
            return { kind: "rate_limited", retryAfterMs };
          }
          case "slack_webapi_platform_error":
            return { kind: "refused", error: e.data?.error ?? "error" };
          case "slack_webapi_http_error":
            return { kind: "refused", error: `HTTP ${e.statusCode}` };
          case "slack_webapi_request_error":
            return networkOutcome(e.original);
          default:
            throw error;
        }
      }
    },
  };
}

interface SlackError {
  code?: string;
  retryAfter?: number;
  data?: { error?: string };
  statusCode?: number;
  original?: unknown;
}

/** Slack reads &, < and > in a message's text as markup; the notification means them literally. */
const slackEscape = (text: string) => text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

/** A DM conversation is answered in its DM channel; a channel conversation's user is written
 * to in the app's DM with them (chat.postMessage accepts a user id as the channel). */
export function slackDestination(conversationId: string, userId: string): string {
  const [, , channel = ""] = conversationId.split(":");
  return channel.startsWith("D") ? channel : userId;
}

function networkOutcome(error: unknown): Attempt {
  const code = (error as { code?: string } | undefined)?.code ?? "";
  // The code only: a client's message may carry the request URL, and Telegram's holds the token.
  const text = `network: ${code || "request failed"}`;
  return NOT_CONNECTED.has(code) ? { kind: "refused", error: text } : { kind: "unknown", error: text };
}

/**
 * Spacing sends the way a platform asks: at most `perSecond` overall, evenly spaced, and at most
 * one per `perKeyMs` to the same chat or channel; `pause` holds every send after a 429 for as
 * long as the platform said (retry_after / Retry-After). Slots are reserved synchronously, so
 * concurrent callers cannot take the same one.
 */
export interface RateOptions {
  perSecond: number;
  perKeyMs: number;
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
}

export class RateLimiter {
  private nextSlot = 0;
  private pausedUntil = 0;
  private readonly lastByKey = new Map<string, number>();
  private readonly now: () => number;
  private readonly sleep: (ms: number) => Promise<void>;

  constructor(private readonly options: RateOptions) {
    this.now = options.now ?? Date.now;
    this.sleep = options.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms)));
  }

  /** Resolves when a send to `key` may start. */
  async take(key: string): Promise<void> {
    const now = this.now();
    const last = this.lastByKey.get(key);
    const at = Math.max(
      now,
      this.nextSlot,
      this.pausedUntil,
      last === undefined ? 0 : last + this.options.perKeyMs,
    );
    this.nextSlot = at + 1000 / this.options.perSecond;
    this.lastByKey.set(key, at);
    if (at > now) await this.sleep(at - now);
  }

  /** The platform asked to wait `ms` before any further call. */
  pause(ms: number): void {
    this.pausedUntil = Math.max(this.pausedUntil, this.now() + ms);
  }
}

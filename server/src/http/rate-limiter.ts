/** A sliding-window rate limiter per key, in memory (one process serves FibroGraph). */
import { SlidingWindow } from '../domain/sliding-window.ts';

/** Whether an event may happen now. */
export type RateDecision =
  { readonly allowed: true } | { readonly allowed: false; readonly retryAfterSeconds: number };

/** Counts events per key. */
export interface RateLimiter {
  /** Records one event for `key` if the window has room, and says whether it had. */
  take(key: string): RateDecision;
}

/** Options for `createRateLimiter`. */
export interface RateLimiterOptions {
  /** Events allowed per key per window. */
  readonly limit: number;
  readonly windowMs: number;
  /** The clock, for tests. */
  readonly now?: () => number;
}

/** At most `limit` events per key in any `windowMs`; refused events are not counted. */
export function createRateLimiter({ limit, windowMs, now }: RateLimiterOptions): RateLimiter {
  const window = new SlidingWindow({ max: limit, windowMs, ...(now === undefined ? {} : { now }) });
  return {
    take(key) {
      const waitMs = window.retryAfterMs(key);
      if (waitMs > 0) return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil(waitMs / 1000)) };
      window.record(key);
      return { allowed: true };
    },
  };
}

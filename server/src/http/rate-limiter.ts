/** A sliding-window rate limiter per key, in memory (one process serves FibroGraph). */

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
export function createRateLimiter({ limit, windowMs, now = Date.now }: RateLimiterOptions): RateLimiter {
  const events = new Map<string, number[]>();
  return {
    take(key) {
      const at = now();
      const recent = (events.get(key) ?? []).filter((time) => time > at - windowMs);
      events.set(key, recent);
      if (recent.length >= limit) {
        const freeAt = (recent[0] ?? at) + windowMs;
        return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((freeAt - at) / 1000)) };
      }
      recent.push(at);
      return { allowed: true };
    },
  };
}

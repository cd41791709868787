/**
 * A sliding-window rate limiter per key: in memory when one process serves FibroGraph, or in the
 * store when it offers shared windows (Neo4j), so a limit holds across API replicas.
 */
import { SlidingWindow } from '../domain/sliding-window.ts';
import type { GraphStore } from '../store/graph-store.ts';

/** Whether an event may happen now. */
export type RateDecision =
  { readonly allowed: true } | { readonly allowed: false; readonly retryAfterSeconds: number };

/** Counts events per key. */
export interface RateLimiter {
  /** Records one event for `key` if the window has room, and says whether it had. */
  take(key: string): Promise<RateDecision>;
}

/** Options for `createRateLimiter`. */
export interface RateLimiterOptions {
  /** Events allowed per key per window. */
  readonly limit: number;
  readonly windowMs: number;
  /** Names the limit in a shared store's keys (default `mutations`), so limits never mix. */
  readonly prefix?: string;
  /** The clock, for tests. */
  readonly now?: () => number;
}

/**
 * At most `limit` events per key in any `windowMs`; refused events are not counted. With `shared`
 * (a store's takeRateSlot) the window lives in the store; keys are prefixed so limits never mix.
 */
export function createRateLimiter(
  { limit, windowMs, now, prefix = 'mutations' }: RateLimiterOptions,
  shared?: NonNullable<GraphStore['takeRateSlot']>,
): RateLimiter {
  if (shared !== undefined) {
    return {
      async take(key) {
        const slot = await shared(`${prefix}:${key}`, limit, windowMs);
        return slot.allowed
          ? { allowed: true }
          : { allowed: false, retryAfterSeconds: secondsOf(slot.retryAfterMs) };
      },
    };
  }
  const window = new SlidingWindow({ max: limit, windowMs, ...(now === undefined ? {} : { now }) });
  return {
    take(key) {
      const waitMs = window.retryAfterMs(key);
      if (waitMs > 0) return Promise.resolve({ allowed: false, retryAfterSeconds: secondsOf(waitMs) });
      window.record(key);
      return Promise.resolve({ allowed: true });
    },
  };
}

function secondsOf(ms: number): number {
  return Math.max(1, Math.ceil(ms / 1000));
}

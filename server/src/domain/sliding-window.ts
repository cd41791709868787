/**
 * Events per key within a sliding time window, with a bounded number of keys: the one counter behind
 * the per-viewer mutation rate (http/rate-limiter.ts) and the failed sign-in throttle
 * (users/sign-in-guard.ts). Depends on nothing; in memory, per process.
 */

/** Options for a SlidingWindow. */
export interface SlidingWindowOptions {
  /** Events per key allowed within the window. */
  readonly max: number;
  readonly windowMs: number;
  /** Keys remembered at most; the one whose last event is oldest is forgotten first (default 10 000). */
  readonly maxKeys?: number;
  /** The clock, in epoch milliseconds (tests move it). */
  readonly now?: () => number;
}

/** Counts events per key. */
export class SlidingWindow {
  private readonly events = new Map<string, number[]>();
  private readonly now: () => number;
  private readonly maxKeys: number;

  constructor(private readonly options: SlidingWindowOptions) {
    this.now = options.now ?? Date.now;
    this.maxKeys = options.maxKeys ?? 10_000;
  }

  /** Records one event for `key`. */
  record(key: string): void {
    const recent = this.recent(key);
    recent.push(this.now());
    // Re-inserted, so the Map's first key is the one whose last event is oldest.
    this.events.delete(key);
    this.events.set(key, recent);
    if (this.events.size > this.maxKeys) {
      const oldest = this.events.keys().next();
      if (oldest.done !== true) this.events.delete(oldest.value);
    }
  }

  /** 0 when `key` has room for another event now, else how long until its oldest counted one leaves the window. */
  retryAfterMs(key: string): number {
    const recent = this.recent(key);
    if (recent.length < this.options.max) return 0;
    const oldest = recent[recent.length - this.options.max] ?? this.now();
    return Math.max(1, oldest + this.options.windowMs - this.now());
  }

  private recent(key: string): number[] {
    const since = this.now() - this.options.windowMs;
    const kept = (this.events.get(key) ?? []).filter((at) => at > since);
    if (kept.length === 0) this.events.delete(key);
    else this.events.set(key, kept);
    return kept;
  }
}

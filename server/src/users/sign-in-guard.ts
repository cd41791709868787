/**
 * Keeps failed sign-ins from starving the server. Verifying a token secret runs scrypt (~40 ms and
 * 16 MiB on libuv's thread pool, which file reads share), so a flood of wrong secrets is a
 * flood of scrypt. The guard:
 *
 * - runs at most `maxConcurrent` verifications at a time and queues at most `maxQueued` more; a
 *   request beyond that is refused at once instead of waiting behind the flood;
 * - refuses attempts for a token id, or from a client, that failed `maxFailures` times in the last
 *   `windowMs`, without running scrypt at all.
 *
 * Tokens verified before (the verified-token cache) never reach the guard, so signed-in clients keep
 * working during a flood aimed at their token id; only their first sign-in after a restart can be
 * refused, and it is told when to retry.
 *
 * The failure counts live in memory for one process, or in the database (`shared`) when several API
 * replicas serve one Neo4j: otherwise an attacker spreading guesses over N replicas gets N times the
 * allowance. The concurrency bound stays per process: it protects this process's thread pool.
 */
import { SlidingWindow } from '../domain/sliding-window.ts';

/** Why a sign-in was refused before its secret was checked. */
export class SignInRefusedError extends Error {
  constructor(
    readonly reason: 'too-many-failures' | 'busy',
    readonly retryAfterSeconds: number,
  ) {
    super(
      reason === 'busy'
        ? `Sign-in is busy; retry in ${retryAfterSeconds} s`
        : `Too many failed sign-ins; retry in ${retryAfterSeconds} s`,
    );
    this.name = 'SignInRefusedError';
  }
}

/** Tuning; the defaults suit one server process. */
export interface SignInGuardOptions {
  /** Verifications running at once (default 1: the thread pool keeps three threads for everyone else). */
  readonly maxConcurrent?: number;
  /** Verifications waiting for a turn (default 16). */
  readonly maxQueued?: number;
  /** Failures per token id, and per client, within `windowMs` before further attempts are refused (default 10). */
  readonly maxFailures?: number;
  /** The failure window (default 60 000 ms). */
  readonly windowMs?: number;
  /** Keys remembered at most, per kind, in memory (default 10 000; the oldest is forgotten first). */
  readonly maxKeys?: number;
  /** Failure windows every replica shares (the Neo4j user records'); in memory when absent. */
  readonly shared?: SharedFailureWindows;
  readonly now?: () => number;
}

/** Sliding windows kept in a store that every API replica reads and writes. */
export interface SharedFailureWindows {
  /** Records one failure for `key` (a full window stays full). */
  record(key: string, max: number, windowMs: number): Promise<void>;
  /** 0 when `key` has had fewer than `max` failures in the last `windowMs`, else ms until it will. */
  retryAfterMs(key: string, max: number, windowMs: number): Promise<number>;
}

/** Failures per key: the guard's view of either kind of window. */
interface FailureCounts {
  record(key: string): Promise<void>;
  retryAfterMs(key: string): Promise<number>;
}

/** Who is signing in: the token id, and the client address when the request came over HTTP. */
export interface SignInAttempt {
  readonly tokenId: string;
  readonly client?: string;
}

/** Bounds scrypt work and throttles repeated failures. */
export class SignInGuard {
  private readonly maxConcurrent: number;
  private readonly maxQueued: number;
  private readonly tokenFailures: FailureCounts;
  private readonly clientFailures: FailureCounts;
  private running = 0;
  private readonly waiting: (() => void)[] = [];

  constructor(options: SignInGuardOptions = {}) {
    this.maxConcurrent = options.maxConcurrent ?? 1;
    this.maxQueued = options.maxQueued ?? 16;
    const window = {
      max: options.maxFailures ?? 10,
      windowMs: options.windowMs ?? 60_000,
      maxKeys: options.maxKeys ?? 10_000,
      now: options.now ?? Date.now,
    };
    const counts = (kind: string): FailureCounts =>
      options.shared === undefined
        ? memoryCounts(new SlidingWindow(window))
        : sharedCounts(options.shared, `sign-in-failures:${kind}:`, window.max, window.windowMs);
    this.tokenFailures = counts('token');
    this.clientFailures = counts('client');
  }

  /**
   * Runs `verify` (true: the secret was right) in turn, unless the attempt is throttled or the queue
   * is full; records a failure when it says false. Throws SignInRefusedError when refused.
   */
  async verify(attempt: SignInAttempt, verify: () => Promise<boolean>): Promise<boolean> {
    await this.refuseIfThrottled(attempt);
    if (this.running >= this.maxConcurrent) {
      if (this.waiting.length >= this.maxQueued) throw new SignInRefusedError('busy', 1);
      await new Promise<void>((resolve) => this.waiting.push(resolve));
      // Failures recorded while this attempt waited count too: a burst cannot outrun the throttle.
      try {
        await this.refuseIfThrottled(attempt);
      } catch (error) {
        this.next();
        throw error;
      }
    } else {
      this.running += 1;
    }
    try {
      const ok = await verify();
      if (!ok) {
        await Promise.all([
          this.tokenFailures.record(attempt.tokenId),
          attempt.client === undefined ? undefined : this.clientFailures.record(attempt.client),
        ]);
      }
      return ok;
    } finally {
      this.next();
    }
  }

  /** Hands the slot to the next waiting attempt, or frees it. */
  private next(): void {
    const wake = this.waiting.shift();
    if (wake === undefined) this.running -= 1;
    else wake();
  }

  /**
   * Throws SignInRefusedError when the attempt is throttled; callers check before doing any work
   * for it (such as reading the token's record), and `verify` checks again.
   */
  async refuseIfThrottled({ tokenId, client }: SignInAttempt): Promise<void> {
    const waits = await Promise.all([
      this.tokenFailures.retryAfterMs(tokenId),
      client === undefined ? 0 : this.clientFailures.retryAfterMs(client),
    ]);
    const wait = Math.max(...waits);
    if (wait > 0) throw new SignInRefusedError('too-many-failures', Math.max(1, Math.ceil(wait / 1000)));
  }
}

function memoryCounts(window: SlidingWindow): FailureCounts {
  return {
    record: (key) => {
      window.record(key);
      return Promise.resolve();
    },
    retryAfterMs: (key) => Promise.resolve(window.retryAfterMs(key)),
  };
}

function sharedCounts(
  shared: SharedFailureWindows,
  prefix: string,
  max: number,
  windowMs: number,
): FailureCounts {
  return {
    record: (key) => shared.record(prefix + key, max, windowMs),
    retryAfterMs: (key) => shared.retryAfterMs(prefix + key, max, windowMs),
  };
}

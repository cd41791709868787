/**
 * Recently verified tokens, so that a client's every request does not pay for an scrypt verify.
 * Keyed by the SHA-256 of the whole token (the token itself is never kept), bounded in size, and
 * each entry lives `ttlMs`. An entry saves only the scrypt: the user store still reads the token's
 * record on every request and drops the entry when the stored hash is gone or different, so a
 * revocation by another process applies to the very next request.
 */
import { createHash } from 'node:crypto';
import type { UserRole } from './user-store.ts';

/** Who a cached token belongs to. */
export interface CachedToken {
  readonly tokenId: string;
  /** The stored hash the secret was verified against. */
  readonly hash: string;
  readonly name: string;
  readonly role: UserRole;
}

interface Entry extends CachedToken {
  readonly expiresAt: number;
}

/** The cache key of a bearer token. */
export function tokenCacheKey(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** A TTL cache of verified tokens. */
export class VerifiedTokenCache {
  private readonly entries = new Map<string, Entry>();

  constructor(
    private readonly ttlMs: number,
    private readonly now: () => number,
    private readonly maxEntries = 10_000,
  ) {}

  /** The live entry for `key`, if any. */
  get(key: string): CachedToken | undefined {
    const entry = this.entries.get(key);
    if (entry === undefined) return undefined;
    if (entry.expiresAt > this.now()) return entry;
    this.entries.delete(key);
    return undefined;
  }

  /** Remembers a verified token for the TTL (a TTL of 0 disables caching). */
  set(key: string, token: CachedToken): void {
    if (this.ttlMs <= 0) return;
    this.entries.delete(key);
    // Maps iterate in insertion order, so the first key is the oldest entry.
    if (this.entries.size >= this.maxEntries) {
      const oldest = this.entries.keys().next();
      if (oldest.done !== true) this.entries.delete(oldest.value);
    }
    this.entries.set(key, { ...token, expiresAt: this.now() + this.ttlMs });
  }

  /** Forgets one entry. */
  forget(key: string): void {
    this.entries.delete(key);
  }

  /** Forgets every entry for these token ids. */
  forgetTokens(tokenIds: readonly string[]): void {
    const ids = new Set(tokenIds);
    for (const [key, entry] of this.entries) if (ids.has(entry.tokenId)) this.entries.delete(key);
  }

  clear(): void {
    this.entries.clear();
  }
}

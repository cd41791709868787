/**
 * The UserStore behaviour every adapter shares: validation, token issue and hashing, authentication
 * with one scrypt verify per token per cache TTL (and a storage read on every request, so revocation
 * anywhere applies at once), throttled failures, revocation and `lastUsedAt` bookkeeping. Adapters
 * supply only storage (`UserRecords`).
 */
import { FibroGraphError, NotFoundError, ValidationError } from '../domain/errors.ts';
import { generateToken, parseToken, tokenIdOf, type TokenParts } from './token-format.ts';
import { hashSecret, verifySecret } from './token-hash.ts';
import { SignInGuard, type SignInGuardOptions } from './sign-in-guard.ts';
import { assertUserName, assertUserRole } from './user-input.ts';
import type { UserRecords } from './user-records.ts';
import type {
  AuthenticatedUser,
  IssuedToken,
  RevokedToken,
  User,
  UserRole,
  UserStore,
  UserSummary,
} from './user-store.ts';
import { tokenCacheKey, VerifiedTokenCache, type CachedToken } from './verified-token-cache.ts';

/** Tuning for a UserStore; the defaults suit a server. */
export interface UserStoreOptions {
  /** How long a verified token is trusted without checking storage again (default 60 000 ms; 0 disables). */
  readonly cacheTtlMs?: number;
  /** The least time between two `lastUsedAt` writes for one token (default 60 000 ms). */
  readonly touchIntervalMs?: number;
  /** The clock, in epoch milliseconds (tests move it). */
  readonly now?: () => number;
  /** Bounds on concurrent scrypt verifications and failed attempts (see sign-in-guard.ts). */
  readonly signIn?: Omit<SignInGuardOptions, 'now'>;
}

/** Builds a UserStore over an adapter's records; the store owns the records and closes them. */
export function createUserStore(records: UserRecords, options: UserStoreOptions = {}): UserStore {
  return new TokenUserStore(records, options);
}

class TokenUserStore implements UserStore {
  private readonly now: () => number;
  private readonly touchIntervalMs: number;
  private readonly cache: VerifiedTokenCache;
  private readonly guard: SignInGuard;
  // What an unknown token id is verified against, so that a miss takes as long as a wrong secret.
  private decoyHash: Promise<string> | null = null;
  // Concurrent requests with the same token share one verification.
  private readonly inflight = new Map<string, Promise<AuthenticatedUser | null>>();
  // When each token's lastUsedAt was last written (or read), in epoch ms.
  private readonly touchedAt = new Map<string, number>();
  private readonly pendingWrites = new Set<Promise<void>>();
  // Bumped by every revocation, so a verification that raced one re-checks before it answers.
  private revocations = 0;
  private closed = false;

  constructor(
    private readonly records: UserRecords,
    options: UserStoreOptions,
  ) {
    this.now = options.now ?? Date.now;
    this.touchIntervalMs = options.touchIntervalMs ?? 60_000;
    this.cache = new VerifiedTokenCache(options.cacheTtlMs ?? 60_000, this.now);
    this.guard = new SignInGuard({
      ...options.signIn,
      now: this.now,
      ...(records.sharedFailureWindows === undefined ? {} : { shared: records.sharedFailureWindows }),
    });
  }

  async addUser(name: string, role: UserRole): Promise<IssuedToken> {
    this.assertOpen();
    const user: User = { name: assertUserName(name), role: assertUserRole(role), createdAt: this.isoNow() };
    const { id, token, hash } = await this.newToken();
    await this.records.insertUser(user, { id, hash, createdAt: user.createdAt });
    return { user, tokenId: id, token };
  }

  async listUsers(): Promise<UserSummary[]> {
    this.assertOpen();
    return (await this.records.listUsers()).map((user) => ({
      ...user,
      lastUsedAt: user.tokens.reduce<string | null>(
        (latest, token) =>
          token.lastUsedAt !== null && (latest === null || token.lastUsedAt > latest)
            ? token.lastUsedAt
            : latest,
        null,
      ),
    }));
  }

  async issueToken(name: string): Promise<IssuedToken> {
    this.assertOpen();
    const userName = assertUserName(name);
    const { id, token, hash } = await this.newToken();
    const user = await this.records.insertToken(userName, { id, hash, createdAt: this.isoNow() });
    if (user === null) throw new NotFoundError('user', userName);
    return { user, tokenId: id, token };
  }

  async revokeToken(tokenIdOrPrefix: string): Promise<RevokedToken> {
    this.assertOpen();
    const id = tokenIdOf(tokenIdOrPrefix);
    if (id === null) {
      throw new ValidationError(
        'tokenId',
        'give a token id (16 hex characters), fg_<id>, or the whole token',
      );
    }
    const revoked = await this.records.deleteToken(id);
    this.forget([id]);
    if (revoked === null) throw new NotFoundError('token', id);
    return revoked;
  }

  async revokeUser(name: string): Promise<RevokedToken[]> {
    this.assertOpen();
    const userName = assertUserName(name);
    const ids = await this.records.deleteUserTokens(userName);
    if (ids === null) throw new NotFoundError('user', userName);
    this.forget(ids);
    return ids.map((tokenId) => ({ tokenId, name: userName }));
  }

  authenticate(bearerToken: string, client?: string): Promise<AuthenticatedUser | null> {
    if (this.closed) return Promise.reject(closedError());
    const parts = typeof bearerToken === 'string' ? parseToken(bearerToken) : null;
    if (parts === null) return Promise.resolve(null);
    const key = tokenCacheKey(bearerToken);
    const cached = this.cache.get(key);
    if (cached !== undefined) return this.recheck(key, cached);
    let pending = this.inflight.get(key);
    if (pending === undefined) {
      const verification = this.verify(parts, key, client).finally(() => {
        if (this.inflight.get(key) === verification) this.inflight.delete(key);
      });
      this.inflight.set(key, verification);
      pending = verification;
    }
    return pending;
  }

  /** A cached token, if storage still holds the hash it was verified against (no scrypt). */
  private async recheck(key: string, cached: CachedToken): Promise<AuthenticatedUser | null> {
    const record = await this.records.findToken(cached.tokenId);
    if (record === null || record.hash !== cached.hash) {
      this.cache.forget(key);
      return null;
    }
    this.touch(record.id, record.lastUsedAt);
    // The stored role, not the cached one: a role change applies at once too.
    return { name: record.name, role: record.role };
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.cache.clear();
    await Promise.allSettled([...this.pendingWrites, ...this.inflight.values()]);
    await this.records.close();
  }

  private async verify(parts: TokenParts, key: string, client?: string): Promise<AuthenticatedUser | null> {
    const revocations = this.revocations;
    const attempt = { tokenId: parts.id, client };
    // A throttled attempt costs nothing, not even a storage read.
    await this.guard.refuseIfThrottled(attempt);
    const record = await this.records.findToken(parts.id);
    // An unknown id costs one scrypt too, against a decoy hash: timing must not tell which ids exist.
    const hash = record?.hash ?? (await this.decoy());
    const ok = await this.guard.verify(attempt, () => verifySecret(parts.secret, hash));
    if (record === null || !ok) return null;
    // A revocation finished while we verified: it may have been this token's, so ask storage again.
    if (revocations !== this.revocations) {
      const current = await this.records.findToken(parts.id);
      if (current?.hash !== record.hash) return null;
    } else {
      this.cache.set(key, { tokenId: record.id, hash: record.hash, name: record.name, role: record.role });
    }
    this.touch(record.id, record.lastUsedAt);
    return { name: record.name, role: record.role };
  }

  private decoy(): Promise<string> {
    this.decoyHash ??= hashSecret(generateToken().secret);
    return this.decoyHash;
  }

  /** Writes lastUsedAt in the background, at most once per interval per token; failures are ignored (bookkeeping only). */
  private touch(tokenId: string, storedLastUsedAt: string | null): void {
    if (this.closed) return;
    const now = this.now();
    const last =
      this.touchedAt.get(tokenId) ?? (storedLastUsedAt === null ? null : Date.parse(storedLastUsedAt));
    if (last !== null && now - last < this.touchIntervalMs) {
      this.touchedAt.set(tokenId, last);
      return;
    }
    this.touchedAt.set(tokenId, now);
    const write = this.records.touchToken(tokenId, new Date(now).toISOString()).catch(() => undefined);
    this.pendingWrites.add(write);
    void write.finally(() => this.pendingWrites.delete(write));
  }

  private forget(tokenIds: readonly string[]): void {
    this.revocations += 1;
    this.cache.forgetTokens(tokenIds);
    for (const id of tokenIds) this.touchedAt.delete(id);
    // Verifications already under way re-check storage; new callers must not join them.
    this.inflight.clear();
  }

  private async newToken(): Promise<{ id: string; token: string; hash: string }> {
    const { id, secret, token } = generateToken();
    return { id, token, hash: await hashSecret(secret) };
  }

  private isoNow(): string {
    return new Date(this.now()).toISOString();
  }

  private assertOpen(): void {
    if (this.closed) throw closedError();
  }
}

function closedError(): FibroGraphError {
  return new FibroGraphError('STORE_UNAVAILABLE', 'the user store is closed');
}

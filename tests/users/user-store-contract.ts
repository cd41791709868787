/**
 * The UserStore contract: every port operation, run against each adapter by a factory. An adapter
 * that passes this suite can sign users in for the API.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AlreadyExistsError, NotFoundError, ValidationError } from '../../server/src/domain/errors.ts';
import { SignInRefusedError } from '../../server/src/users/sign-in-guard.ts';
import type { UserStoreOptions } from '../../server/src/users/token-user-store.ts';
import type { UserStore } from '../../server/src/users/user-store.ts';

/** Users storage for one test; `dispose` removes everything it created. */
export interface UserStoreHarness {
  /** Opens a UserStore on this test's storage; a second call opens another one on the same storage. */
  open(options?: UserStoreOptions): Promise<UserStore>;
  /** Everything stored about users and tokens, read behind the store's back, as text. */
  storedText(): Promise<string>;
  /** The stored token hashes, read behind the store's back. */
  storedHashes(): Promise<string[]>;
  dispose(): Promise<void>;
}

const TOKEN_SHAPE = /^fg_[0-9a-f]{16}_[A-Za-z0-9_-]{43}$/;

/** A clock the tests move by hand. */
function manualClock(start = Date.parse('2030-01-01T00:00:00.000Z')) {
  let now = start;
  return {
    now: () => now,
    advance: (ms: number) => {
      now += ms;
    },
  };
}

/** Registers the whole contract suite for one adapter; a null harness registers it as skipped. */
export function describeUserStoreContract(
  name: string,
  harness: (() => Promise<UserStoreHarness>) | null,
): void {
  describe.skipIf(harness === null)(`UserStore contract: ${name}`, () => {
    let current: UserStoreHarness;
    let users: UserStore;
    const opened: UserStore[] = [];
    const open = async (options?: UserStoreOptions) => {
      const store = await current.open(options);
      opened.push(store);
      return store;
    };

    beforeEach(async () => {
      if (harness === null) throw new Error('unreachable: the suite is skipped without a harness');
      current = await harness();
      users = await open();
    });
    afterEach(async () => {
      for (const store of opened.splice(0)) await store.close();
      await current.dispose();
    });

    describe('adding and listing', () => {
      it('adds a user with a first token that authenticates as that user and role', async () => {
        const issued = await users.addUser('ada', 'editor');
        expect(issued.user).toEqual({ name: 'ada', role: 'editor', createdAt: expect.any(String) as string });
        expect(issued.token).toMatch(TOKEN_SHAPE);
        expect(issued.token).toContain(`fg_${issued.tokenId}_`);
        expect(await users.authenticate(issued.token)).toEqual({ name: 'ada', role: 'editor' });
      });

      it('lists users by name with role, createdAt, tokens and last use, never a hash or a secret', async () => {
        const zed = await users.addUser('zed', 'reader');
        const ada = await users.addUser('ada', 'admin');
        await users.authenticate(ada.token);
        await expect.poll(async () => (await users.listUsers())[0]?.lastUsedAt).not.toBeNull();
        const list = await users.listUsers();
        expect(list.map((user) => [user.name, user.role])).toEqual([
          ['ada', 'admin'],
          ['zed', 'reader'],
        ]);
        expect(list[0]?.createdAt).toBe(ada.user.createdAt);
        expect(list[0]?.tokens).toEqual([
          { id: ada.tokenId, createdAt: ada.user.createdAt, lastUsedAt: list[0]?.lastUsedAt },
        ]);
        expect(list[1]).toMatchObject({ lastUsedAt: null, tokens: [{ id: zed.tokenId, lastUsedAt: null }] });
        const text = JSON.stringify(list);
        expect(text).not.toContain('scrypt');
        expect(text).not.toContain('hash');
        expect(text).not.toContain(ada.token);
      });

      it('refuses a duplicate name and keeps the first user and token', async () => {
        const first = await users.addUser('ada', 'editor');
        const duplicate = users.addUser('ada', 'admin');
        await expect(duplicate).rejects.toBeInstanceOf(AlreadyExistsError);
        await expect(duplicate).rejects.toMatchObject({ code: 'ALREADY_EXISTS', id: 'ada' });
        expect((await users.listUsers()).map((user) => [user.name, user.role, user.tokens.length])).toEqual([
          ['ada', 'editor', 1],
        ]);
        expect(await users.authenticate(first.token)).toEqual({ name: 'ada', role: 'editor' });
      });

      it('rejects bad names with a ValidationError on "name"', async () => {
        const bad = ['', 'Ada', 'a b', 'ada!', 'a/b', 'ädä', ' ada', 'x'.repeat(65), 42, null];
        for (const name of bad) {
          await expect(users.addUser(name as string, 'reader'), String(name)).rejects.toMatchObject({
            code: 'BAD_INPUT',
            field: 'name',
          });
        }
        await expect(users.addUser('Ada', 'reader')).rejects.toBeInstanceOf(ValidationError);
        for (const name of ['a', '0', 'ada.lovelace', 'ada_l-2', 'x'.repeat(64), '.', '-']) {
          await expect(users.addUser(name, 'reader')).resolves.toMatchObject({ user: { name } });
        }
        expect(await users.listUsers()).toHaveLength(7);
      });

      it('rejects unknown roles with a ValidationError on "role"', async () => {
        for (const role of ['owner', 'Admin', '', undefined]) {
          await expect(users.addUser('ada', role as never), String(role)).rejects.toMatchObject({
            code: 'BAD_INPUT',
            field: 'role',
          });
        }
        expect(await users.listUsers()).toEqual([]);
        for (const role of ['reader', 'editor', 'admin'] as const) {
          const issued = await users.addUser(`user-${role}`, role);
          expect(await users.authenticate(issued.token)).toEqual({ name: `user-${role}`, role });
        }
      });
    });

    describe('authentication', () => {
      it('returns null for malformed, wrong, unknown and non-string tokens', async () => {
        const { token, tokenId } = await users.addUser('ada', 'editor');
        const secret = token.slice(`fg_${tokenId}_`.length);
        const other = secret.startsWith('A') ? `B${secret.slice(1)}` : `A${secret.slice(1)}`;
        const candidates: unknown[] = [
          '',
          'fg_',
          tokenId,
          `fg_${tokenId}`,
          `fg_${tokenId}_`,
          `Bearer ${token}`,
          `${token} `,
          `${token}x`,
          token.slice(0, -1),
          token.toUpperCase(),
          token.replace('fg_', 'gf_'),
          `fg_${tokenId}_${other}`, // right id, wrong secret
          `fg_0123456789abcdef_${secret}`, // unknown id, right secret
          undefined,
          null,
          42,
        ];
        for (const candidate of candidates) {
          expect(await users.authenticate(candidate as string), String(candidate)).toBeNull();
        }
        expect(await users.authenticate(token)).toEqual({ name: 'ada', role: 'editor' });
      });

      it('answers many concurrent calls correctly, for the same and different tokens', async () => {
        const ada = await users.addUser('ada', 'editor');
        const bob = await users.addUser('bob', 'reader');
        const wrong = `${ada.token.slice(0, -1)}${ada.token.endsWith('A') ? 'B' : 'A'}`;
        const calls = Array.from({ length: 30 }, (_, i) => [ada.token, bob.token, wrong][i % 3] ?? '');
        const results = await Promise.all(calls.map((token) => users.authenticate(token)));
        results.forEach((result, i) => {
          const expected = [{ name: 'ada', role: 'editor' }, { name: 'bob', role: 'reader' }, null][i % 3];
          expect(result).toEqual(expected);
        });
      });

      it('checks an unknown token id like a wrong secret (same path, same throttle), so neither reveals which ids exist', async () => {
        const guarded = await open({ signIn: { maxFailures: 2 } });
        const { token, tokenId } = await guarded.addUser('ada', 'editor');
        const secret = token.slice(20);
        const unknown = (i: number) => `fg_${i.toString(16).padStart(16, '0')}_${secret}`;
        expect(await guarded.authenticate(unknown(1), '127.0.0.7')).toBeNull();
        expect(await guarded.authenticate(unknown(2), '127.0.0.7')).toBeNull();
        // Two failures from this client, whether the ids existed or not: the third attempt is refused unchecked.
        await expect(
          guarded.authenticate(`fg_${tokenId}_${'y'.repeat(43)}`, '127.0.0.7'),
        ).rejects.toBeInstanceOf(SignInRefusedError);
        // Another client with the right token is not affected.
        expect(await guarded.authenticate(token, '127.0.0.8')).toEqual({ name: 'ada', role: 'editor' });
      });

      it('works without a cache (cacheTtlMs 0)', async () => {
        const uncached = await open({ cacheTtlMs: 0 });
        const { token } = await uncached.addUser('ada', 'reader');
        expect(await uncached.authenticate(token)).toEqual({ name: 'ada', role: 'reader' });
        expect(await uncached.authenticate(token)).toEqual({ name: 'ada', role: 'reader' });
      });

      it('records lastUsedAt at most once a minute per token', async () => {
        const clock = manualClock();
        const timed = await open({ now: clock.now });
        const { token } = await timed.addUser('ada', 'editor');
        const lastUsed = async () => (await timed.listUsers())[0]?.tokens[0]?.lastUsedAt;
        expect(await lastUsed()).toBeNull();
        await timed.authenticate(token);
        await expect.poll(lastUsed).toBe('2030-01-01T00:00:00.000Z');
        clock.advance(30_000);
        await timed.authenticate(token);
        clock.advance(29_000);
        await timed.authenticate(token);
        // Give a (wrong) background write the chance to land before checking it did not happen.
        await new Promise((resolve) => setTimeout(resolve, 100));
        expect(await lastUsed()).toBe('2030-01-01T00:00:00.000Z');
        clock.advance(2_000);
        await timed.authenticate(token);
        await expect.poll(lastUsed).toBe('2030-01-01T00:01:01.000Z');
      });

      it('stores only a salted scrypt hash, never the token or its secret', async () => {
        const first = await users.addUser('ada', 'editor');
        const second = await users.issueToken('ada');
        await users.authenticate(first.token);
        const text = await current.storedText();
        for (const { token, tokenId } of [first, second]) {
          expect(text).toContain(tokenId);
          expect(text).not.toContain(token);
          expect(text).not.toContain(token.slice(`fg_${tokenId}_`.length));
        }
        const hashes = await current.storedHashes();
        expect(hashes).toHaveLength(2);
        for (const hash of hashes)
          expect(hash).toMatch(/^scrypt\$16384\$8\$1\$[A-Za-z0-9+/=]{24}\$[A-Za-z0-9+/=]{44}$/);
        // Per-token salts: two hashes never share a salt.
        expect(new Set(hashes.map((hash) => hash.split('$')[4])).size).toBe(2);
      });
    });

    describe('tokens and revocation', () => {
      it('issues additional tokens that work side by side', async () => {
        const first = await users.addUser('ada', 'editor');
        const second = await users.issueToken('ada');
        expect(second.user).toEqual(first.user);
        expect(second.tokenId).not.toBe(first.tokenId);
        expect(await users.authenticate(first.token)).toEqual({ name: 'ada', role: 'editor' });
        expect(await users.authenticate(second.token)).toEqual({ name: 'ada', role: 'editor' });
        expect((await users.listUsers())[0]?.tokens.map((token) => token.id).sort()).toEqual(
          [first.tokenId, second.tokenId].sort(),
        );
        await expect(users.issueToken('nobody')).rejects.toBeInstanceOf(NotFoundError);
        await expect(users.issueToken('No Body')).rejects.toMatchObject({ field: 'name' });
      });

      it('revokes one token by id, by fg_<id> or by the whole token, at once even when cached', async () => {
        const ada = await users.addUser('ada', 'editor');
        const tokens = [ada, await users.issueToken('ada'), await users.issueToken('ada')];
        const names = [tokens[0]?.tokenId, `fg_${tokens[1]?.tokenId ?? ''}`, tokens[2]?.token];
        for (const [i, name] of names.entries()) {
          const token = tokens[i]?.token ?? '';
          expect(await users.authenticate(token)).not.toBeNull(); // now cached
          expect(await users.revokeToken(name ?? '')).toEqual({ tokenId: tokens[i]?.tokenId, name: 'ada' });
          expect(await users.authenticate(token)).toBeNull();
          for (const later of tokens.slice(i + 1))
            expect(await users.authenticate(later.token)).not.toBeNull();
        }
        expect((await users.listUsers())[0]?.tokens).toEqual([]);
        await expect(users.revokeToken(ada.tokenId)).rejects.toMatchObject({ code: 'NOT_FOUND' });
        await expect(users.revokeToken('0123456789abcdef')).rejects.toBeInstanceOf(NotFoundError);
        await expect(users.revokeToken('not-a-token')).rejects.toMatchObject({ field: 'tokenId' });
      });

      it('revokes every token of a user, who stays and can get new tokens', async () => {
        const ada = await users.addUser('ada', 'admin');
        const second = await users.issueToken('ada');
        const bob = await users.addUser('bob', 'reader');
        await users.authenticate(ada.token);
        const revoked = await users.revokeUser('ada');
        expect(revoked.map((token) => token.tokenId).sort()).toEqual([ada.tokenId, second.tokenId].sort());
        expect(revoked.every((token) => token.name === 'ada')).toBe(true);
        expect(await users.authenticate(ada.token)).toBeNull();
        expect(await users.authenticate(second.token)).toBeNull();
        expect(await users.authenticate(bob.token)).toEqual({ name: 'bob', role: 'reader' });
        expect((await users.listUsers()).map((user) => [user.name, user.tokens.length])).toEqual([
          ['ada', 0],
          ['bob', 1],
        ]);
        expect(await users.revokeUser('ada')).toEqual([]);
        const fresh = await users.issueToken('ada');
        expect(await users.authenticate(fresh.token)).toEqual({ name: 'ada', role: 'admin' });
        await expect(users.revokeUser('nobody')).rejects.toBeInstanceOf(NotFoundError);
        await expect(users.revokeUser('')).rejects.toMatchObject({ field: 'name' });
      });

      it('never lets a token through after a revocation that raced its verification', async () => {
        const { token, tokenId } = await users.addUser('ada', 'editor');
        const racing = users.authenticate(token);
        await users.revokeToken(tokenId);
        await racing; // may answer either way: it started before the revocation finished
        expect(await users.authenticate(token)).toBeNull();
        expect(await Promise.all([users.authenticate(token), users.authenticate(token)])).toEqual([
          null,
          null,
        ]);
      });

      it('sees a revocation made by another process on the next call, cached or not', async () => {
        const clock = manualClock();
        const server = await open({ now: clock.now, cacheTtlMs: 60_000 });
        const cli = await open();
        const cached = await cli.addUser('ada', 'editor');
        const uncached = await cli.issueToken('ada');
        expect(await server.authenticate(cached.token)).toEqual({ name: 'ada', role: 'editor' });
        await cli.revokeUser('ada');
        // Never verified by the server: refused at once.
        expect(await server.authenticate(uncached.token)).toBeNull();
        // Verified and cached a moment ago: refused all the same.
        clock.advance(1_000);
        expect(await server.authenticate(cached.token)).toBeNull();
      });
    });

    it('fails with STORE_UNAVAILABLE after close, and closes twice without error', async () => {
      const { token } = await users.addUser('ada', 'editor');
      await users.close();
      await users.close();
      await expect(users.authenticate(token)).rejects.toMatchObject({ code: 'STORE_UNAVAILABLE' });
      await expect(users.listUsers()).rejects.toMatchObject({ code: 'STORE_UNAVAILABLE' });
      await expect(users.addUser('bob', 'reader')).rejects.toMatchObject({ code: 'STORE_UNAVAILABLE' });
    });
  });
}

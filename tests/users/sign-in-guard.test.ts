/** The sign-in guard: bounded concurrent verifications, a bounded queue, failures throttled per token id and per client. */
import { describe, expect, it } from 'vitest';
import { SignInGuard, SignInRefusedError } from '../../server/src/users/sign-in-guard.ts';

const nextTurn = () => new Promise((resolve) => setImmediate(resolve));

/** A verification the test finishes by hand, counting how many run at once. */
function gatedVerifications() {
  const gates: ((ok: boolean) => void)[] = [];
  let running = 0;
  let most = 0;
  const verify = () =>
    new Promise<boolean>((resolve) => {
      running += 1;
      most = Math.max(most, running);
      gates.push((ok) => {
        running -= 1;
        resolve(ok);
      });
    });
  return {
    verify,
    /** Finishes the oldest running verification, once one is running (the guard's checks are async). */
    finish: async (ok: boolean) => {
      for (let turn = 0; gates.length === 0 && turn < 100; turn += 1) await nextTurn();
      gates.shift()?.(ok);
      await nextTurn();
    },
    most: () => most,
    waitingGates: () => gates.length,
  };
}

describe('SignInGuard', () => {
  it('runs at most maxConcurrent verifications and refuses at once beyond the queue', async () => {
    const guard = new SignInGuard({ maxConcurrent: 1, maxQueued: 2, maxFailures: 100 });
    const gated = gatedVerifications();
    const attempts = Array.from({ length: 5 }, (_, i) =>
      guard.verify({ tokenId: `t${i}` }, gated.verify).then(
        (ok) => ok,
        (error: unknown) => error,
      ),
    );
    await nextTurn();
    // One running, two queued, two refused as busy without running.
    expect(gated.waitingGates()).toBe(1);
    for (let i = 0; i < 3; i += 1) await gated.finish(true);
    const results = await Promise.all(attempts);
    expect(results.slice(0, 3)).toEqual([true, true, true]);
    for (const refused of results.slice(3)) {
      expect(refused).toBeInstanceOf(SignInRefusedError);
      expect(refused).toMatchObject({ reason: 'busy', retryAfterSeconds: 1 });
    }
    expect(gated.most()).toBe(1);
  });

  it('refuses a token id after maxFailures failures in the window, without verifying, and lets it try again later', async () => {
    let now = 0;
    const guard = new SignInGuard({ maxFailures: 3, windowMs: 60_000, now: () => now });
    let verifications = 0;
    const wrong = () => {
      verifications += 1;
      return Promise.resolve(false);
    };
    for (let i = 0; i < 3; i += 1) expect(await guard.verify({ tokenId: 'a' }, wrong)).toBe(false);
    now = 10_000;
    await expect(guard.verify({ tokenId: 'a' }, wrong)).rejects.toMatchObject({
      reason: 'too-many-failures',
      retryAfterSeconds: 50,
    });
    expect(verifications).toBe(3);
    // Another token id is not affected.
    expect(await guard.verify({ tokenId: 'b' }, () => Promise.resolve(true))).toBe(true);
    now = 60_001;
    expect(await guard.verify({ tokenId: 'a' }, () => Promise.resolve(true))).toBe(true);
  });

  it('refuses a client after maxFailures failures across any token ids', async () => {
    const guard = new SignInGuard({ maxFailures: 2 });
    const wrong = () => Promise.resolve(false);
    await guard.verify({ tokenId: 'a', client: '127.0.0.9' }, wrong);
    await guard.verify({ tokenId: 'b', client: '127.0.0.9' }, wrong);
    await expect(guard.verify({ tokenId: 'c', client: '127.0.0.9' }, wrong)).rejects.toBeInstanceOf(
      SignInRefusedError,
    );
    expect(await guard.verify({ tokenId: 'c', client: '127.0.0.8' }, () => Promise.resolve(true))).toBe(true);
  });

  it('counts failures that land while an attempt waits in the queue', async () => {
    const guard = new SignInGuard({ maxConcurrent: 1, maxQueued: 10, maxFailures: 2 });
    const gated = gatedVerifications();
    const attempts = Array.from({ length: 4 }, () =>
      guard.verify({ tokenId: 'a' }, gated.verify).then(
        (ok) => ok,
        (error: unknown) => error,
      ),
    );
    await gated.finish(false);
    await gated.finish(false);
    const results = await Promise.all(attempts);
    expect(results.slice(0, 2)).toEqual([false, false]);
    expect(results.slice(2).every((result) => result instanceof SignInRefusedError)).toBe(true);
  });
});

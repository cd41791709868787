/**
 * The explorer's one loading hook: what a component sees from the key it wants and the last settled
 * answer (remoteState), and the read generation that makes every view load again after a write.
 */
import { describe, expect, it } from 'vitest';
import { ApiError, clearReadCache, readEpoch, subscribeReads } from '../../../web/src/api/client.ts';
import { remoteState, toApiError, type Settled } from '../../../web/src/api/use-remote.ts';

function ok<T>(key: string, attemptKey: string, data: T): Settled<T> {
  return { key, attemptKey, result: { ok: true, data } };
}

describe('remoteState', () => {
  it('is idle with nothing to load', () => {
    expect(remoteState(null, null, ok('a', 'a#0', 1))).toEqual({ status: 'idle', data: null, error: null });
  });

  it('is ready once the answer for this very attempt settled', () => {
    expect(remoteState('a', 'a#0', ok('a', 'a#0', 1))).toEqual({ status: 'ready', data: 1, error: null });
  });

  it('drops an answer to another key or an earlier attempt: loading, keeping only what `keep` allows', () => {
    const earlier = ok('a', 'a#0', 1);
    // A refetch of the same key (a write elsewhere, a retry) keeps the last answer on screen.
    expect(remoteState('a', 'a#1', earlier)).toEqual({ status: 'loading', data: 1, error: null });
    // A new key shows nothing old by default, the old answer with keep 'any', nothing with 'none'.
    expect(remoteState('b', 'b#0', earlier)).toEqual({ status: 'loading', data: null, error: null });
    expect(remoteState('b', 'b#0', earlier, 'any')).toEqual({ status: 'loading', data: 1, error: null });
    expect(remoteState('a', 'a#1', earlier, 'none')).toEqual({ status: 'loading', data: null, error: null });
  });

  it('reports a failure with its error, and nothing kept from a failure', () => {
    const error = new ApiError('gone', 'NOT_FOUND');
    const failed: Settled<number> = { key: 'a', attemptKey: 'a#0', result: { ok: false, error } };
    expect(remoteState('a', 'a#0', failed)).toEqual({ status: 'error', data: null, error });
    expect(remoteState('a', 'a#1', failed)).toEqual({ status: 'loading', data: null, error: null });
  });
});

describe('toApiError', () => {
  it('keeps an ApiError and turns anything else into one', () => {
    const api = new ApiError('bad', 'BAD_USER_INPUT', 'input.name');
    expect(toApiError(api)).toBe(api);
    expect(toApiError(new Error('boom'))).toMatchObject({ message: 'boom', code: 'INTERNAL' });
    expect(toApiError('plain')).toMatchObject({ message: 'plain', code: 'INTERNAL' });
  });
});

describe('the read generation', () => {
  it('moves on and tells its listeners when the cached reads are forgotten', () => {
    const before = readEpoch();
    let told = 0;
    const stop = subscribeReads(() => {
      told += 1;
    });
    clearReadCache();
    expect(readEpoch()).toBe(before + 1);
    expect(told).toBe(1);
    stop();
    clearReadCache();
    expect(told).toBe(1);
  });
});

/** The response cache's bookkeeping (revisions, byte cap, recency) and the Accept-Encoding parser. */
import { describe, expect, it } from 'vitest';
import { acceptsGzip } from '../../server/src/http/compression.ts';
import { ResponseCache, type CachedAnswer } from '../../server/src/http/response-cache.ts';

/** An answer whose body is `size` bytes of `fill`. */
function answer(size: number, fill = 'x'): CachedAnswer {
  return {
    response: {
      status: 200,
      headers: [['content-type', 'application/json']],
      body: Buffer.from(fill.repeat(size)),
    },
    operationName: null,
  };
}

describe('ResponseCache', () => {
  it('serves an entry only at the revision it was stored at, and drops it after', () => {
    const cache = new ResponseCache(1024 * 1024);
    cache.set('a', 7, answer(10, 'a'));
    expect(cache.get('a', 7)?.response.body.toString()).toBe('a'.repeat(10));
    expect(cache.get('a', 8)).toBeUndefined();
    // The stale entry is gone, even for its own revision.
    expect(cache.get('a', 7)).toBeUndefined();
    expect(cache.stats()).toMatchObject({ entries: 0, bytes: 0, hits: 1, misses: 2 });
  });

  it('evicts the least recently used entries to stay under its byte cap', () => {
    // Each entry counts 902 bytes (body, key and bookkeeping): four fit in 3,700, five do not.
    const cache = new ResponseCache(3_700);
    for (const key of ['a', 'b', 'c']) cache.set(key, 1, answer(700));
    cache.get('a', 1); // a is now the most recently used; b is the oldest
    cache.set('d', 1, answer(700));
    expect(cache.stats().entries).toBe(4);
    cache.set('e', 1, answer(700));
    expect(cache.stats().entries).toBe(4);
    expect(cache.get('b', 1)).toBeUndefined();
    for (const key of ['a', 'c', 'd', 'e']) expect(cache.get(key, 1)).toBeDefined();
    expect(cache.stats().bytes).toBeLessThanOrEqual(3_700);
  });

  it('refuses an entry larger than a quarter of the cap, and replaces an entry in place', () => {
    const cache = new ResponseCache(4_000);
    cache.set('huge', 1, answer(1_000));
    expect(cache.get('huge', 1)).toBeUndefined();
    cache.set('a', 1, answer(100, 'a'));
    cache.set('a', 2, answer(200, 'b'));
    expect(cache.get('a', 2)?.response.body.toString()).toBe('b'.repeat(200));
    expect(cache.stats().entries).toBe(1);
  });
});

describe('acceptsGzip', () => {
  it.each([
    ['gzip', true],
    ['gzip, deflate, br, zstd', true],
    ['br;q=1.0, GZIP;q=0.5', true],
    ['*', true],
    ['gzip;q=0', false],
    ['gzip;q=0, *', false],
    ['br, *;q=0', false],
    ['identity', false],
    ['', false],
    [undefined, false],
  ])('%s → %s', (header, expected) => {
    expect(acceptsGzip(header)).toBe(expected);
  });
});

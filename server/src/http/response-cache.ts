/**
 * Finished answers to read-only GraphQL requests, ready to send again byte for byte.
 *
 * Why: the graph changes only when an editor saves, while readers ask the same questions over and
 * over (the explorer's first map, a popular node's neighbourhood). A depth-2 neighbourhood on a large
 * graph costs milliseconds to walk, execute and serialise; sending stored bytes costs microseconds.
 *
 * Safety: every entry carries the store revision read when its request began, and is served only
 * while the store still reports that revision; any write moves it on (see GraphStore.revision), so an
 * answer that may have seen half of a write is never reused. A store that cannot vouch for a revision
 * (Neo4j, which others may write to) gets no caching at all. Only POSTed JSON queries that answered
 * 200 without errors are kept; the key holds everything the answer depends on (viewer, Accept,
 * encoding and the exact body).
 */
import type { ApolloServerPlugin } from '@apollo/server';
import { OperationTypeNode } from 'graphql';
import type { FibroGraphContext } from '../graphql/index.ts';

/** A response as it goes on the wire. */
export interface EncodedResponse {
  readonly status: number;
  readonly headers: readonly (readonly [string, string])[];
  readonly body: Buffer;
}

/** A kept answer and the name of the operation that produced it (for the request log). */
export interface CachedAnswer {
  readonly response: EncodedResponse;
  readonly operationName: string | null;
}

/** What /healthz reports about the cache. */
export interface ResponseCacheStats {
  readonly entries: number;
  readonly bytes: number;
  readonly maxBytes: number;
  readonly hits: number;
  readonly misses: number;
}

interface Entry {
  readonly revision: number;
  readonly answer: CachedAnswer;
  readonly bytes: number;
}

/** Per-entry bookkeeping (the Map entry, the key's copy, the header pairs), counted against the cap. */
const ENTRY_OVERHEAD_BYTES = 200;

/** A byte-bounded cache; the least recently used entries go first. */
export class ResponseCache {
  private readonly entries = new Map<string, Entry>();
  private bytes = 0;
  private hits = 0;
  private misses = 0;

  /** @param maxBytes total size of keys and bodies kept; one entry may use at most a quarter of it. */
  constructor(private readonly maxBytes: number) {}

  /** The stored response for `key` if it was stored at `revision`; counts a hit or a miss. */
  get(key: string, revision: number): CachedAnswer | undefined {
    const entry = this.entries.get(key);
    if (entry === undefined || entry.revision !== revision) {
      if (entry !== undefined) this.remove(key, entry);
      this.misses += 1;
      return undefined;
    }
    // Re-insert so the Map's insertion order is recency order.
    this.entries.delete(key);
    this.entries.set(key, entry);
    this.hits += 1;
    return entry.answer;
  }

  /** Keeps `answer` for `key` at `revision`, evicting the least recently used to make room. */
  set(key: string, revision: number, answer: CachedAnswer): void {
    const bytes = key.length * 2 + answer.response.body.length + ENTRY_OVERHEAD_BYTES;
    if (bytes > this.maxBytes / 4) return;
    const old = this.entries.get(key);
    if (old !== undefined) this.remove(key, old);
    this.entries.set(key, { revision, answer, bytes });
    this.bytes += bytes;
    for (const [oldestKey, oldest] of this.entries) {
      if (this.bytes <= this.maxBytes) break;
      this.remove(oldestKey, oldest);
    }
  }

  stats(): ResponseCacheStats {
    return {
      entries: this.entries.size,
      bytes: this.bytes,
      maxBytes: this.maxBytes,
      hits: this.hits,
      misses: this.misses,
    };
  }

  private remove(key: string, entry: Entry): void {
    this.entries.delete(key);
    this.bytes -= entry.bytes;
  }
}

/** Everything a cached answer depends on besides the graph itself. */
export function responseCacheKey(parts: {
  readonly viewer: string | null;
  /** The release read (`?release=N`), or null for the live graph. */
  readonly release: number | null;
  readonly accept: string | undefined;
  readonly encoding: string;
  readonly body: string;
}): string {
  return JSON.stringify([parts.viewer, parts.release, parts.accept ?? '', parts.encoding, parts.body]);
}

/**
 * An Apollo plugin that tells `markCacheable` about each request whose answer may be reused: a query
 * (not a mutation) that produced no errors.
 */
export function createCacheablePlugin(
  markCacheable: (context: FibroGraphContext) => void,
): ApolloServerPlugin<FibroGraphContext> {
  return {
    requestDidStart: () =>
      Promise.resolve({
        willSendResponse: ({ operation, response, contextValue }) => {
          const { body } = response;
          const clean = body.kind === 'single' && (body.singleResult.errors?.length ?? 0) === 0;
          const ok = response.http.status === undefined || response.http.status === 200;
          if (operation?.operation === OperationTypeNode.QUERY && clean && ok) markCacheable(contextValue);
          return Promise.resolve();
        },
      }),
  };
}

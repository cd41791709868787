/** GET /healthz: whether the graph store answers, and how much it holds. */
import type { GraphStore, StoreKind } from '../store/graph-store.ts';
import type { ResponseCacheStats } from './response-cache.ts';

/** The /healthz body. */
export type Health =
  | {
      readonly ok: true;
      readonly store: StoreKind;
      readonly nodes: number;
      readonly claims: number;
      readonly version: string;
      /** Null when the server keeps no response cache (turned off, or a Neo4j store). */
      readonly responseCache: ResponseCacheStats | null;
    }
  | { readonly ok: false; readonly store: StoreKind; readonly error: string; readonly version: string };

/** Asks the store for its counts: 200 with them, or 503 when the store fails. */
export async function checkHealth(
  store: GraphStore,
  version: string,
  responseCache: ResponseCacheStats | null = null,
): Promise<{ readonly status: 200 | 503; readonly body: Health }> {
  try {
    const stats = await store.stats();
    return {
      status: 200,
      body: {
        ok: true,
        store: store.kind,
        nodes: stats.nodes,
        claims: stats.claims,
        version,
        responseCache,
      },
    };
  } catch {
    return {
      status: 503,
      body: { ok: false, store: store.kind, error: 'the graph store is unavailable', version },
    };
  }
}

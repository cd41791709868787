/**
 * GET /healthz: whether the graph store answers, and how much it holds, within a bounded time. A
 * dead Neo4j makes the driver retry for about a minute; an orchestrator needs the truth in seconds.
 */
import { CERTAINTY_RULES_VERSION } from '../domain/certainty.ts';
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
      /** The version of the certainty rules every grade this server gives follows (certainty.ts). */
      readonly certaintyRules: number;
      /** Null when the server keeps no response cache (turned off, or a Neo4j store). */
      readonly responseCache: ResponseCacheStats | null;
    }
  | { readonly ok: false; readonly store: StoreKind; readonly error: string; readonly version: string };

/** How long /healthz waits for the store before it answers 503. */
export const HEALTH_TIMEOUT_MS = 2000;

/** A health answer. */
export interface HealthAnswer {
  readonly status: 200 | 503;
  readonly body: Health;
}

/**
 * A health checker for one store. Concurrent checks share one question to the store, so a flood of
 * /healthz (or a store that hangs) never piles up store sessions.
 */
export function createHealthCheck(
  store: GraphStore,
  version: string,
  timeoutMs: number = HEALTH_TIMEOUT_MS,
): (responseCache: ResponseCacheStats | null) => Promise<HealthAnswer> {
  let asking: Promise<HealthAnswer> | null = null;
  return (responseCache) => {
    asking ??= checkHealth(store, version, timeoutMs).finally(() => {
      asking = null;
    });
    return asking.then((answer) =>
      answer.body.ok ? { ...answer, body: { ...answer.body, responseCache } } : answer,
    );
  };
}

/** Asks the store for its counts: 200 with them, or 503 when the store fails or takes over `timeoutMs`. */
export async function checkHealth(
  store: GraphStore,
  version: string,
  timeoutMs: number = HEALTH_TIMEOUT_MS,
): Promise<HealthAnswer> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      reject(new Error('timed out'));
    }, timeoutMs);
  });
  try {
    const stats = await Promise.race([store.stats(), timeout]);
    return {
      status: 200,
      body: {
        ok: true,
        store: store.kind,
        nodes: stats.nodes,
        claims: stats.claims,
        version,
        certaintyRules: CERTAINTY_RULES_VERSION,
        responseCache: null,
      },
    };
  } catch {
    return {
      status: 503,
      body: { ok: false, store: store.kind, error: 'the graph store is unavailable', version },
    };
  } finally {
    clearTimeout(timer);
  }
}

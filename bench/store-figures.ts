/** What one store measured at one size, and helpers both stores' runs share. */
import type { FloorFigures } from './neo4j-floor.ts';
import type { ImportOptions, StoreKind } from '../server/src/store/graph-store.ts';
import type { StoreLatencies } from './store-latencies.ts';

/** Every figure for one store at one size. */
export interface StoreFigures {
  readonly store: StoreKind;
  /** importGraph (restore) into an empty store, including its snapshot check. */
  readonly importMs: number;
  /** Opening a populated store: embedded in a fresh process (read model loaded), Neo4j connect + schema. */
  readonly openMs: number;
  /** Resident memory of whatever holds the graph, or null when it cannot be measured. */
  readonly rssBytes: number | null;
  /** How `rssBytes` was measured. */
  readonly rssNote: string;
  readonly latencies: StoreLatencies;
  /** Neo4j only: hand-written Cypher for the same answers (neo4j-floor.ts). */
  readonly floor?: FloorFigures;
  /** Secondary figures (RSS before open, database size, wipe time, …). */
  readonly details: Readonly<Record<string, number | string | null>>;
}

/** A logger for progress lines. */
export type Log = (line: string) => void;

/** Who the benchmark's writes are recorded as. */
export const BENCH_ACTOR = { actor: 'bench' } as const;

/** Logs import progress at most every 15 s, so a slow import is visibly alive. */
export function importProgress(store: StoreKind, log: Log): ImportOptions {
  const started = performance.now();
  let lastLog = started;
  return {
    onProgress: (done, total) => {
      const now = performance.now();
      if (now - lastLog < 15_000) return;
      lastLog = now;
      const count = `${done.toLocaleString('en')}/${total.toLocaleString('en')}`;
      log(`${store}: importing… ${count} records after ${seconds(now - started)}`);
    },
  };
}

/** Milliseconds as "12.3 s". */
export function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(1)} s`;
}

/** Loads a validated seed into a store through the port, as an idempotent upsert. */
import type { GraphStore, ImportReport } from '../store/graph-store.ts';
import { nowIso } from '../store/write-plans.ts';
import { seedSnapshot } from './seed-snapshot.ts';
import type { ValidSeed } from './validate-seed.ts';

/** Options for `loadSeed`. */
export interface LoadSeedOptions {
  /** Called as records are written. */
  readonly onProgress?: (done: number, total: number) => void;
}

/** Upserts the seed: missing records are created, changed ones updated, identical ones left alone. */
export async function loadSeed(
  store: GraphStore,
  seed: ValidSeed,
  options: LoadSeedOptions = {},
): Promise<ImportReport> {
  const snapshot = seedSnapshot(seed, nowIso());
  return store.importGraph(
    snapshot,
    { actor: 'seed' },
    { mode: 'upsert', ...(options.onProgress ? { onProgress: options.onProgress } : {}) },
  );
}

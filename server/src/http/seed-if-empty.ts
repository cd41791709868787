/** First start: loads the seed into an empty store. A store with any node is never touched, so editors' changes survive restarts. */
import { loadSeed } from '../seed/load-seed.ts';
import { validateSeed } from '../seed/validate-seed.ts';
import type { GraphStore } from '../store/graph-store.ts';
import type { Log } from './request-log.ts';

/** What `seedIfEmpty` did. */
export type SeedOutcome = 'seeded' | 'not-empty' | 'invalid-seed';

/** Seeds `store` from `seedDir` when it has no nodes; an invalid seed is logged and nothing is written. */
export async function seedIfEmpty(store: GraphStore, seedDir: string, log: Log): Promise<SeedOutcome> {
  if ((await store.stats()).nodes > 0) return 'not-empty';
  const validation = await validateSeed(seedDir);
  if (validation.errorCount > 0) {
    const first = validation.problems.find((problem) => problem.severity === 'error');
    log({
      level: 'error',
      msg: 'the seed is invalid; the empty store was left empty (run `fibrograph validate` for details)',
      seedDir,
      errors: validation.errorCount,
      ...(first === undefined ? {} : { first: first.message }),
    });
    return 'invalid-seed';
  }
  const report = await loadSeed(store, validation.seed);
  log({ msg: 'seeded the empty store', seedDir, ...report });
  return 'seeded';
}

/** The timed operations: the same seeded calls against any GraphStore. */
import type { GraphStore } from '../server/src/store/graph-store.ts';
import type { BenchTargets } from './bench-targets.ts';
import { measureLatency, type LatencyFigures, type LatencyOptions } from './latency.ts';

/** Operations whose latency is measured, in report order. */
export const OPERATIONS = [
  'neighborhood1',
  'neighborhood2',
  'paths',
  'search',
  'write',
  'claimEditThenRead',
] as const;
/** One measured operation. */
export type Operation = (typeof OPERATIONS)[number];

/** What each operation does, for tables and the README. */
export const OPERATION_LABELS: Record<Operation, string> = {
  neighborhood1: 'neighbourhood depth 1',
  neighborhood2: 'neighbourhood depth 2',
  paths: 'paths (≤4 hops, first 5)',
  search: 'search (3–6 letter prefix)',
  write: 'write (updateNode, acked)',
  claimEditThenRead: 'claim edit, then depth-2 read',
};

/** Latency of every operation, plus result sizes that explain them (over warm-up and timed calls). */
export interface StoreLatencies {
  readonly latency: Record<Operation, LatencyFigures>;
  /** Mean nodes per depth-2 neighbourhood, paths found per pair and hits per search. */
  readonly shape: {
    /** Mean and median nodes per depth-2 neighbourhood. */
    readonly depth2Nodes: number;
    readonly depth2MedianNodes: number;
    /** Mean paths found per pair and hits per search. */
    readonly pathsFound: number;
    readonly searchHits: number;
  };
}

/**
 * Runs each operation (warm-up, then timed calls) against the store; reads first, writes last
 * (each write passes the version the previous write to that node or claim returned).
 */
export async function measureStoreLatencies(
  store: GraphStore,
  targets: BenchTargets,
  options: LatencyOptions,
): Promise<StoreLatencies> {
  const at = <T>(list: readonly T[], index: number): T => {
    const item = list[index % list.length];
    if (item === undefined) throw new Error('no bench targets');
    return item;
  };
  const depth2Nodes = new Tally();
  const pathsFound = new Tally();
  const searchHits = new Tally();
  const neighborhood1 = await measureLatency(options, (i) =>
    store.neighborhood(at(targets.centres, i), { depth: 1 }),
  );
  const neighborhood2 = await measureLatency(options, async (i) => {
    depth2Nodes.add((await store.neighborhood(at(targets.centres, i), { depth: 2 })).nodes.length);
  });
  const paths = await measureLatency(options, async (i) => {
    const [from, to] = at(targets.pairs, i);
    pathsFound.add((await store.paths(from, to, { maxHops: 4, first: 5 })).paths.length);
  });
  const search = await measureLatency(options, async (i) => {
    searchHits.add((await store.search(at(targets.prefixes, i))).length);
  });
  const versions = new Map<string, number>();
  const write = await measureLatency(options, async (i) => {
    const id = at(targets.writes, i);
    const updated = await store.updateNode(
      id,
      { summary: `Benchmark revision ${i} of ${id}. Written to time an acknowledged update.` },
      versions.get(id) ?? 1,
      { actor: 'bench' },
    );
    versions.set(id, updated.version);
  });
  // An editor's edit followed by the read that shows it: catches read models that rebuild
  // graph-wide state after every write.
  const claimVersions = new Map<string, number>();
  const claimEditThenRead = await measureLatency(options, async (i) => {
    const id = at(targets.claimEdits, i);
    const updated = await store.updateClaim(
      id,
      { summary: `Benchmark revision ${i} of ${id}.` },
      claimVersions.get(id) ?? 1,
      { actor: 'bench' },
    );
    claimVersions.set(id, updated.version);
    await store.neighborhood(updated.from, { depth: 2 });
  });
  return {
    latency: { neighborhood1, neighborhood2, paths, search, write, claimEditThenRead },
    shape: {
      depth2Nodes: depth2Nodes.mean(),
      depth2MedianNodes: depth2Nodes.median(),
      pathsFound: pathsFound.mean(),
      searchHits: searchHits.mean(),
    },
  };
}

/** Result sizes seen by one operation. */
class Tally {
  private readonly values: number[] = [];

  add(value: number): void {
    this.values.push(value);
  }

  mean(): number {
    return this.values.length === 0
      ? NaN
      : this.values.reduce((sum, value) => sum + value, 0) / this.values.length;
  }

  median(): number {
    const sorted = [...this.values].sort((a, b) => a - b);
    return sorted[Math.floor(sorted.length / 2)] ?? NaN;
  }
}

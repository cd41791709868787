/** Neo4j's run: wipe and import, then reopen (timing the open) and time calls from this process. */
import type { GraphSnapshot } from '../server/src/domain/model.ts';
import { openStore } from '../server/src/store/open-store.ts';
import type { BenchTargets } from './bench-targets.ts';
import { timed, type LatencyOptions } from './latency.ts';
import { processRssBytes, wipeNeo4j, type Neo4jServer } from './neo4j-server.ts';
import { measureFloor } from './neo4j-floor.ts';
import { measureStoreLatencies } from './store-latencies.ts';
import { BENCH_ACTOR, importProgress, seconds, type Log, type StoreFigures } from './store-figures.ts';

/** A reachable Neo4j. */
export type ReadyNeo4j = Extract<Neo4jServer, { status: 'ready' }>;

/** How filling Neo4j went. */
export interface Neo4jImport {
  readonly importMs: number;
  readonly wipeMs: number;
  readonly rssAfterImportBytes: number | null;
}

/** Wipes the database (see wipeNeo4j for the safety rule) and restores the snapshot into it. */
export async function importNeo4j(
  server: ReadyNeo4j,
  snapshot: GraphSnapshot,
  options: { readonly allowWipe: boolean; readonly log: Log },
): Promise<Neo4jImport> {
  const wiped = await timed(() => wipeNeo4j(server.connection, options.allowWipe || server.pid !== null));
  const store = await openStore({ kind: 'neo4j', ...server.connection });
  try {
    const imported = await timed(() =>
      store.importGraph(snapshot, BENCH_ACTOR, importProgress('neo4j', options.log)),
    );
    options.log(`neo4j: imported in ${seconds(imported.ms)}`);
    return {
      importMs: imported.ms,
      wipeMs: wiped.ms,
      rssAfterImportBytes: server.pid === null ? null : processRssBytes(server.pid),
    };
  } finally {
    await store.close();
  }
}

/** Reopens the store (timed) and times the calls; RSS is the JVM's when the benchmark started it. */
export async function measureNeo4j(
  server: ReadyNeo4j,
  imported: Neo4jImport,
  targets: BenchTargets,
  latency: LatencyOptions,
  log: Log,
): Promise<StoreFigures> {
  const reopened = await timed(() => openStore({ kind: 'neo4j', ...server.connection }));
  const store = reopened.result;
  try {
    log(`neo4j: timing calls (up to ${latency.iterations} each)`);
    const latencies = await measureStoreLatencies(store, targets, latency);
    log('neo4j: timing the hand-written Cypher floor');
    const floor = await measureFloor(server.connection, targets, latency);
    return {
      floor,
      store: 'neo4j',
      importMs: imported.importMs,
      openMs: reopened.ms,
      rssBytes: server.pid === null ? null : processRssBytes(server.pid),
      rssNote:
        server.pid === null
          ? 'not measured (server not started by the benchmark)'
          : 'VmRSS of the Neo4j JVM after import and the timed calls',
      latencies,
      details: { wipeMs: imported.wipeMs, rssAfterImportBytes: imported.rssAfterImportBytes },
    };
  } finally {
    await store.close();
  }
}

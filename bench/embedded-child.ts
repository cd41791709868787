/**
 * The embedded store's measuring process. The benchmark imports the graph, then runs this file in a
 * fresh Node process, as a server would be: it opens the data directory (timing the read-model load),
 * reads RSS once the load's garbage is collected, runs the timed calls and prints one JSON line.
 * Usage: `node --expose-gc --import tsx bench/embedded-child.ts <job.json>`.
 */
import fs from 'node:fs';
import { openEmbeddedStore } from '../server/src/store/embedded/embedded-store.ts';
import type { BenchTargets } from './bench-targets.ts';
import type { LatencyOptions } from './latency.ts';
import { measureStoreLatencies, type StoreLatencies } from './store-latencies.ts';

/** What the parent hands over. */
export interface EmbeddedJob {
  readonly dataDir: string;
  readonly targets: BenchTargets;
  readonly latency: LatencyOptions;
}

/** What the child prints. */
export interface EmbeddedChildResult {
  readonly openMs: number;
  /** Process RSS before opening (runtime and modules loaded) and after (read model built, GC run). */
  readonly rssBeforeOpenBytes: number;
  readonly rssAfterOpenBytes: number;
  readonly heapUsedAfterOpenBytes: number;
  /** RSS once every timed call has run. */
  readonly rssAfterCallsBytes: number;
  readonly latencies: StoreLatencies;
}

async function run(job: EmbeddedJob): Promise<EmbeddedChildResult> {
  collectGarbage();
  const rssBeforeOpenBytes = process.memoryUsage().rss;
  const started = performance.now();
  const store = await openEmbeddedStore({ dataDir: job.dataDir });
  const openMs = performance.now() - started;
  try {
    collectGarbage();
    const afterOpen = process.memoryUsage();
    const latencies = await measureStoreLatencies(store, job.targets, job.latency);
    return {
      openMs,
      rssBeforeOpenBytes,
      rssAfterOpenBytes: afterOpen.rss,
      heapUsedAfterOpenBytes: afterOpen.heapUsed,
      rssAfterCallsBytes: process.memoryUsage().rss,
      latencies,
    };
  } finally {
    await store.close();
  }
}

/** Full GC when exposed, so RSS reflects live data rather than the load's garbage. */
function collectGarbage(): void {
  const gc = (globalThis as { gc?: () => void }).gc;
  gc?.();
  gc?.();
}

const jobFile = process.argv[2];
if (jobFile === undefined) {
  process.stderr.write('usage: embedded-child.ts <job.json>\n');
  process.exit(2);
}
const job = JSON.parse(fs.readFileSync(jobFile, 'utf8')) as EmbeddedJob;
process.stdout.write(`${JSON.stringify(await run(job))}\n`);

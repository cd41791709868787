/** The embedded store's run: import in this process, then open and time calls in a fresh one. */
import { spawn } from 'node:child_process';
import fsp from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { GraphSnapshot } from '../server/src/domain/model.ts';
import { openStore } from '../server/src/store/open-store.ts';
import type { BenchTargets } from './bench-targets.ts';
import type { EmbeddedChildResult, EmbeddedJob } from './embedded-child.ts';
import { timed, type LatencyOptions } from './latency.ts';
import { BENCH_ACTOR, importProgress, seconds, type Log, type StoreFigures } from './store-figures.ts';

/** A populated data directory and how long filling it took. */
export interface EmbeddedImport {
  readonly dataDir: string;
  readonly importMs: number;
}

/** Restores the snapshot into a fresh temporary data directory. */
export async function importEmbedded(snapshot: GraphSnapshot, log: Log): Promise<EmbeddedImport> {
  const dataDir = await fsp.mkdtemp(path.join(os.tmpdir(), 'fibrograph-bench-'));
  const store = await openStore({ kind: 'embedded', dataDir });
  try {
    const imported = await timed(() =>
      store.importGraph(snapshot, BENCH_ACTOR, importProgress('embedded', log)),
    );
    log(`embedded: imported in ${seconds(imported.ms)}`);
    return { dataDir, importMs: imported.ms };
  } finally {
    await store.close();
  }
}

/** Opens the imported directory in `embedded-child.ts` and times the calls there; removes the directory. */
export async function measureEmbedded(
  imported: EmbeddedImport,
  targets: BenchTargets,
  latency: LatencyOptions,
  log: Log,
): Promise<StoreFigures> {
  try {
    const databaseBytes = (await fsp.stat(path.join(imported.dataDir, 'fibrograph.sqlite'))).size;
    log(`embedded: opening in a fresh process and timing calls (up to ${latency.iterations} each)`);
    const child = await runChild({ dataDir: imported.dataDir, targets, latency });
    return {
      store: 'embedded',
      importMs: imported.importMs,
      openMs: child.openMs,
      rssBytes: child.rssAfterOpenBytes,
      rssNote: 'RSS of a fresh Node process after open (read model loaded, GC run)',
      latencies: child.latencies,
      details: {
        rssBeforeOpenBytes: child.rssBeforeOpenBytes,
        rssDeltaBytes: child.rssAfterOpenBytes - child.rssBeforeOpenBytes,
        heapUsedAfterOpenBytes: child.heapUsedAfterOpenBytes,
        rssAfterCallsBytes: child.rssAfterCallsBytes,
        databaseBytes,
      },
    };
  } finally {
    await fsp.rm(imported.dataDir, { recursive: true, force: true });
  }
}

/** Runs the child with the job in a file next to the data and parses its one JSON line. */
async function runChild(job: EmbeddedJob): Promise<EmbeddedChildResult> {
  const jobFile = path.join(job.dataDir, 'bench-job.json');
  await fsp.writeFile(jobFile, JSON.stringify(job));
  const script = new URL('./embedded-child.ts', import.meta.url).pathname;
  const child = spawn(
    process.execPath,
    ['--expose-gc', '--import', import.meta.resolve('tsx'), script, jobFile],
    {
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
  const code = await new Promise<number | null>((resolve) => child.once('close', resolve));
  if (code !== 0) throw new Error(`the embedded measuring process exited with code ${String(code)}`);
  return JSON.parse(output.trim()) as EmbeddedChildResult;
}

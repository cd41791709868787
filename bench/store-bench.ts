/**
 * `npm run bench:store`: imports synthetic graphs of 1k, 10k and 100k nodes into the embedded store
 * and Neo4j and prints import, open, memory and latency figures side by side, plus a JSON copy in
 * bench/results/. Figures, not tests: nothing fails on a slow number. See bench/README.md.
 */
import fs from 'node:fs';
import os from 'node:os';
import { parseArgs } from 'node:util';
import type { GraphSnapshot } from '../server/src/domain/model.ts';
import type { StoreKind } from '../server/src/store/graph-store.ts';
import { sizeReport, type GraphShape, type Neo4jOutcome, type RunConditions } from './bench-report.ts';
import { benchTargets, type BenchTargets } from './bench-targets.ts';
import { importEmbedded, measureEmbedded, type EmbeddedImport } from './embedded-figures.ts';
import { timed, type LatencyOptions } from './latency.ts';
import { lazyNeo4j, type Neo4jServer } from './neo4j-server.ts';
import { importNeo4j, measureNeo4j } from './neo4j-figures.ts';
import { seconds, type StoreFigures } from './store-figures.ts';
import { syntheticGraph } from './synthetic-graph.ts';

const USAGE = `Usage: npm run bench:store -- [options]
  --sizes 1000,10000,100000     node counts to measure (default: all three)
  --stores embedded,neo4j       stores to measure (default: both)
  --iterations N                timed calls per operation (default 500; warm-up is N/10, at least 5)
  --budget-s N                  time budget per operation and store (default 60; at least 20 calls)
  --neo4j-heap-mb N             heap of a disposable Neo4j (default 2048)
  --neo4j-page-cache-mb N       page cache of a disposable Neo4j (default 1024)
  --allow-wipe                  let the benchmark wipe a non-empty Neo4j given by NEO4J_URI
Neo4j: NEO4J_URI (+ NEO4J_USERNAME, NEO4J_PASSWORD, NEO4J_DATABASE), else a disposable local server.`;

/** Parsed command line. */
interface BenchOptions {
  readonly sizes: readonly number[];
  readonly stores: readonly StoreKind[];
  readonly latency: LatencyOptions;
  readonly heapMb: number;
  readonly pageCacheMb: number;
  readonly allowWipe: boolean;
}

/** Everything one size produced (also the JSON written to bench/results). */
interface SizeResult {
  readonly shape: GraphShape;
  readonly conditions: RunConditions;
  readonly generateMs: number;
  readonly embedded: StoreFigures | null;
  readonly neo4j: Neo4jOutcome;
}

function parseOptions(argv: readonly string[]): BenchOptions | null {
  const { values } = parseArgs({
    args: [...argv],
    options: {
      sizes: { type: 'string', default: '1000,10000,100000' },
      stores: { type: 'string', default: 'embedded,neo4j' },
      iterations: { type: 'string', default: '500' },
      'budget-s': { type: 'string', default: '60' },
      'neo4j-heap-mb': { type: 'string', default: '2048' },
      'neo4j-page-cache-mb': { type: 'string', default: '1024' },
      'allow-wipe': { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) return null;
  const sizes = values.sizes.split(',').map((size) => positiveInt('--sizes', size));
  const stores = values.stores.split(',').map((store) => {
    if (store !== 'embedded' && store !== 'neo4j') throw new Error(`--stores: unknown store "${store}"`);
    return store;
  });
  const iterations = positiveInt('--iterations', values.iterations);
  return {
    sizes,
    stores,
    latency: {
      iterations,
      warmup: Math.max(5, Math.round(iterations / 10)),
      budgetMs: positiveInt('--budget-s', values['budget-s']) * 1000,
    },
    heapMb: positiveInt('--neo4j-heap-mb', values['neo4j-heap-mb']),
    pageCacheMb: positiveInt('--neo4j-page-cache-mb', values['neo4j-page-cache-mb']),
    allowWipe: values['allow-wipe'],
  };
}

function positiveInt(flag: string, text: string): number {
  const value = Number(text.trim().replace(/_/g, ''));
  if (!Number.isInteger(value) || value <= 0)
    throw new Error(`${flag}: "${text}" is not a positive whole number`);
  return value;
}

const log = (line: string): void => {
  process.stderr.write(`[bench] ${line}\n`);
};

function loudly(message: string): void {
  const bar = '!'.repeat(100);
  process.stdout.write(`\n${bar}\n!! ${message}\n${bar}\n`);
}

/** Node count, claim count, evidence count and degree spread of a snapshot. */
function shapeOf(snapshot: GraphSnapshot): GraphShape {
  const degree = new Map<string, number>();
  let evidence = 0;
  for (const claim of snapshot.claims) {
    degree.set(claim.from, (degree.get(claim.from) ?? 0) + 1);
    degree.set(claim.to, (degree.get(claim.to) ?? 0) + 1);
    evidence += claim.evidence.length;
  }
  const degrees = [...degree.values()].sort((a, b) => a - b);
  return {
    nodes: snapshot.nodes.length,
    claims: snapshot.claims.length,
    evidence,
    maxDegree: degrees[degrees.length - 1] ?? 0,
    medianDegree: degrees[Math.floor(degrees.length / 2)] ?? 0,
  };
}

async function measureSize(
  nodes: number,
  options: BenchOptions,
  neo4j: () => Promise<Neo4jServer>,
): Promise<SizeResult> {
  const loadBefore = os.loadavg()[0] ?? NaN;
  const prepared = await generateAndImport(nodes, options);
  const { shape, targets } = prepared;
  const embedded =
    prepared.embedded === null
      ? null
      : await measureEmbedded(prepared.embedded, targets, options.latency, log);
  const neo = options.stores.includes('neo4j')
    ? await neo4jFigures(nodes, targets, options, await neo4j())
    : null;
  const conditions = {
    iterations: options.latency.iterations,
    loadBefore,
    loadAfter: os.loadavg()[0] ?? NaN,
    cores: os.cpus().length,
  };
  return { shape, conditions, generateMs: prepared.generateMs, embedded, neo4j: neo };
}

/**
 * Generates the graph, draws the targets and imports into the embedded store. The snapshot lives
 * only here, so no timed call runs next to a dead copy of the graph (its GC cost would be the
 * benchmark's, not the store's); Neo4j regenerates the same graph for its own import.
 */
async function generateAndImport(
  nodes: number,
  options: BenchOptions,
): Promise<{
  shape: GraphShape;
  targets: BenchTargets;
  generateMs: number;
  embedded: EmbeddedImport | null;
}> {
  log(`generating a ${nodes.toLocaleString('en')}-node graph`);
  const generated = await timed(() => Promise.resolve(syntheticGraph({ nodes })));
  return {
    shape: shapeOf(generated.result),
    targets: benchTargets(generated.result, options.latency.warmup + options.latency.iterations),
    generateMs: generated.ms,
    embedded: options.stores.includes('embedded') ? await importEmbedded(generated.result, log) : null,
  };
}

async function neo4jFigures(
  nodes: number,
  targets: BenchTargets,
  options: BenchOptions,
  server: Neo4jServer,
): Promise<Neo4jOutcome> {
  if (server.status === 'unavailable') return { skipped: server.reason };
  log(`neo4j: using the ${server.description}`);
  try {
    const imported = await importNeo4j(server, syntheticGraph({ nodes }), {
      allowWipe: options.allowWipe,
      log,
    });
    return await measureNeo4j(server, imported, targets, options.latency, log);
  } catch (error) {
    return { skipped: `failed at this size: ${error instanceof Error ? error.message : String(error)}` };
  }
}

async function main(): Promise<void> {
  const options = parseOptions(process.argv.slice(2));
  if (options === null) {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  const startedAt = new Date();
  const neo4j = lazyNeo4j({ heapMb: options.heapMb, pageCacheMb: options.pageCacheMb });
  const results: SizeResult[] = [];
  try {
    for (const nodes of options.sizes) {
      const result = await measureSize(nodes, options, () => neo4j.get());
      results.push(result);
      const skipped = result.neo4j !== null && 'skipped' in result.neo4j ? result.neo4j.skipped : null;
      if (skipped !== null) loudly(`Neo4j NOT measured at ${nodes.toLocaleString('en')} nodes: ${skipped}`);
      process.stdout.write(
        `${sizeReport(result.shape, result.conditions, result.embedded, result.neo4j).join('\n')}\n`,
      );
    }
  } finally {
    await neo4j.stop();
  }
  const file = writeResults(startedAt, options, await neo4j.outcome(), results);
  process.stdout.write(`\nTotal ${seconds(Date.now() - startedAt.getTime())}. JSON: ${file}\n`);
}

function writeResults(
  startedAt: Date,
  options: BenchOptions,
  neo4j: Neo4jServer | null,
  results: readonly SizeResult[],
): string {
  const directory = new URL('./results/', import.meta.url);
  fs.mkdirSync(directory, { recursive: true });
  const stamp = startedAt.toISOString().replace(/[:.]/g, '-');
  const file = new URL(`store-${stamp}.json`, directory);
  const machine = {
    node: process.version,
    platform: `${os.platform()} ${os.release()}`,
    cpus: os.cpus().length,
    cpuModel: os.cpus()[0]?.model ?? 'unknown',
    totalMemoryBytes: os.totalmem(),
  };
  const neo4jNote =
    neo4j === null
      ? 'not requested'
      : neo4j.status === 'ready'
        ? neo4j.description
        : `unavailable: ${neo4j.reason}`;
  const json = { startedAt: startedAt.toISOString(), machine, options, neo4j: neo4jNote, sizes: results };
  fs.writeFileSync(file, `${JSON.stringify(json, null, 2)}\n`);
  return file.pathname;
}

try {
  await main();
} catch (error) {
  process.stderr.write(`bench:store: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
}

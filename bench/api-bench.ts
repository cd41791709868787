/**
 * `npm run bench:api`: loads /graphql on 127.0.0.1 with search, neighbourhood (depth 2) and paths
 * requests, on the seeded graph and a synthetic 10k-node graph, for the embedded store and Neo4j.
 * The server runs in a child process; autocannon runs here. Prints req/s and p50/p99 per scenario
 * and writes a JSON copy to bench/results/api-<timestamp>.json. Figures, not tests. See bench/README.md.
 */
import fs from 'node:fs';
import os from 'node:os';
import { parseArgs } from 'node:util';
import type { StoreKind } from '../server/src/store/graph-store.ts';
import {
  requestBodies,
  runLoad,
  SCENARIOS,
  type LoadFigures,
  type LoadOptions,
  type Scenario,
} from './api-load.ts';
import { disposeStore, prepareStore, startServer, type GraphSource } from './api-server.ts';
import { benchTargets } from './bench-targets.ts';
import { lazyNeo4j } from './neo4j-server.ts';
import { syntheticGraph } from './synthetic-graph.ts';

const USAGE = `Usage: npm run bench:api -- [options]
  --stores embedded,neo4j       stores to load (default: both)
  --graphs seed,10k             graphs: "seed" and/or synthetic sizes like 10k, 2000 (default: seed,10k)
  --scenarios search,neighbourhood,paths   (default: all three)
  --duration N                  measured seconds per scenario (default 10)
  --warmup N                    discarded warm-up seconds per scenario (default 2)
  --connections N               concurrent keep-alive connections (default 16)
  --targets N                   distinct request bodies per scenario (default 2000)
  --encoding gzip|identity      Accept-Encoding sent (default gzip, as the explorer's browser sends)
  --response-cache-mb N         the server's response cache in MB; 0 turns it off (default: the server's, 64)
  --first-pass                  send every target once first and report that pass (first visits) apart
  --node-budget N               neighbourhoods ask for at most N nodes (default: the server's, 150); the
                                target is defined at the default, so another budget is marked in its line
  --neo4j-heap-mb N             heap of a disposable Neo4j (default 1024)
  --neo4j-page-cache-mb N       page cache of a disposable Neo4j (default 512)
  --allow-wipe                  let the benchmark wipe a non-empty Neo4j given by NEO4J_URI
Neo4j: NEO4J_URI (+ NEO4J_USERNAME, NEO4J_PASSWORD, NEO4J_DATABASE), else a disposable local server.`;

/** The reported target: embedded, 10k graph, neighbourhood depth 2. */
const TARGET = { store: 'embedded', graph: '10k', scenario: 'neighbourhood', rps: 1000, p99Ms: 50 } as const;

interface ApiOptions {
  readonly stores: readonly StoreKind[];
  readonly graphs: readonly string[];
  readonly scenarios: readonly Scenario[];
  readonly load: LoadOptions;
  readonly targets: number;
  readonly responseCacheMb: number | undefined;
  /** The neighbourhood requests' `limit`; null: the server's default. */
  readonly nodeBudget: number | null;
  readonly heapMb: number;
  readonly pageCacheMb: number;
  readonly allowWipe: boolean;
}

/** One row of the table (and of the JSON). */
interface Row {
  readonly store: StoreKind;
  readonly graph: string;
  readonly nodes: number;
  readonly claims: number;
  readonly scenario: Scenario;
  readonly figures: LoadFigures | null;
  readonly skipped?: string;
}

function parseOptions(argv: readonly string[]): ApiOptions | null {
  const { values } = parseArgs({
    args: [...argv],
    options: {
      stores: { type: 'string', default: 'embedded,neo4j' },
      graphs: { type: 'string', default: 'seed,10k' },
      scenarios: { type: 'string', default: SCENARIOS.join(',') },
      duration: { type: 'string', default: '10' },
      warmup: { type: 'string', default: '2' },
      connections: { type: 'string', default: '16' },
      targets: { type: 'string', default: '2000' },
      encoding: { type: 'string', default: 'gzip' },
      'response-cache-mb': { type: 'string' },
      'first-pass': { type: 'boolean', default: false },
      'node-budget': { type: 'string' },
      'neo4j-heap-mb': { type: 'string', default: '1024' },
      'neo4j-page-cache-mb': { type: 'string', default: '512' },
      'allow-wipe': { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) return null;
  const stores = values.stores.split(',').map((store) => {
    if (store !== 'embedded' && store !== 'neo4j') throw new Error(`--stores: unknown store "${store}"`);
    return store;
  });
  const graphs = values.graphs.split(',').map((graph) => {
    const trimmed = graph.trim().toLowerCase();
    if (trimmed !== 'seed') graphSize(trimmed);
    return trimmed;
  });
  const scenarios = values.scenarios.split(',').map((name) => {
    const found = SCENARIOS.find((scenario) => scenario === name.trim());
    if (found === undefined) throw new Error(`--scenarios: unknown scenario "${name}"`);
    return found;
  });
  const encoding = values.encoding.trim();
  if (encoding !== 'gzip' && encoding !== 'identity') {
    throw new Error(`--encoding: "${encoding}" is neither gzip nor identity`);
  }
  const cacheMb = values['response-cache-mb'];
  return {
    stores,
    graphs,
    scenarios,
    load: {
      durationS: positiveInt('--duration', values.duration),
      warmupS: nonNegativeInt('--warmup', values.warmup),
      connections: positiveInt('--connections', values.connections),
      encoding,
      firstPass: values['first-pass'],
    },
    targets: positiveInt('--targets', values.targets),
    responseCacheMb: cacheMb === undefined ? undefined : nonNegativeInt('--response-cache-mb', cacheMb),
    nodeBudget:
      values['node-budget'] === undefined ? null : positiveInt('--node-budget', values['node-budget']),
    heapMb: positiveInt('--neo4j-heap-mb', values['neo4j-heap-mb']),
    pageCacheMb: positiveInt('--neo4j-page-cache-mb', values['neo4j-page-cache-mb']),
    allowWipe: values['allow-wipe'],
  };
}

/** "10k" → 10000, "2000" → 2000. */
function graphSize(text: string): number {
  const match = /^(\d+)(k?)$/.exec(text);
  if (match === null) throw new Error(`--graphs: "${text}" is neither "seed" nor a size like 10k`);
  const size = Number(match[1]) * (match[2] === 'k' ? 1000 : 1);
  if (size <= 0) throw new Error(`--graphs: "${text}" is not a positive size`);
  return size;
}

function positiveInt(flag: string, text: string): number {
  const value = nonNegativeInt(flag, text);
  if (value === 0) throw new Error(`${flag}: "${text}" is not a positive whole number`);
  return value;
}

function nonNegativeInt(flag: string, text: string): number {
  const value = Number(text.trim().replace(/_/g, ''));
  if (!Number.isInteger(value) || value < 0) throw new Error(`${flag}: "${text}" is not a whole number`);
  return value;
}

const log = (line: string): void => {
  process.stderr.write(`[bench:api] ${line}\n`);
};

async function main(): Promise<void> {
  const options = parseOptions(process.argv.slice(2));
  if (options === null) {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  const startedAt = new Date();
  const neo4j = lazyNeo4j({ heapMb: options.heapMb, pageCacheMb: options.pageCacheMb });
  const rows: Row[] = [];
  try {
    for (const graph of options.graphs) {
      const source: GraphSource =
        graph === 'seed'
          ? { kind: 'seed' }
          : { kind: 'snapshot', snapshot: syntheticGraph({ nodes: graphSize(graph) }) };
      for (const store of options.stores) {
        rows.push(...(await measure(store, graph, source, options, () => neo4j.get())));
      }
    }
  } finally {
    await neo4j.stop();
  }
  const neo4jOutcome = await neo4j.outcome();
  process.stdout.write(`\n${table(rows)}\n${targetLine(rows, options.nodeBudget)}\n`);
  const report = {
    startedAt: startedAt.toISOString(),
    finishedAt: new Date().toISOString(),
    conditions: {
      cores: os.cpus().length,
      cpu: os.cpus()[0]?.model ?? 'unknown',
      node: process.version,
      loadAverage: os.loadavg(),
      ...options.load,
      targetsPerScenario: options.targets,
      responseCacheMb: options.responseCacheMb ?? 'server default',
      nodeBudget: options.nodeBudget ?? 'server default',
      server: 'server/src/main.ts in a child process on 127.0.0.1; autocannon in the benchmark process',
      neo4j:
        neo4jOutcome === null
          ? null
          : neo4jOutcome.status === 'ready'
            ? neo4jOutcome.description
            : `unavailable: ${neo4jOutcome.reason}`,
    },
    // The target is defined at the default budget; another budget is not judged against it.
    target: { ...TARGET, met: options.nodeBudget === null ? targetMet(rows) : null },
    rows,
  };
  fs.mkdirSync(new URL('results/', import.meta.url), { recursive: true });
  const file = new URL(`results/api-${startedAt.toISOString().replace(/[:.]/g, '-')}.json`, import.meta.url);
  fs.writeFileSync(file, `${JSON.stringify(report, null, 2)}\n`);
  process.stdout.write(`JSON: ${file.pathname}\n`);
}

/** Prepares the store, starts the server, runs every scenario, stops and cleans up. */
async function measure(
  store: StoreKind,
  graph: string,
  source: GraphSource,
  options: ApiOptions,
  neo4j: () => ReturnType<ReturnType<typeof lazyNeo4j>['get']>,
): Promise<Row[]> {
  const skippedRows = (reason: string): Row[] => {
    log(`${store} / ${graph}: skipped: ${reason}`);
    return options.scenarios.map((scenario) => ({
      store,
      graph,
      nodes: source.kind === 'snapshot' ? source.snapshot.nodes.length : 0,
      claims: source.kind === 'snapshot' ? source.snapshot.claims.length : 0,
      scenario,
      figures: null,
      skipped: reason,
    }));
  };
  let connection = null;
  if (store === 'neo4j') {
    const server = await neo4j();
    if (server.status === 'unavailable') return skippedRows(server.reason);
    log(`neo4j: using the ${server.description}`);
    connection = { connection: server.connection, allowWipe: options.allowWipe || server.pid !== null };
  }
  log(`${store} / ${graph}: preparing the store`);
  let prepared;
  try {
    prepared = await prepareStore(store, source, connection, log);
  } catch (error) {
    return skippedRows(error instanceof Error ? error.message : String(error));
  }
  const { snapshot } = prepared;
  log(
    `${store} / ${graph}: ${snapshot.nodes.length} nodes, ${snapshot.claims.length} claims, ready in ${(prepared.prepareMs / 1000).toFixed(1)} s`,
  );
  const targets = benchTargets(snapshot, options.targets);
  const rows: Row[] = [];
  try {
    const server = await startServer(prepared.store, { responseCacheMb: options.responseCacheMb });
    try {
      for (const scenario of options.scenarios) {
        log(
          `${store} / ${graph} / ${scenario}: ${options.load.warmupS} s warm-up, ${options.load.durationS} s measured, ${options.load.connections} connections`,
        );
        const bodies = requestBodies(scenario, targets, options.nodeBudget);
        const figures = await runLoad(server.url, bodies, options.load, server.pid);
        rows.push({
          store,
          graph,
          nodes: snapshot.nodes.length,
          claims: snapshot.claims.length,
          scenario,
          figures,
        });
      }
    } finally {
      await server.stop();
    }
  } finally {
    await disposeStore(prepared.store);
  }
  return rows;
}

function table(rows: readonly Row[]): string {
  const header = [
    'store',
    'graph',
    'nodes',
    'scenario',
    'req/s',
    'p50 ms',
    'p99 ms',
    'max ms',
    'requests',
    'non-2xx/err',
    'cache hits',
    'loop µs/req',
    'cpu µs/req',
    '1st pass req/s',
    '1st pass p99',
    'sample',
  ];
  const lines = rows.map((row) => {
    const f = row.figures;
    if (f === null)
      return [row.store, row.graph, String(row.nodes), row.scenario, `skipped: ${row.skipped ?? ''}`];
    return [
      row.store,
      row.graph,
      row.nodes.toLocaleString('en'),
      row.scenario,
      Math.round(f.requestsPerSecond).toLocaleString('en'),
      String(f.latencyMs.p50),
      String(f.latencyMs.p99),
      String(f.latencyMs.max),
      f.totalRequests.toLocaleString('en'),
      `${f.non2xx}/${f.errors + f.timeouts}`,
      f.cacheHitRatio === null ? 'off' : `${Math.round(f.cacheHitRatio * 100)} %`,
      f.cpuPerRequestUs === null ? '-' : Math.round(f.cpuPerRequestUs.eventLoop).toLocaleString('en'),
      f.cpuPerRequestUs === null ? '-' : Math.round(f.cpuPerRequestUs.allThreads).toLocaleString('en'),
      f.firstPass === null ? '-' : Math.round(f.firstPass.requestsPerSecond).toLocaleString('en'),
      f.firstPass === null ? '-' : String(f.firstPass.latencyMs.p99),
      `${f.sampled - f.sampleErrors - f.sampleEmpty}/${f.sampled} ok${f.sampleErrors > 0 ? `, ${f.sampleErrors} errors` : ''}${f.sampleEmpty > 0 ? `, ${f.sampleEmpty} empty` : ''}`,
    ];
  });
  const all = [header, ...lines];
  const widths = header.map((_, column) => Math.max(...all.map((line) => (line[column] ?? '').length)));
  const format = (line: readonly string[]): string =>
    line
      .map((cell, column) =>
        column < 4 || column === line.length - 1
          ? cell.padEnd(widths[column] ?? 0)
          : cell.padStart(widths[column] ?? 0),
      )
      .join('  ')
      .trimEnd();
  return [format(header), format(widths.map((width) => '-'.repeat(width))), ...lines.map(format)].join('\n');
}

function targetRow(rows: readonly Row[]): Row | undefined {
  return rows.find(
    (r) => r.store === TARGET.store && r.graph === TARGET.graph && r.scenario === TARGET.scenario,
  );
}

function meets(figures: { requestsPerSecond: number; latencyMs: { p99: number } }): boolean {
  return figures.requestsPerSecond >= TARGET.rps && figures.latencyMs.p99 <= TARGET.p99Ms;
}

/** Whether the measured run met the target (null: not measured). */
function targetMet(rows: readonly Row[]): boolean | null {
  const figures = targetRow(rows)?.figures;
  return figures == null ? null : meets(figures);
}

/** The target, judged on the measured run, and on the first pass when there was one. */
function targetLine(rows: readonly Row[], nodeBudget: number | null): string {
  const figures = targetRow(rows)?.figures;
  const budget = nodeBudget === null ? '' : ` (measured at a node budget of ${nodeBudget}, not the default)`;
  const goal = `target (information): ${TARGET.store} / ${TARGET.graph} / ${TARGET.scenario} depth 2 ≥ ${TARGET.rps.toLocaleString('en')} req/s at p99 ≤ ${TARGET.p99Ms} ms${budget}`;
  if (figures == null) return `${goal}: not measured`;
  const verdict = (met: boolean) => (met ? 'MET' : 'NOT MET');
  if (figures.firstPass === null) return `${goal}: ${verdict(meets(figures))}`;
  return `${goal}: ${verdict(meets(figures))} in the steady state after the first pass, ${verdict(meets(figures.firstPass))} on the first pass (every answer computed)`;
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exitCode = 1;
});

/**
 * The server the API benchmark loads: a store prepared in this process (the seed, or a synthetic
 * graph restored with importGraph), then `server/src/main.ts` in a child process on 127.0.0.1, so
 * the load generator and the server each get a core of their own.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fsp from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { GraphSnapshot } from '../server/src/domain/model.ts';
import { seedIfEmpty, silentLog } from '../server/src/http/index.ts';
import type { StoreKind } from '../server/src/store/graph-store.ts';
import { openStore, type StoreConfig } from '../server/src/store/open-store.ts';
import { wipeNeo4j, type Neo4jConnection } from './neo4j-server.ts';
import { BENCH_ACTOR, importProgress, type Log } from './store-figures.ts';

const REPO_ROOT = fileURLToPath(new URL('../', import.meta.url));
const SEED_DIR = path.join(REPO_ROOT, 'seed');

/** Which graph to serve: the repository's seed, or a synthetic snapshot. */
export type GraphSource =
  { readonly kind: 'seed' } | { readonly kind: 'snapshot'; readonly snapshot: GraphSnapshot };

/** Where the prepared store lives, as the child server will open it. */
export type PreparedStore =
  | { readonly kind: 'embedded'; readonly dataDir: string }
  | { readonly kind: 'neo4j'; readonly connection: Neo4jConnection };

/** A prepared store and the graph it holds (what the request targets are drawn from). */
export interface Prepared {
  readonly store: PreparedStore;
  readonly snapshot: GraphSnapshot;
  readonly prepareMs: number;
}

/**
 * Fills a fresh store: a new temporary data directory, or a wiped Neo4j (a Neo4j the benchmark did
 * not start is wiped only when it is empty or `allowWipe` is set).
 */
export async function prepareStore(
  kind: StoreKind,
  source: GraphSource,
  neo4j: { readonly connection: Neo4jConnection; readonly allowWipe: boolean } | null,
  log: Log,
): Promise<Prepared> {
  const started = performance.now();
  let prepared: PreparedStore;
  let config: StoreConfig;
  if (kind === 'embedded') {
    const dataDir = await fsp.mkdtemp(path.join(os.tmpdir(), 'fibrograph-api-bench-'));
    prepared = { kind, dataDir };
    config = { kind, dataDir };
  } else {
    if (neo4j === null) throw new Error('no Neo4j connection');
    await wipeNeo4j(neo4j.connection, neo4j.allowWipe);
    prepared = { kind, connection: neo4j.connection };
    config = { kind, ...neo4j.connection };
  }
  const store = await openStore(config);
  try {
    if (source.kind === 'seed') {
      const outcome = await seedIfEmpty(store, SEED_DIR, silentLog);
      if (outcome !== 'seeded') throw new Error(`seeding the ${kind} store failed: ${outcome}`);
      const snapshot = await store.exportGraph();
      return { store: prepared, snapshot, prepareMs: performance.now() - started };
    }
    await store.importGraph(source.snapshot, BENCH_ACTOR, importProgress(kind, log));
    return { store: prepared, snapshot: source.snapshot, prepareMs: performance.now() - started };
  } finally {
    await store.close();
  }
}

/** Removes a temporary data directory (Neo4j is wiped by the next preparation instead). */
export async function disposeStore(store: PreparedStore): Promise<void> {
  if (store.kind === 'embedded') await fsp.rm(store.dataDir, { recursive: true, force: true });
}

/** A server running in a child process. */
export interface ChildServer {
  readonly url: string;
  readonly pid: number | null;
  stop(): Promise<void>;
}

/** Server settings the benchmark varies. */
export interface ServerOptions {
  /** FIBROGRAPH_RESPONSE_CACHE_MB for the server; undefined keeps its default. */
  readonly responseCacheMb?: number | undefined;
}

/** Starts `server/src/main.ts` on a free loopback port and waits until /healthz answers 200. */
export async function startServer(
  store: PreparedStore,
  options: ServerOptions = {},
  timeoutMs = 60_000,
): Promise<ChildServer> {
  const port = await freePort();
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: String(port),
    HOST: '127.0.0.1',
    FIBROGRAPH_QUIET: '1',
    // As `npm start` and the Docker image run it (graphql-js skips its development-only checks).
    NODE_ENV: 'production',
  };
  if (options.responseCacheMb !== undefined) {
    env['FIBROGRAPH_RESPONSE_CACHE_MB'] = String(options.responseCacheMb);
  }
  delete env['NEO4J_URI'];
  if (store.kind === 'embedded') {
    env['FIBROGRAPH_DATA_DIR'] = store.dataDir;
  } else {
    env['NEO4J_URI'] = store.connection.uri;
    env['NEO4J_USERNAME'] = store.connection.username;
    env['NEO4J_PASSWORD'] = store.connection.password;
    env['NEO4J_DATABASE'] = store.connection.database;
  }
  // BENCH_SERVER_NODE_ARGS passes flags to the server's Node, e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof"
  // (Node refuses --cpu-prof in NODE_OPTIONS).
  const nodeArgs = (process.env['BENCH_SERVER_NODE_ARGS'] ?? '').split(' ').filter((arg) => arg !== '');
  const child = spawn(process.execPath, [...nodeArgs, '--import', 'tsx', 'server/src/main.ts'], {
    cwd: REPO_ROOT,
    env,
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
    stderr = (stderr + chunk).slice(-4000);
  });
  const url = `http://127.0.0.1:${port}`;
  const deadline = performance.now() + timeoutMs;
  for (;;) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(
        `the server exited (${child.exitCode ?? child.signalCode}) before it was healthy:\n${stderr}`,
      );
    }
    if (await healthy(url)) break;
    if (performance.now() > deadline) {
      await stopChild(child);
      throw new Error(`the server was not healthy after ${timeoutMs / 1000} s:\n${stderr}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return { url, pid: child.pid ?? null, stop: () => stopChild(child) };
}

async function healthy(url: string): Promise<boolean> {
  try {
    const response = await fetch(`${url}/healthz`, { signal: AbortSignal.timeout(2000) });
    await response.arrayBuffer();
    return response.status === 200;
  } catch {
    return false;
  }
}

/** SIGTERM (the server drains and closes its stores), then SIGKILL after 10 s. */
async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) =>
    child.once('exit', () => {
      resolve();
    }),
  );
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
  await exited;
  clearTimeout(timer);
}

/** A port free on 127.0.0.1 right now (the child binds it a moment later). */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      server.close(() => {
        resolve(port);
      });
    });
  });
}

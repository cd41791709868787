/**
 * The Neo4j the benchmark measures: `NEO4J_URI` when set, otherwise a disposable local server started
 * through scripts/neo4j-local (Java 17+, Maven once). Also wipes it between sizes and reads the JVM's
 * resident memory when this process started it.
 */
import fs from 'node:fs';
import neo4j from 'neo4j-driver';

/** Connection settings, as openStore wants them. */
export interface Neo4jConnection {
  readonly uri: string;
  readonly username: string;
  readonly password: string;
  readonly database: string;
}

/** A reachable Neo4j, or why there is none. */
export type Neo4jServer =
  | {
      readonly status: 'ready';
      readonly connection: Neo4jConnection;
      /** The JVM's pid when this process started it (so its RSS can be read); null for NEO4J_URI. */
      readonly pid: number | null;
      /** How it was obtained, for the report. */
      readonly description: string;
      stop(): Promise<void>;
    }
  | { readonly status: 'unavailable'; readonly reason: string };

/** Memory settings for a disposable server. */
export interface LocalNeo4jOptions {
  readonly heapMb: number;
  readonly pageCacheMb: number;
}

interface LocalNeo4j extends Neo4jConnection {
  readonly pid: number;
  stop(): Promise<void>;
}

interface LocalNeo4jModule {
  readonly startLocalNeo4j: (options: LocalNeo4jOptions) => Promise<LocalNeo4j>;
}

/** A Neo4j found or started on first use, shared by every size. */
export interface LazyNeo4j {
  /** Finds or starts the server (once). */
  get(): Promise<Neo4jServer>;
  /** Stops the server if this process started it. */
  stop(): Promise<void>;
  /** The outcome so far, or null when Neo4j was never needed. */
  outcome(): Promise<Neo4jServer | null>;
}

/** Defers `findNeo4j` until a size first needs Neo4j. */
export function lazyNeo4j(options: LocalNeo4jOptions): LazyNeo4j {
  let server: Promise<Neo4jServer> | null = null;
  return {
    get: () => (server ??= findNeo4j(options)),
    stop: async () => {
      const found = await server;
      if (found?.status === 'ready') await found.stop();
    },
    outcome: () => server ?? Promise.resolve(null),
  };
}

/** Finds or starts a Neo4j; never throws (an impossible start is reported as unavailable). */
export async function findNeo4j(options: LocalNeo4jOptions): Promise<Neo4jServer> {
  const uri = process.env['NEO4J_URI']?.trim();
  if (uri) {
    return {
      status: 'ready',
      connection: {
        uri,
        username: process.env['NEO4J_USERNAME'] ?? 'neo4j',
        password: process.env['NEO4J_PASSWORD'] ?? '',
        database: process.env['NEO4J_DATABASE'] ?? 'neo4j',
      },
      pid: null,
      description: `NEO4J_URI ${uri} (server memory not measured: not started by the benchmark)`,
      stop: () => Promise.resolve(),
    };
  }
  try {
    // A computed specifier: the helper is plain .mjs without type declarations.
    const specifier = new URL('../scripts/neo4j-local/neo4j-local.mjs', import.meta.url).href;
    const { startLocalNeo4j } = (await import(specifier)) as LocalNeo4jModule;
    const started = performance.now();
    const local = await startLocalNeo4j(options);
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    return {
      status: 'ready',
      connection: {
        uri: local.uri,
        username: local.username,
        password: local.password,
        database: local.database,
      },
      pid: local.pid,
      description: `disposable local Neo4j at ${local.uri} (heap ${options.heapMb} MB, page cache ${options.pageCacheMb} MB, started in ${seconds} s)`,
      stop: () => local.stop(),
    };
  } catch (error) {
    return { status: 'unavailable', reason: error instanceof Error ? error.message : String(error) };
  }
}

/**
 * Deletes every node and relationship (schema stays), in batches so a large graph fits in the heap.
 * Refuses a non-empty database that the benchmark did not start unless `allowWipe` is set.
 */
export async function wipeNeo4j(connection: Neo4jConnection, allowWipe: boolean): Promise<void> {
  const driver = neo4j.driver(connection.uri, neo4j.auth.basic(connection.username, connection.password), {
    disableLosslessIntegers: true,
  });
  try {
    const database = connection.database;
    const { records } = await driver.executeQuery('MATCH (n) RETURN count(n) AS n', {}, { database });
    const count = Number(records[0]?.get('n') ?? 0);
    if (count === 0) return;
    if (!allowWipe) {
      throw new Error(
        `Neo4j at ${connection.uri} holds ${count} nodes; the benchmark must wipe it. Pass --allow-wipe if that is intended.`,
      );
    }
    const session = driver.session({ database });
    try {
      // CALL … IN TRANSACTIONS needs an implicit (auto-commit) transaction, hence session.run.
      await session.run('MATCH (n) CALL { WITH n DETACH DELETE n } IN TRANSACTIONS OF 10000 ROWS');
    } finally {
      await session.close();
    }
  } finally {
    await driver.close();
  }
}

/** Resident set size of a process from /proc (Linux), or null when unreadable. */
export function processRssBytes(pid: number): number | null {
  try {
    const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
    const match = /^VmRSS:\s+(\d+)\s+kB/m.exec(status);
    return match?.[1] === undefined ? null : Number(match[1]) * 1024;
  } catch {
    return null;
  }
}

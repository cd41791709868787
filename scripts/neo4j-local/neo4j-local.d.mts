// Types for neo4j-local.mjs (plain ESM, so TypeScript callers get a typed API).

export interface StartLocalNeo4jOptions {
  /** Bolt port on 127.0.0.1; 0/undefined picks a free one. */
  port?: number;
  /** Enables HTTP on 127.0.0.1 (0 = a free port); HTTP is disabled when omitted. */
  httpPort?: number;
  /** Home/data dir, kept on stop(); default a fresh temp dir that stop() deletes. */
  dataDir?: string;
  /** Initial password for user `neo4j` (default 'fibrograph-test'). */
  password?: string;
  /** false disables authentication (default true). */
  auth?: boolean;
  /** JVM heap in MiB (default 512). */
  heapMb?: number;
  /** Page cache in MiB (default 256). */
  pageCacheMb?: number;
  /** Extra neo4j.conf settings; they override the generated ones. */
  config?: Record<string, string | number | boolean>;
  /** Jar cache root (default $FIBROGRAPH_NEO4J_HOME or ~/.cache/fibrograph/neo4j-5.26). */
  cacheDir?: string;
  /** Bolt readiness timeout in ms (default 120000). */
  timeoutMs?: number;
  /** Receives progress lines and the server's console output. */
  log?: (line: string) => void;
}

export interface LocalNeo4j {
  uri: string;
  httpUri: string | undefined;
  username: 'neo4j';
  /** undefined when auth is disabled. */
  password: string | undefined;
  database: 'neo4j';
  dataDir: string;
  pid: number;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  stop(): Promise<void>;
}

export const NEO4J_VERSION: string;
export function startLocalNeo4j(options?: StartLocalNeo4jOptions): Promise<LocalNeo4j>;
export function resolveNeo4jJars(options?: {
  cacheDir?: string;
  log?: (line: string) => void;
}): Promise<string>;
export function neo4jCacheDir(): string;
export function boltHandshake(port: number, options?: { host?: string; timeoutMs?: number }): Promise<string>;

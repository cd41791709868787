/**
 * The API benchmark's load: explorer-like GraphQL bodies for search, neighbourhood (depth 2) and
 * paths, rotated through many targets, sent by autocannon over keep-alive connections.
 */
import { execFileSync } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import type { BenchTargets } from './bench-targets.ts';

/** The scenarios, in run order. */
export const SCENARIOS = ['search', 'neighbourhood', 'paths'] as const;
export type Scenario = (typeof SCENARIOS)[number];

const SEARCH = `query Search($text: String!) {
  search(text: $text, first: 10) { score matchedField matchedText node { id kind name } }
}`;

/** The explorer-like depth-2 neighbourhood query the load sends (also timed by serialisation-bench.ts). */
export const NEIGHBOURHOOD = `query Neighbourhood($id: ID!, $limit: Int) {
  neighborhood(id: $id, depth: 2, limit: $limit) {
    truncated
    nodes { id kind name }
    claims { id relation strength contested from { id } to { id } }
  }
}`;

const PATHS = `query Paths($from: ID!, $to: ID!) {
  paths(from: $from, to: $to, maxHops: 4, first: 5) {
    truncated
    paths { score meanStrength reading nodes { id name } hops { forward claim { id relation strength } } }
  }
}`;

/**
 * One JSON body per target, in the targets' order. `nodeBudget` is the neighbourhood's `limit`; null
 * leaves it out, so the server's default budget applies.
 */
export function requestBodies(
  scenario: Scenario,
  targets: BenchTargets,
  nodeBudget: number | null = null,
): string[] {
  switch (scenario) {
    case 'search':
      return targets.prefixes.map((text) => JSON.stringify({ query: SEARCH, variables: { text } }));
    case 'neighbourhood':
      return targets.centres.map((id) =>
        JSON.stringify({
          query: NEIGHBOURHOOD,
          variables: nodeBudget === null ? { id } : { id, limit: nodeBudget },
        }),
      );
    case 'paths':
      return targets.pairs.map(([from, to]) => JSON.stringify({ query: PATHS, variables: { from, to } }));
  }
}

/** Load settings shared by every scenario. */
export interface LoadOptions {
  readonly durationS: number;
  readonly warmupS: number;
  readonly connections: number;
  /** The Accept-Encoding sent: `gzip` as a browser does, or `identity` (uncompressed) as curl does. */
  readonly encoding: 'gzip' | 'identity';
  /**
   * Before the warm-up, send every body once and measure that pass on its own: every answer is then
   * a first visit (computed, not cached), and the measured run that follows is the steady state.
   */
  readonly firstPass: boolean;
}

/** Throughput and latency of one autocannon run. */
export interface RunFigures {
  readonly requestsPerSecond: number;
  readonly totalRequests: number;
  readonly latencyMs: { readonly p50: number; readonly p99: number; readonly max: number };
}

/** What one scenario measured (latencies in ms, as autocannon records them). */
export interface LoadFigures {
  readonly requestsPerSecond: number;
  readonly totalRequests: number;
  readonly durationS: number;
  readonly latencyMs: {
    readonly mean: number;
    readonly p50: number;
    readonly p90: number;
    readonly p99: number;
    readonly max: number;
  };
  readonly non2xx: number;
  readonly errors: number;
  readonly timeouts: number;
  /** Bodies sampled before the run whose response carried GraphQL errors. */
  readonly sampleErrors: number;
  /** Bodies sampled before the run whose result was empty (no hit, no neighbour, no path). */
  readonly sampleEmpty: number;
  readonly sampled: number;
  /** Share of the measured requests the server answered from its response cache; null when it keeps none. */
  readonly cacheHitRatio: number | null;
  /**
   * Server CPU per measured request, in µs: on its main thread (the event loop, which limits a
   * Node server's throughput) and in all its threads. Null where /proc cannot be read (not Linux).
   */
  readonly cpuPerRequestUs: { readonly eventLoop: number; readonly allThreads: number } | null;
  /** The first pass over every body (with `firstPass`), else null. */
  readonly firstPass: RunFigures | null;
}

/** The part of autocannon's API used here (the package ships no types). */
interface Histogram {
  readonly mean: number;
  readonly max: number;
  readonly total: number;
  readonly p50: number;
  readonly p90: number;
  readonly p99: number;
}
interface AutocannonResult {
  readonly requests: Histogram;
  readonly latency: Histogram;
  readonly duration: number;
  readonly non2xx: number;
  readonly errors: number;
  readonly timeouts: number;
}
interface AutocannonRequest {
  method?: string;
  path?: string;
  headers?: Record<string, string>;
  body?: string;
}
interface AutocannonOptions {
  readonly url: string;
  readonly connections: number;
  readonly duration?: number;
  /** Stop after this many requests instead of after `duration`. */
  readonly amount?: number;
  readonly requests: readonly {
    readonly setupRequest: (request: AutocannonRequest) => AutocannonRequest;
  }[];
}
type Autocannon = (options: AutocannonOptions) => Promise<AutocannonResult>;

const autocannon = createRequire(import.meta.url)('autocannon') as Autocannon;

/** A warm-up run (discarded), then the measured run, both rotating through `bodies`. */
export async function runLoad(
  url: string,
  bodies: readonly string[],
  options: LoadOptions,
  serverPid: number | null = null,
): Promise<LoadFigures> {
  const sample = await sampleResponses(url, bodies.slice(0, 20));
  const run = async (length: { duration: number } | { amount: number }): Promise<AutocannonResult> => {
    let next = 0;
    return autocannon({
      url,
      connections: options.connections,
      ...length,
      requests: [
        {
          setupRequest: (request) => {
            const body = bodies[next % bodies.length] ?? '{}';
            next += 1;
            return {
              ...request,
              method: 'POST',
              path: '/graphql',
              headers: { 'content-type': 'application/json', 'accept-encoding': options.encoding },
              body,
            };
          },
        },
      ],
    });
  };
  const firstPass = options.firstPass ? await run({ amount: bodies.length }) : null;
  if (options.warmupS > 0) await run({ duration: options.warmupS });
  const cacheBefore = await cacheCounts(url);
  const cpuBefore = serverPid === null ? null : await cpuTimesMs(serverPid);
  const result = await run({ duration: options.durationS });
  const cpuAfter = serverPid === null ? null : await cpuTimesMs(serverPid);
  const cacheAfter = await cacheCounts(url);
  const perRequestUs = (before: number, after: number): number =>
    ((after - before) * 1000) / Math.max(1, result.requests.total);
  return {
    requestsPerSecond: result.requests.total / result.duration,
    totalRequests: result.requests.total,
    durationS: result.duration,
    latencyMs: {
      mean: result.latency.mean,
      p50: result.latency.p50,
      p90: result.latency.p90,
      p99: result.latency.p99,
      max: result.latency.max,
    },
    non2xx: result.non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
    ...sample,
    cacheHitRatio: hitRatio(cacheBefore, cacheAfter),
    cpuPerRequestUs:
      cpuBefore === null || cpuAfter === null
        ? null
        : {
            eventLoop: perRequestUs(cpuBefore.mainThread, cpuAfter.mainThread),
            allThreads: perRequestUs(cpuBefore.process, cpuAfter.process),
          },
    firstPass:
      firstPass === null
        ? null
        : {
            requestsPerSecond: firstPass.requests.total / firstPass.duration,
            totalRequests: firstPass.requests.total,
            latencyMs: {
              p50: firstPass.latency.p50,
              p99: firstPass.latency.p99,
              max: firstPass.latency.max,
            },
          },
  };
}

/** Clock ticks per second of /proc's CPU times, read once. */
let clockTicks: number | undefined;

/** `getconf CLK_TCK`, or 100 (every common Linux) where getconf is missing. */
function clockTicksPerSecond(): number {
  try {
    return Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
  } catch {
    return 100;
  }
}

/**
 * CPU time (user + system, ms) a process has used, in its main thread and in all its threads, from
 * /proc (Linux); null elsewhere. A Node process's main thread has the process's id as its thread id.
 */
async function cpuTimesMs(pid: number): Promise<{ mainThread: number; process: number } | null> {
  const perSecond = (clockTicks ??= clockTicksPerSecond());
  try {
    const ticks = (stat: string): number => {
      // Fields after the parenthesised command name; utime and stime are the 14th and 15th fields.
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      return Number(fields[11]) + Number(fields[12]);
    };
    const [main, all] = await Promise.all([
      readFile(`/proc/${pid}/task/${pid}/stat`, 'utf8'),
      readFile(`/proc/${pid}/stat`, 'utf8'),
    ]);
    const toMs = (count: number): number => (count * 1000) / perSecond;
    return { mainThread: toMs(ticks(main)), process: toMs(ticks(all)) };
  } catch {
    return null;
  }
}

interface CacheCounts {
  readonly hits: number;
  readonly misses: number;
}

/** The server's response-cache counters from /healthz; null when it keeps no cache. */
async function cacheCounts(url: string): Promise<CacheCounts | null> {
  const response = await fetch(`${url}/healthz`);
  const health = (await response.json()) as { responseCache?: CacheCounts | null };
  return health.responseCache ?? null;
}

function hitRatio(before: CacheCounts | null, after: CacheCounts | null): number | null {
  if (before === null || after === null) return null;
  const hits = after.hits - before.hits;
  const lookups = hits + after.misses - before.misses;
  return lookups === 0 ? null : hits / lookups;
}

/** Sends a few bodies one by one and checks the answers: no GraphQL errors, and something found. */
async function sampleResponses(
  url: string,
  bodies: readonly string[],
): Promise<{ sampleErrors: number; sampleEmpty: number; sampled: number }> {
  let sampleErrors = 0;
  let sampleEmpty = 0;
  for (const body of bodies) {
    const response = await fetch(`${url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body,
    });
    const json = (await response.json()) as { errors?: unknown[]; data?: Record<string, unknown> };
    if (!response.ok || (json.errors?.length ?? 0) > 0) sampleErrors += 1;
    else if (isEmpty(json.data)) sampleEmpty += 1;
  }
  return { sampleErrors, sampleEmpty, sampled: bodies.length };
}

function isEmpty(data: Record<string, unknown> | undefined): boolean {
  const value = data === undefined ? undefined : Object.values(data)[0];
  if (Array.isArray(value)) return value.length === 0;
  if (typeof value !== 'object' || value === null) return true;
  const record = value as { nodes?: unknown[]; paths?: unknown[] };
  // A neighbourhood always holds its centre, so "empty" means no neighbour.
  if (record.nodes !== undefined) return record.nodes.length <= 1;
  return (record.paths?.length ?? 0) === 0;
}

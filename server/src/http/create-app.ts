/**
 * The FibroGraph HTTP app: /graphql, /healthz and the web explorer at /, on node:http. Its
 * lifecycle is a discriminated union; `close()` drains requests and closes both stores.
 */
import type { ApolloServer } from '@apollo/server';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { createContext, createGraphQLServer, type FibroGraphContext } from '../graphql/index.ts';
import type { GraphStore } from '../store/graph-store.ts';
import type { UserStore } from '../users/user-store.ts';
import { createGraphQLHandler } from './graphql-handler.ts';
import { createGzipper } from './compression.ts';
import { drain, settleBy } from './drain.ts';
import { createHealthCheck } from './health.ts';
import { sendGraphQLError, sendJson } from './json-response.ts';
import { DEFAULT_LIMITS, type HttpLimits } from './limits.ts';
import { createOperationGate } from './operation-gate.ts';
import { createRateLimiter } from './rate-limiter.ts';
import { ReleaseReader } from '../review/release-reader.ts';
import type { ReviewPolicy } from '../graphql/context.ts';
import { errorText, logWhenDone, stdoutLog, type Log, type RequestRecord } from './request-log.ts';
import { createCacheablePlugin, ResponseCache } from './response-cache.ts';
import { serveStatic } from './static-files.ts';

/** Everything the app needs; the app owns `store` and `users` from here on and closes them. */
export interface AppOptions {
  readonly store: GraphStore;
  readonly users: UserStore;
  /** Reported by /healthz. */
  readonly version: string;
  /** The built web explorer (web/dist); null or missing: a placeholder page at `/`. */
  readonly webDir?: string | null;
  /** Require a valid token for reads too (default false: reads are public). */
  readonly requireAuthForReads?: boolean;
  /** Answer introspection queries (default true). */
  readonly introspection?: boolean;
  /** Stack traces and internal messages in responses (default false; only for NODE_ENV=development). */
  readonly development?: boolean;
  /**
   * Megabytes of finished read-only answers kept for reuse while the graph is unchanged (default
   * DEFAULT_RESPONSE_CACHE_MB; 0 turns it off). Answers are reused only while the store's revision
   * is the one read when they were computed (Neo4j keeps it in the database, so replicas agree).
   */
  readonly responseCacheMb?: number;
  /** Overrides of DEFAULT_LIMITS. */
  readonly limits?: Partial<HttpLimits>;
  /** Where log lines go (default: JSON lines on stdout). */
  readonly log?: Log;
  /**
   * `required` (default): an editor's change is a proposal until another editor or an admin approves
   * it; admins may still publish directly, recorded as such. `off`: every editor publishes directly.
   */
  readonly reviewPolicy?: ReviewPolicy;
}

/**
 * The response cache's default size. Gzipped, a 10k-node graph's depth-2 neighbourhood (150 nodes at
 * most, ~58 KB of JSON) takes about 8 KB (`npm run bench:serialisation`), so 64 MB holds some eight
 * thousand such answers; uncompressed ones take seven times more.
 */
export const DEFAULT_RESPONSE_CACHE_MB = 64;

/**
 * The explorer's Content-Security-Policy: its own scripts only (no inline or third-party script, so an
 * injected tag cannot run), data and blob images for exports, API calls to this origin, and no framing
 * (clickjacking). Styles may be inline: React and Cytoscape set them from script.
 */
export const EXPLORER_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

/** Where the app is in its life. */
export type AppState =
  | { readonly phase: 'created' }
  | { readonly phase: 'listening'; readonly server: http.Server; readonly url: string }
  | { readonly phase: 'stopping'; readonly stopped: Promise<void> }
  | { readonly phase: 'stopped' };

/** A running (or runnable) FibroGraph server. */
export interface App {
  /** Starts GraphQL and listens; resolves with the base URL (port 0 picks a free port). */
  listen(port: number, host: string): Promise<string>;
  /**
   * Stops accepting connections, lets requests in flight finish (up to `shutdownGraceMs`), then
   * stops GraphQL and closes the graph and user stores. Safe to call more than once.
   */
  close(): Promise<void>;
  /** The current phase. */
  readonly state: AppState;
}

/** Builds the app; nothing listens until `listen`. */
export function createApp(options: AppOptions): App {
  const limits: HttpLimits = { ...DEFAULT_LIMITS, ...options.limits };
  const log = options.log ?? stdoutLog;
  // Keyed by `context.request`: Apollo passes plugins a copy of the context that shares it.
  const records = new WeakMap<object, RequestRecord>();
  const running = new Set<Promise<unknown>>();
  const active = new Set<http.ServerResponse>();
  const apollo = createGraphQLServer({
    introspection: options.introspection ?? true,
    development: options.development ?? false,
    maxTokens: limits.maxTokens,
  });
  apollo.addPlugin(
    createOperationGate({
      limits,
      mutationRate: createRateLimiter(
        { limit: limits.mutationsPerMinute, windowMs: 60_000 },
        options.store.takeRateSlot?.bind(options.store),
      ),
      reportRate: createRateLimiter(
        { limit: limits.reportsPerHour, windowMs: 3_600_000, prefix: 'reports' },
        options.store.takeRateSlot?.bind(options.store),
      ),
      onOperation: (context, name) => {
        const record = records.get(context.request);
        if (record) record.operationName = name;
      },
    }),
  );
  const cacheMb = options.responseCacheMb ?? DEFAULT_RESPONSE_CACHE_MB;
  const responseCache = cacheMb > 0 ? new ResponseCache(cacheMb * 1024 * 1024) : null;
  const cacheable = new WeakSet<object>();
  apollo.addPlugin(createCacheablePlugin((context) => cacheable.add(context.request)));
  const releases = new ReleaseReader(options.store);
  const gzipper = createGzipper((error) => {
    log({
      level: 'error',
      msg: 'the gzip worker failed; compressing without it from now on',
      error: errorText(error),
    });
  });
  const graphql = createGraphQLHandler({
    releases,
    reviewPolicy: options.reviewPolicy ?? 'required',
    apollo,
    store: options.store,
    users: options.users,
    limits,
    requireAuthForReads: options.requireAuthForReads ?? false,
    log,
    onContext: (context, record) => records.set(context.request, record),
    running,
    responseCache,
    isCacheable: (context) => cacheable.has(context.request),
    gzipper,
  });

  const checkHealth = createHealthCheck(options.store, options.version, limits.healthTimeoutMs);

  let state: AppState = { phase: 'created' };
  const route = async (
    req: http.IncomingMessage,
    res: http.ServerResponse,
    record: RequestRecord,
    url: URL,
  ) => {
    if (url.pathname === '/graphql') {
      // A person opening the API in a browser wants the IDE, not an error about a missing query.
      if (wantsIdePage(req, url)) {
        res.writeHead(302, { location: '/graphiql' });
        res.end();
        return;
      }
      return graphql(req, res, url, record);
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      sendGraphQLError(res, 405, 'METHOD_NOT_ALLOWED', `Only GET and HEAD are allowed on ${url.pathname}`, {
        allow: 'GET, HEAD',
      });
      return;
    }
    if (url.pathname === '/healthz') {
      const health = await checkHealth(responseCache?.stats() ?? null);
      sendJson(res, health.status, health.body);
      return;
    }
    res.setHeader('content-security-policy', EXPLORER_CSP);
    res.setHeader('x-frame-options', 'DENY');
    await serveStatic(req, res, url.pathname, options.webDir ?? null);
  };

  const onRequest = (req: http.IncomingMessage, res: http.ServerResponse) => {
    const url = URL.parse(req.url ?? '/', 'http://localhost');
    const record: RequestRecord = {
      method: req.method ?? 'GET',
      path: url?.pathname ?? '(malformed)',
      operationName: null,
      viewer: null,
    };
    logWhenDone(log, res, record);
    active.add(res);
    res.once('close', () => active.delete(res));
    res.setHeader('x-content-type-options', 'nosniff');
    if (state.phase !== 'listening') res.setHeader('connection', 'close');
    if (url === null) {
      sendGraphQLError(res, 400, 'BAD_REQUEST', 'Malformed request URL');
      return;
    }
    route(req, res, record, url).catch((error: unknown) => {
      log({ level: 'error', msg: 'request failed', path: record.path, error: errorText(error) });
      if (!res.headersSent) sendGraphQLError(res, 500, 'INTERNAL_SERVER_ERROR', 'Internal server error');
      else res.destroy();
    });
  };

  const closeResources = async () => {
    for (const [name, close] of [
      ['gzip worker', () => gzipper.close()],
      ['releases', () => releases.close()],
      ['graph store', () => options.store.close()],
      ['user store', () => options.users.close()],
    ] as const) {
      try {
        await close();
      } catch (error) {
        log({ level: 'error', msg: `closing the ${name} failed`, error: errorText(error) });
      }
    }
  };

  return {
    get state() {
      return state;
    },
    async listen(port, host) {
      if (state.phase !== 'created') throw new Error(`cannot listen: the app is ${state.phase}`);
      await startGraphQL(apollo, options.store);
      const server = http.createServer(onRequest);
      try {
        await new Promise<void>((resolve, reject) => {
          server.once('error', reject);
          server.listen(port, host, () => {
            server.off('error', reject);
            resolve();
          });
        });
      } catch (error) {
        await apollo.stop();
        throw error;
      }
      const url = urlOf(server.address() as AddressInfo);
      state = { phase: 'listening', server, url };
      log({ msg: 'listening', url });
      return url;
    },
    close() {
      switch (state.phase) {
        case 'created': {
          const stopped = closeResources().then(() => {
            state = { phase: 'stopped' };
          });
          state = { phase: 'stopping', stopped };
          return stopped;
        }
        case 'listening': {
          const { server } = state;
          const stopped = (async () => {
            log({ msg: 'stopping', inFlight: active.size });
            for (const res of active) if (!res.headersSent) res.setHeader('connection', 'close');
            const deadline = Date.now() + limits.shutdownGraceMs;
            await drain(server, deadline);
            // Requests that timed out may still be running; they need the stores until they end.
            await settleBy([...running], deadline);
            await apollo.stop();
            await closeResources();
            state = { phase: 'stopped' };
            log({ msg: 'stopped' });
          })();
          state = { phase: 'stopping', stopped };
          return stopped;
        }
        case 'stopping':
          return state.stopped;
        case 'stopped':
          return Promise.resolve();
        default:
          throw new Error(`unreachable app state ${JSON.stringify(state satisfies never)}`);
      }
    },
  };
}

/**
 * Starts Apollo without its own SIGINT/SIGTERM handlers (which would stop it under requests still in
 * flight and re-raise the signal): the app owns shutdown. A probe query surfaces any startup error.
 */
async function startGraphQL(apollo: ApolloServer<FibroGraphContext>, store: GraphStore): Promise<void> {
  apollo.startInBackgroundHandlingStartupErrorsByLoggingAndFailingAllRequests();
  await apollo.executeOperation({ query: '{ __typename }' }, { contextValue: createContext({ store }) });
}

function urlOf(address: AddressInfo): string {
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  return `http://${host}:${address.port}`;
}

/** A browser's plain visit to /graphql: a GET for HTML with no query in it. */
function wantsIdePage(req: http.IncomingMessage, url: URL): boolean {
  return (
    (req.method === 'GET' || req.method === 'HEAD') &&
    !url.searchParams.has('query') &&
    (req.headers.accept ?? '').includes('text/html')
  );
}

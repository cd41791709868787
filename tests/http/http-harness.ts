/** Runs the real HTTP app on 127.0.0.1, port 0, over a store the caller opens, and talks to it with fetch. */
import { createApp, silentLog, type App, type AppOptions } from '../../server/src/http/index.ts';
import type { GraphStats, GraphStore } from '../../server/src/store/graph-store.ts';
import type { UserStore } from '../../server/src/users/user-store.ts';

/** A listening app and its base URL. */
export interface RunningApp {
  readonly app: App;
  readonly url: string;
  readonly store: GraphStore;
  readonly users: UserStore;
}

/** Starts an app over `store` and `users` (it takes them over and closes them on `app.close()`). */
export async function startApp(
  store: GraphStore,
  users: UserStore,
  options: Partial<Omit<AppOptions, 'store' | 'users'>> = {},
): Promise<RunningApp> {
  // Review off unless a test turns it on: most HTTP tests are about the transport, not the workflow.
  const app = createApp({
    store,
    users,
    version: '0.0.0-test',
    log: silentLog,
    reviewPolicy: 'off',
    ...options,
  });
  const url = await app.listen(0, '127.0.0.1');
  return { app, url, store, users };
}

/** A parsed HTTP response. */
export interface JsonResponse {
  readonly status: number;
  readonly headers: Headers;
  readonly body: GraphQLBody;
}

/** The JSON body of a GraphQL response (or of the HTTP layer's own errors, which share its shape). */
export interface GraphQLBody {
  readonly data?: Record<string, unknown> | null;
  readonly errors?: readonly { message: string; extensions?: Record<string, unknown> }[];
  readonly [key: string]: unknown;
}

/** POSTs a GraphQL operation as JSON, with a bearer token when given. */
export async function postGraphQL(
  url: string,
  query: string,
  options: {
    variables?: Record<string, unknown>;
    token?: string;
    headers?: Record<string, string>;
    operationName?: string;
  } = {},
): Promise<JsonResponse> {
  const { variables, token, headers = {}, operationName } = options;
  return send(`${url}/graphql`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(token === undefined ? {} : { authorization: `Bearer ${token}` }),
      ...headers,
    },
    body: JSON.stringify({
      query,
      ...(variables ? { variables } : {}),
      ...(operationName ? { operationName } : {}),
    }),
  });
}

/** Sends any request and parses the JSON answer. */
export async function send(url: string, init: RequestInit = {}): Promise<JsonResponse> {
  const response = await fetch(url, init);
  const text = await response.text();
  let body: GraphQLBody;
  try {
    body = JSON.parse(text) as GraphQLBody;
  } catch {
    throw new Error(`expected JSON from ${url}, got ${response.status}: ${text.slice(0, 200)}`);
  }
  return { status: response.status, headers: response.headers, body };
}

/** The `extensions.code` of the only error in a body. */
export function errorCode(body: GraphQLBody): unknown {
  if (body.errors?.length !== 1) throw new Error(`expected one error, got ${JSON.stringify(body)}`);
  return body.errors[0]?.extensions?.['code'];
}

/** The only error of a body. */
export function onlyError(body: GraphQLBody): { message: string; extensions: Record<string, unknown> } {
  const [error, ...rest] = body.errors ?? [];
  if (error === undefined || rest.length > 0)
    throw new Error(`expected one error, got ${JSON.stringify(body)}`);
  return { message: error.message, extensions: error.extensions ?? {} };
}

/** A store whose `stats()` (and so `{ stats }` and /healthz) is `stats(original)`. */
export function replaceStats(
  store: GraphStore,
  stats: (original: () => Promise<GraphStats>) => Promise<GraphStats>,
): GraphStore {
  return new Proxy(store, {
    get(target, property) {
      if (property === 'stats') return () => stats(() => target.stats());
      const value: unknown = Reflect.get(target, property, target);
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
    },
  });
}

/** A store whose `stats()` takes `delayMs` longer. */
export function slowStats(store: GraphStore, delayMs: number): GraphStore {
  return replaceStats(store, async (original) => {
    await new Promise((resolve) => setTimeout(resolve, delayMs));
    return original();
  });
}

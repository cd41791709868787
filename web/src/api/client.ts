/**
 * The explorer's GraphQL client: typed query strings from codegen, sent with fetch to /graphql (the
 * same origin in production, proxied by Vite in development). Reads are cached per query+variables
 * for the page's life and dropped after any successful mutation, so an edit shows at once. Errors
 * come back as `ApiError` with the server's `extensions.code`, offending field and current version.
 */
import type { DocumentTypeDecoration } from '@graphql-typed-document-node/core';
import { READING_RELEASE } from './release.ts';

/** A GraphQL or HTTP failure, with what the server said about it. */
export class ApiError extends Error {
  constructor(
    message: string,
    /** BAD_USER_INPUT, NOT_FOUND, CONFLICT, UNAUTHENTICATED, FORBIDDEN, NETWORK, … */
    readonly code: string,
    /** For BAD_USER_INPUT: the input field at fault, e.g. `input.name`. */
    readonly field: string | null = null,
    /** For CONFLICT: the record's version now. */
    readonly currentVersion: number | null = null,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

interface GraphQLErrorJson {
  readonly message: string;
  readonly extensions?: { readonly code?: string; readonly field?: string; readonly currentVersion?: number };
}

interface ResponseJson<T> {
  readonly data?: T | null;
  readonly errors?: readonly GraphQLErrorJson[];
}

const TOKEN_KEY = 'fibrograph.token';
// A release is read by asking the API for it; see ./release.ts.
const ENDPOINT = READING_RELEASE === null ? '/graphql' : `/graphql?release=${READING_RELEASE}`;

/** The editor's bearer token for this tab (sessionStorage: gone when the tab closes). */
export function storedToken(): string | null {
  try {
    return sessionStorage.getItem(TOKEN_KEY);
  } catch {
    return null;
  }
}

export function storeToken(token: string | null): void {
  try {
    if (token === null) sessionStorage.removeItem(TOKEN_KEY);
    else sessionStorage.setItem(TOKEN_KEY, token);
  } catch {
    // Storage can be disabled; the token then lasts until reload.
  }
  memoryToken = token;
  forgetReads();
}

let memoryToken: string | null = null;
const readCache = new Map<string, Promise<unknown>>();

/**
 * Which generation of reads is current: it moves on whenever cached reads are forgotten (after a
 * write, a sign-in or sign-out, or on demand), and every view that loads through `useRemote` (or
 * watches it with `subscribeReads`) fetches its answer again. This replaces refresh counters passed
 * from component to component.
 */
let readGeneration = 0;
const readListeners = new Set<() => void>();

/** The current read generation (for React's useSyncExternalStore). */
export function readEpoch(): number {
  return readGeneration;
}

/** Calls `listener` when the read generation moves on; returns the unsubscribe function. */
export function subscribeReads(listener: () => void): () => void {
  readListeners.add(listener);
  return () => readListeners.delete(listener);
}

function forgetReads(): void {
  readCache.clear();
  readGeneration += 1;
  for (const listener of readListeners) listener();
}

/** Options for one request. */
export interface RequestOptions {
  /** Skip the read cache (always for mutations). */
  readonly fresh?: boolean;
  readonly signal?: AbortSignal;
  /** Send this token instead of the stored one (sign-in checks a token before storing it). */
  readonly token?: string | null;
}

/** Runs a query (cached) or mutation (never cached; clears the cache when it succeeds). */
export function request<TResult, TVariables>(
  // Any generated query string (the reader's and the editor's files each declare their own class).
  document: DocumentTypeDecoration<TResult, TVariables> & { toString(): string },
  variables: TVariables,
  options: RequestOptions = {},
): Promise<TResult> {
  const query = document.toString();
  const isMutation = /^\s*mutation\b/.test(query);
  const key = `${query}\n${JSON.stringify(variables ?? {})}`;
  if (!isMutation && !options.fresh && options.token === undefined) {
    const cached = readCache.get(key);
    if (cached) return cached as Promise<TResult>;
  }
  const pending = send<TResult>(query, variables, options);
  if (isMutation) {
    return pending.then((result) => {
      forgetReads();
      return result;
    });
  }
  if (options.token === undefined) {
    readCache.set(key, pending);
    pending.catch(() => readCache.delete(key));
  }
  return pending;
}

/** Forgets every cached read (after an edit made elsewhere, or on demand); open views fetch again. */
export function clearReadCache(): void {
  forgetReads();
}

async function send<T>(query: string, variables: unknown, options: RequestOptions): Promise<T> {
  const token = options.token === undefined ? (memoryToken ?? storedToken()) : options.token;
  const headers: Record<string, string> = { 'content-type': 'application/json', accept: 'application/json' };
  if (token) headers['authorization'] = `Bearer ${token}`;
  let response: Response;
  try {
    response = await fetch(ENDPOINT, {
      method: 'POST',
      headers,
      body: JSON.stringify({ query, variables }),
      ...(options.signal ? { signal: options.signal } : {}),
    });
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    throw new ApiError(
      'The FibroGraph server could not be reached. Check your connection and try again.',
      'NETWORK',
    );
  }
  let json: ResponseJson<T>;
  try {
    json = (await response.json()) as ResponseJson<T>;
  } catch {
    throw new ApiError(
      `The server answered ${response.status} without a readable body.`,
      `HTTP_${response.status}`,
    );
  }
  const first = json.errors?.[0];
  if (first) {
    const extensions = first.extensions ?? {};
    throw new ApiError(
      first.message,
      extensions.code ?? `HTTP_${response.status}`,
      extensions.field ?? null,
      extensions.currentVersion ?? null,
    );
  }
  if (!response.ok || json.data == null) {
    throw new ApiError(`The server answered ${response.status}.`, `HTTP_${response.status}`);
  }
  return json.data;
}

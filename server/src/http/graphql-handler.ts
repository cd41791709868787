/**
 * The /graphql adapter: translates a node:http request into Apollo's HTTPGraphQLRequest and back,
 * after signing the viewer in and reading the body within its cap, and gives up after a timeout.
 * Answers are gzipped for clients that accept it, and read-only answers are reused from the response
 * cache while the graph is unchanged (see response-cache.ts).
 */
import { HeaderMap, type ApolloServer, type HTTPGraphQLResponse } from '@apollo/server';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { createContext, type FibroGraphContext } from '../graphql/index.ts';
import { FibroGraphError, ValidationError } from '../domain/errors.ts';
import type { ReviewPolicy, Viewer } from '../graphql/context.ts';
import { releaseNumberOf, type OpenRelease, type ReleaseReader } from '../review/release-reader.ts';
import type { GraphStore } from '../store/graph-store.ts';
import type { UserStore } from '../users/user-store.ts';
import { authenticateRequest } from './auth.ts';
import { acceptsGzip, MIN_COMPRESSED_BYTES, type Gzipper } from './compression.ts';
import { sendGraphQLError } from './json-response.ts';
import type { HttpLimits } from './limits.ts';
import { parseBody, readBody } from './request-body.ts';
import { errorText, type Log, type RequestRecord } from './request-log.ts';
import { responseCacheKey, type EncodedResponse, type ResponseCache } from './response-cache.ts';

/** What the adapter needs. */
export interface GraphQLHandlerOptions {
  readonly apollo: ApolloServer<FibroGraphContext>;
  readonly store: GraphStore;
  readonly users: UserStore;
  readonly limits: HttpLimits;
  /** Refuse anonymous reads too (401). */
  readonly requireAuthForReads: boolean;
  readonly log: Log;
  /** Called with each request's context, so plugins can report back to the request log. */
  readonly onContext: (context: FibroGraphContext, record: RequestRecord) => void;
  /** Executions still running, including ones whose client already got a timeout; shutdown waits for them. */
  readonly running: Set<Promise<unknown>>;
  /** Reusable answers; null turns caching off. */
  readonly responseCache: ResponseCache | null;
  /** Whether the cacheable-answer plugin marked this request's answer as reusable. */
  readonly isCacheable: (context: FibroGraphContext) => boolean;
  /** Opens the release a request reads with `?release=N`. */
  readonly releases: ReleaseReader;
  /** Whether editors' changes go through review. */
  readonly reviewPolicy: ReviewPolicy;
  /** Compresses answers off the event loop. */
  readonly gzipper: Gzipper;
}

/** Handles one request to /graphql. */
export type GraphQLHandler = (
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
  record: RequestRecord,
) => Promise<void>;

/** Builds the /graphql handler. */
export function createGraphQLHandler(options: GraphQLHandlerOptions): GraphQLHandler {
  const { apollo, store, users, limits, log, responseCache } = options;
  return async (req, res, url, record) => {
    const method = req.method ?? 'GET';
    if (method !== 'GET' && method !== 'POST') {
      sendGraphQLError(res, 405, 'METHOD_NOT_ALLOWED', 'Use POST, or GET for queries', {
        allow: 'GET, POST',
      });
      return;
    }
    const auth = await authenticateRequest(req.headers.authorization, users, req.socket.remoteAddress);
    if (auth.kind === 'refused') {
      if (auth.cause !== undefined)
        log({ level: 'error', msg: 'sign-in failed', error: errorText(auth.cause) });
      const headers: Record<string, string> =
        auth.status === 401
          ? { 'www-authenticate': 'Bearer' }
          : auth.retryAfterSeconds === undefined
            ? {}
            : { 'retry-after': String(auth.retryAfterSeconds) };
      const extensions =
        auth.retryAfterSeconds === undefined ? {} : { retryAfterSeconds: auth.retryAfterSeconds };
      sendGraphQLError(res, auth.status, auth.code, auth.message, headers, extensions);
      return;
    }
    const viewer = auth.kind === 'viewer' ? auth.viewer : null;
    record.viewer = viewer?.name ?? null;
    const after = bookmarksOf(req.headers[BOOKMARK_HEADER]);
    if (after === null) {
      const message = `The ${BOOKMARK_HEADER} header must be up to ${MAX_BOOKMARKS} bookmarks, as a write's answer gave them`;
      sendGraphQLError(res, 400, 'BAD_REQUEST', message);
      return;
    }
    const answer = () => answerRequest(req, res, url, record, method, viewer);
    try {
      await (store.withBookmarks === undefined ? answer() : store.withBookmarks(after, answer));
    } catch (error) {
      // Neo4j refusing the bookmark itself, at the first read: the client's header was wrong.
      if (!(error instanceof ValidationError && error.field === 'bookmark')) throw error;
      sendGraphQLError(res, 400, 'BAD_REQUEST', `The ${BOOKMARK_HEADER} header: ${error.message}`);
    }
  };

  async function answerRequest(
    req: IncomingMessage,
    res: ServerResponse,
    url: URL,
    record: RequestRecord,
    method: 'GET' | 'POST',
    viewer: Viewer | null,
  ): Promise<void> {
    if (viewer === null && options.requireAuthForReads) {
      sendGraphQLError(res, 401, 'UNAUTHENTICATED', 'This server requires a token for every request', {
        'www-authenticate': 'Bearer',
      });
      return;
    }
    const reading = await openReleaseOf(url, options.releases);
    if (reading instanceof FibroGraphError) {
      const status = reading.code === 'NOT_FOUND' ? 404 : 400;
      sendGraphQLError(res, status, status === 404 ? 'NOT_FOUND' : 'BAD_USER_INPUT', reading.message);
      return;
    }
    const encoding = acceptsGzip(req.headers['accept-encoding']) ? 'gzip' : 'identity';
    // Where this request's answer lives in the cache; null when it is not one to reuse.
    let slot: { readonly cache: ResponseCache; readonly key: string; readonly revision: number } | null =
      null;
    let body: unknown = undefined;
    if (method === 'POST') {
      const read = await readBody(req, limits.maxBodyBytes);
      if (read.kind === 'too-large') {
        const message = `The request body is larger than the limit of ${limits.maxBodyBytes} bytes`;
        // The rest of the body is never read, so the connection cannot be reused.
        sendGraphQLError(res, 413, 'PAYLOAD_TOO_LARGE', message, { connection: 'close' });
        return;
      }
      const parsed = parseBody(req.headers['content-type'], read.text);
      switch (parsed.kind) {
        case 'json': {
          body = parsed.value;
          // Only JSON POSTs: they have passed CSRF prevention by their content type alone.
          // Read before the answer's reads, so one computed during a write is filed under the old revision.
          const revision = responseCache === null ? null : await store.revision();
          if (responseCache !== null && revision !== null) {
            const key = responseCacheKey({
              // Name and role: an answer about the viewer (`viewer { role }`) must follow a role change.
              viewer: viewer === null ? null : `${viewer.name}:${viewer.role}`,
              release: reading?.release.number ?? null,
              accept: req.headers.accept,
              encoding,
              body: read.text,
            });
            slot = { cache: responseCache, key, revision };
          }
          break;
        }
        case 'not-json':
          break;
        case 'invalid-json':
          sendGraphQLError(res, 400, 'BAD_REQUEST', 'The request body is not valid JSON');
          return;
        case 'unsupported-charset':
          sendGraphQLError(
            res,
            415,
            'UNSUPPORTED_MEDIA_TYPE',
            `Unsupported charset "${parsed.charset}"; use utf-8`,
          );
          return;
      }
    }
    if (slot !== null) {
      const cached = slot.cache.get(slot.key, slot.revision);
      record.cache = cached === undefined ? 'miss' : 'hit';
      if (cached !== undefined) {
        record.operationName = cached.operationName;
        send(res, cached.response);
        return;
      }
    }
    const context = createContext({
      store,
      viewer,
      reading,
      reviewPolicy: options.reviewPolicy,
      clientAddress: req.socket.remoteAddress ?? 'unknown',
    });
    options.onContext(context, record);
    const execution = apollo.executeHTTPGraphQLRequest({
      httpGraphQLRequest: { method, headers: headerMapOf(req), search: url.search, body },
      context: () => Promise.resolve(context),
    });
    const response = await withinTimeout(execution, limits.timeoutMs, options.running);
    if (response === TIMED_OUT) {
      const message = `The request took longer than ${limits.timeoutMs} ms and was abandoned; a mutation may still have been applied (check history)`;
      sendGraphQLError(res, 503, 'SERVICE_UNAVAILABLE', message, {}, { reason: 'TIMEOUT' });
      return;
    }
    if (response.body.kind === 'chunked') {
      await streamResponse(res, response);
      return;
    }
    const encoded = await encodeResponse(response, response.body.string, encoding, options.gzipper);
    if (slot !== null && options.isCacheable(context)) {
      slot.cache.set(slot.key, slot.revision, { response: encoded, operationName: record.operationName });
    }
    // Never in the cache: only an answer that wrote something has bookmarks to give back.
    const written = store.writtenBookmarks?.() ?? [];
    if (written.length > 0) res.setHeader(BOOKMARK_HEADER, written.join(','));
    send(res, encoded);
  }
}

/** The release `?release=N` names, opened; null without the parameter; the error for a bad one. */
async function openReleaseOf(
  url: URL,
  releases: ReleaseReader,
): Promise<OpenRelease | null | FibroGraphError> {
  const asked = url.searchParams.get('release');
  if (asked === null) return null;
  try {
    return await releases.open(releaseNumberOf(asked));
  } catch (error) {
    if (error instanceof FibroGraphError) return error;
    throw error;
  }
}

/**
 * Read-your-writes across API replicas: a write's answer carries its bookmarks in this header, and a
 * client that sends them back gets reads that see that write, whichever replica answers.
 */
export const BOOKMARK_HEADER = 'fibrograph-bookmark';
const MAX_BOOKMARKS = 16;
const BOOKMARK = /^[A-Za-z0-9:+/=_.-]{1,512}$/;

/** The bookmarks a request sent ([] for none), or null when the header is not a list of bookmarks. */
export function bookmarksOf(header: string | string[] | undefined): string[] | null {
  if (header === undefined) return [];
  const parts = (Array.isArray(header) ? header.join(',') : header)
    .split(',')
    .map((part) => part.trim())
    .filter((part) => part !== '');
  if (parts.length > MAX_BOOKMARKS || !parts.every((part) => BOOKMARK.test(part))) return null;
  return parts;
}

/** Apollo's view of the request headers. */
function headerMapOf(req: IncomingMessage): HeaderMap {
  const headers = new HeaderMap();
  for (const [name, value] of Object.entries(req.headers)) {
    if (value !== undefined) headers.set(name, Array.isArray(value) ? value.join(', ') : value);
  }
  return headers;
}

const TIMED_OUT = Symbol('timed out');

/**
 * The result of `work`, or TIMED_OUT after `ms`. Apollo cannot cancel an execution, so one that times
 * out keeps running in `running` (shutdown waits for it) and its result is dropped.
 */
async function withinTimeout<T>(
  work: Promise<T>,
  ms: number,
  running: Set<Promise<unknown>>,
): Promise<T | typeof TIMED_OUT> {
  const settled = work.then(
    () => undefined,
    () => undefined,
  );
  running.add(settled);
  void settled.then(() => running.delete(settled));
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<typeof TIMED_OUT>((resolve) => {
    timer = setTimeout(() => {
      resolve(TIMED_OUT);
    }, ms);
  });
  try {
    return await Promise.race([work, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/** The complete answer as it goes on the wire: gzipped when the client accepts it and it is large. */
async function encodeResponse(
  response: HTTPGraphQLResponse,
  text: string,
  encoding: 'gzip' | 'identity',
  gzipper: Gzipper,
): Promise<EncodedResponse> {
  const headers: [string, string][] = [...response.headers];
  if (!response.headers.has('cache-control')) headers.push(['cache-control', 'no-store']);
  headers.push(['vary', 'accept-encoding']);
  // The worker takes the text itself, so a gzipped answer is never encoded to bytes here.
  if (encoding === 'identity' || Buffer.byteLength(text, 'utf8') < MIN_COMPRESSED_BYTES) {
    return { status: response.status ?? 200, headers, body: Buffer.from(text, 'utf8') };
  }
  headers.push(['content-encoding', 'gzip']);
  return { status: response.status ?? 200, headers, body: await gzipper.gzip(text) };
}

function send(res: ServerResponse, response: EncodedResponse): void {
  for (const [name, value] of response.headers) res.setHeader(name, value);
  res.statusCode = response.status;
  res.setHeader('content-length', response.body.length);
  res.end(response.body);
}

/** An incremental (multipart) answer, written as Apollo produces it; never compressed or cached. */
async function streamResponse(res: ServerResponse, response: HTTPGraphQLResponse): Promise<void> {
  if (response.body.kind !== 'chunked') return;
  for (const [name, value] of response.headers) res.setHeader(name, value);
  if (!res.hasHeader('cache-control')) res.setHeader('cache-control', 'no-store');
  res.statusCode = response.status ?? 200;
  for await (const chunk of response.body.asyncIterator) res.write(chunk);
  res.end();
}

/**
 * The /graphql adapter: translates a node:http request into Apollo's HTTPGraphQLRequest and back,
 * after signing the viewer in and reading the body within its cap, and gives up after a timeout.
 */
import { HeaderMap, type ApolloServer, type HTTPGraphQLResponse } from '@apollo/server';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { createContext, type FibroGraphContext } from '../graphql/index.ts';
import type { GraphStore } from '../store/graph-store.ts';
import type { UserStore } from '../users/user-store.ts';
import { authenticateRequest } from './auth.ts';
import { sendGraphQLError } from './json-response.ts';
import type { HttpLimits } from './limits.ts';
import { parseBody, readBody } from './request-body.ts';
import { errorText, type Log, type RequestRecord } from './request-log.ts';

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
  const { apollo, store, users, limits, log } = options;
  return async (req, res, url, record) => {
    const method = req.method ?? 'GET';
    if (method !== 'GET' && method !== 'POST') {
      sendGraphQLError(res, 405, 'METHOD_NOT_ALLOWED', 'Use POST, or GET for queries', {
        allow: 'GET, POST',
      });
      return;
    }
    const auth = await authenticateRequest(req.headers.authorization, users);
    if (auth.kind === 'refused') {
      if (auth.cause !== undefined)
        log({ level: 'error', msg: 'sign-in failed', error: errorText(auth.cause) });
      const challenge: Record<string, string> = auth.status === 401 ? { 'www-authenticate': 'Bearer' } : {};
      sendGraphQLError(res, auth.status, auth.code, auth.message, challenge);
      return;
    }
    const viewer = auth.kind === 'viewer' ? auth.viewer : null;
    record.viewer = viewer?.name ?? null;
    if (viewer === null && options.requireAuthForReads) {
      sendGraphQLError(res, 401, 'UNAUTHENTICATED', 'This server requires a token for every request', {
        'www-authenticate': 'Bearer',
      });
      return;
    }
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
        case 'json':
          body = parsed.value;
          break;
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
    const context = createContext({ store, viewer });
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
    await writeResponse(res, response);
  };
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

async function writeResponse(res: ServerResponse, response: HTTPGraphQLResponse): Promise<void> {
  for (const [name, value] of response.headers) res.setHeader(name, value);
  if (!res.hasHeader('cache-control')) res.setHeader('cache-control', 'no-store');
  res.statusCode = response.status ?? 200;
  if (response.body.kind === 'complete') {
    res.end(response.body.string);
    return;
  }
  for await (const chunk of response.body.asyncIterator) res.write(chunk);
  res.end();
}

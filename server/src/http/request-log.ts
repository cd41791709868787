/** Structured logs: one JSON object per line on stdout, and one line per request. */
import type { ServerResponse } from 'node:http';

/** One log line; `msg` says what happened, the other fields are data. */
export type LogLine = Readonly<Record<string, unknown>> & {
  readonly msg: string;
  readonly level?: 'info' | 'error';
};

/** Where log lines go. */
export type Log = (line: LogLine) => void;

/** Writes each line to stdout as JSON with a timestamp. */
export const stdoutLog: Log = (line) => {
  process.stdout.write(`${JSON.stringify({ time: new Date().toISOString(), level: 'info', ...line })}\n`);
};

/** Discards everything (tests). */
export const silentLog: Log = () => undefined;

/** What the request log says about one request; handlers fill in what they learn. */
export interface RequestRecord {
  readonly method: string;
  /** The path without the query string (GET queries and their variables are not logged). */
  readonly path: string;
  operationName: string | null;
  viewer: string | null;
  /** For a cacheable /graphql request: whether the response cache had the answer. */
  cache?: 'hit' | 'miss';
}

/** Logs `record` once the response is finished or the connection dropped. */
export function logWhenDone(log: Log, res: ServerResponse, record: RequestRecord): void {
  const started = performance.now();
  res.once('close', () => {
    log({
      msg: 'request',
      method: record.method,
      path: record.path,
      status: res.statusCode,
      durationMs: Math.round((performance.now() - started) * 10) / 10,
      ...(record.operationName === null ? {} : { operationName: record.operationName }),
      ...(record.viewer === null ? {} : { viewer: record.viewer }),
      ...(record.cache === undefined ? {} : { cache: record.cache }),
      ...(res.writableFinished ? {} : { aborted: true }),
    });
  });
}

/** A one-line description of a caught value, for logs. */
export function errorText(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}

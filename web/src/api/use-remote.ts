/**
 * The one way the explorer loads data into a component: `useRemote(key, load)` runs `load` whenever
 * `key` names something new, drops a late answer to an earlier key, retries on `reload()`, and loads
 * again when the reads it was built from are forgotten (after any write; see `readEpoch` in
 * client.ts). The request function comes from `RequestContext`, so a caller (a test page, another
 * endpoint) can put its own in. One vocabulary everywhere: idle, loading, error, ready.
 */
import { createContext, useCallback, useContext, useEffect, useState, useSyncExternalStore } from 'react';
import { ApiError, readEpoch, request, subscribeReads } from './client.ts';

/** The request function loads go through (client.ts's `request` unless a provider says otherwise). */
export type RequestFn = typeof request;
export const RequestContext = createContext<RequestFn>(request);

/** Where a load stands. `data` is the answer; while loading or after an error, the answer kept (see `keep`). */
export type Remote<T> =
  | { readonly status: 'idle'; readonly data: null; readonly error: null }
  | { readonly status: 'loading'; readonly data: T | null; readonly error: null }
  | { readonly status: 'error'; readonly data: T | null; readonly error: ApiError }
  | { readonly status: 'ready'; readonly data: T; readonly error: null };

export interface RemoteOptions {
  /**
   * Which earlier answer stays on screen while a new one loads or after it fails: one for the same
   * key only (a refetch of the same subject, the default), any (a scene changing focus), or none.
   */
  readonly keep?: 'same-key' | 'any' | 'none';
  /** Load again when the reads are forgotten after a write (default true; an edit form loads once). */
  readonly followWrites?: boolean;
}

/** An answer as it settled: for which key and which attempt. */
export interface Settled<T> {
  readonly key: string;
  readonly attemptKey: string;
  readonly result: { readonly ok: true; readonly data: T } | { readonly ok: false; readonly error: ApiError };
}

/** The state a component sees, from the key it wants and the last settled answer. Pure. */
export function remoteState<T>(
  key: string | null,
  attemptKey: string | null,
  settled: Settled<T> | null,
  keep: NonNullable<RemoteOptions['keep']> = 'same-key',
): Remote<T> {
  if (key === null || attemptKey === null) return { status: 'idle', data: null, error: null };
  const kept =
    settled !== null && settled.result.ok && (keep === 'any' || (keep === 'same-key' && settled.key === key))
      ? settled.result.data
      : null;
  if (settled === null || settled.attemptKey !== attemptKey)
    return { status: 'loading', data: kept, error: null };
  return settled.result.ok
    ? { status: 'ready', data: settled.result.data, error: null }
    : { status: 'error', data: kept, error: settled.result.error };
}

/** Any failure as an ApiError, so every caller can read `.message` and `.code`. */
export function toApiError(error: unknown): ApiError {
  if (error instanceof ApiError) return error;
  return new ApiError(error instanceof Error ? error.message : String(error), 'INTERNAL');
}

const stayStill = (): (() => void) => () => undefined;

/**
 * Loads `load(request)` for `key` (null: nothing to load). Keep `key` a string that names everything
 * `load` depends on.
 */
export function useRemote<T>(
  key: string | null,
  load: (send: RequestFn) => Promise<T>,
  options: RemoteOptions = {},
): Remote<T> & { readonly reload: () => void } {
  const { keep = 'same-key', followWrites = true } = options;
  const send = useContext(RequestContext);
  const epoch = useSyncExternalStore(
    followWrites ? subscribeReads : stayStill,
    followWrites ? readEpoch : zero,
  );
  const [attempt, setAttempt] = useState(0);
  const attemptKey = key === null ? null : `${key}\n#${epoch}.${attempt}`;
  const [settled, setSettled] = useState<Settled<T> | null>(null);

  useEffect(() => {
    if (key === null || attemptKey === null) return;
    let current = true;
    load(send).then(
      (data) => current && setSettled({ key, attemptKey, result: { ok: true, data } }),
      (error: unknown) =>
        current && setSettled({ key, attemptKey, result: { ok: false, error: toApiError(error) } }),
    );
    return () => {
      current = false;
    };
    // `attemptKey` names what `load` fetches, the read generation and each retry.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [attemptKey, send]);

  const reload = useCallback(() => setAttempt((value) => value + 1), []);
  return { ...remoteState(key, attemptKey, settled, keep), reload };
}

function zero(): number {
  return 0;
}

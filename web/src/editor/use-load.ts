/** Loads what a form starts from, with a reload; state is set only when the request settles. */
import { useCallback, useEffect, useState } from 'react';
import { toErrorLike, type ErrorLike } from './field-errors.ts';

/** Where a load is. */
export type Loaded<T> =
  | { readonly status: 'loading' }
  | { readonly status: 'failed'; readonly error: ErrorLike }
  | { readonly status: 'ready'; readonly data: T };

interface Settled<T> {
  readonly load: () => Promise<T>;
  readonly attempt: number;
  readonly result: Loaded<T>;
}

/**
 * Runs `load` (keep it stable with useCallback: a new function means new data) and again on
 * `reload()`. A result is shown only while it belongs to the current function and attempt, so
 * a change of subject reads as "loading" without resetting state inside the effect.
 */
export function useLoad<T>(load: () => Promise<T>): readonly [Loaded<T>, () => void] {
  const [attempt, setAttempt] = useState(0);
  const [settled, setSettled] = useState<Settled<T> | null>(null);

  useEffect(() => {
    let live = true;
    load().then(
      (data) => live && setSettled({ load, attempt, result: { status: 'ready', data } }),
      (error: unknown) =>
        live && setSettled({ load, attempt, result: { status: 'failed', error: toErrorLike(error) } }),
    );
    return () => {
      live = false;
    };
  }, [load, attempt]);

  const reload = useCallback(() => setAttempt((n) => n + 1), []);
  const current = settled !== null && settled.load === load && settled.attempt === attempt;
  return [current ? settled.result : { status: 'loading' }, reload];
}

/**
 * Loading in the reader's panels: `useLoaded` runs a request per key and drops late answers to an
 * earlier key; `LoadFailure` says what failed and offers a retry.
 */
import { useEffect, useState } from 'react';

/** A failed load in a reader's panel, with a retry. */
export function LoadFailure({
  what,
  message,
  onRetry,
}: {
  readonly what: string;
  readonly message: string;
  readonly onRetry: () => void;
}) {
  return (
    <div className="question-error" role="alert">
      <p>
        Could not load {what}: {message}
      </p>
      <button type="button" onClick={onRetry}>
        Try again
      </button>
    </div>
  );
}

/** A request's lifecycle as this panel shows it. */
export type Loaded<T> =
  | { readonly status: 'loading' }
  | { readonly status: 'error'; readonly message: string; readonly retry: () => void }
  | { readonly status: 'ready'; readonly data: T };

type Settled<T> = { readonly ok: true; readonly data: T } | { readonly ok: false; readonly message: string };

/**
 * Runs `load` whenever `key` changes and returns where it stands. The answer is stored with the key it
 * belongs to, so a different key reads as "loading" without setting state in the effect, and a late
 * answer to an earlier key is dropped.
 */
export function useLoaded<T>(key: string, load: () => Promise<T>): Loaded<T> {
  const [attempt, setAttempt] = useState(0);
  const attemptKey = `${key}\n#${attempt}`;
  const [settled, setSettled] = useState<{ readonly key: string; readonly result: Settled<T> } | null>(null);

  useEffect(() => {
    let current = true;
    load().then(
      (data) => {
        if (current) setSettled({ key: attemptKey, result: { ok: true, data } });
      },
      (error: unknown) => {
        const message = error instanceof Error ? error.message : String(error);
        if (current) setSettled({ key: attemptKey, result: { ok: false, message } });
      },
    );
    return () => {
      current = false;
    };
    // `attemptKey` names what `load` fetches (and each retry).
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [attemptKey]);

  if (settled === null || settled.key !== attemptKey) return { status: 'loading' };
  if (settled.result.ok) return { status: 'ready', data: settled.result.data };
  return { status: 'error', message: settled.result.message, retry: () => setAttempt((value) => value + 1) };
}

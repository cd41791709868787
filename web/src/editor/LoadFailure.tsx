/** A failed load, with a retry. */
import { describeFailure, type ErrorLike } from './field-errors.ts';

export function LoadFailure({ error, onRetry }: { readonly error: ErrorLike; readonly onRetry: () => void }) {
  return (
    <div role="alert" className="load-failure">
      <p>Could not load this: {describeFailure(error)}</p>
      <button type="button" onClick={onRetry}>
        Try again
      </button>
    </div>
  );
}

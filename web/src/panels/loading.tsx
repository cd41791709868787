/** A failed load in a reader's panel (loads go through api/use-remote.ts): what failed, and a retry. */
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

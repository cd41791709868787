/** Loading, error, empty and "cut short" notices over the scene, announced politely. */
import type { SceneResult } from './use-scene.ts';

export function SceneStatus({ result }: { readonly result: SceneResult }) {
  const { status, scene, error } = result;
  let message: string | null = null;
  let tone = 'info';
  if (status === 'loading') message = 'Loading the graph…';
  else if (status === 'error' && error) {
    tone = 'error';
    message =
      error.code === 'NOT_FOUND'
        ? `Not found: ${error.message}`
        : `Could not load the graph: ${error.message}`;
  } else if (scene.nodes.length === 0)
    message = 'Nothing to show here. Try another node, or reset the filters.';
  else if (scene.truncated)
    message = 'This view was cut short at the server’s size limit; narrow it with filters.';
  return (
    <div
      className={`scene-status ${tone}`}
      role={tone === 'error' ? 'alert' : 'status'}
      aria-live="polite"
      data-status={status}
    >
      {message}
      {status === 'error' ? (
        <button type="button" onClick={result.reload}>
          Try again
        </button>
      ) : null}
    </div>
  );
}

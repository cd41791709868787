/**
 * Loading, error, empty and "cut short" notices over the scene, announced politely; "+N more" when a
 * neighbourhood's node budget left nodes out.
 */
import { NODE_BUDGET } from '../state/view-state.ts';
import type { SceneResult } from './use-scene.ts';

export function SceneStatus({
  result,
  onShowMore,
}: {
  readonly result: SceneResult;
  /** Asks for the next NODE_BUDGET nodes; absent where the view has no node budget. */
  readonly onShowMore?: () => void;
}) {
  const { status, scene, error } = result;
  let message: string | null = null;
  let tone = 'info';
  const budget = scene.budget;
  const more = status === 'ready' && budget !== null && budget.leftOut > 0 && onShowMore ? budget : null;
  if (status === 'loading') message = 'Loading the graph…';
  else if (status === 'error' && error) {
    tone = 'error';
    message =
      error.code === 'NOT_FOUND'
        ? `Not found: ${error.message}`
        : `Could not load the graph: ${error.message}`;
  } else if (scene.nodes.length === 0)
    message = 'Nothing to show here. Try another node, or reset the filters.';
  else if (more)
    message = `Showing the ${more.totalNodes - more.leftOut} nearest and best-supported of ${more.totalNodes} nodes.`;
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
      {more && onShowMore ? (
        <button type="button" onClick={onShowMore}>
          +{Math.min(NODE_BUDGET, more.leftOut)} more
          <span className="visually-hidden"> of {more.leftOut} left out</span>
        </button>
      ) : null}
    </div>
  );
}

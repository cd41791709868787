/**
 * Loading, error, empty and "cut short" notices over the scene, announced politely; "+N more" when a
 * neighbourhood's node budget left nodes out. A link to a node that does not exist is no dead end:
 * it offers the closest matches by name and the way back to the map.
 */
import { useRemote } from '../api/use-remote.ts';
import { SearchDocument, type SearchQuery } from '../api/generated.ts';
import { NODE_BUDGET } from '../state/view-state.ts';
import type { SceneResult } from './use-scene.ts';

type Suggestion = SearchQuery['search'][number]['node'];

export function SceneStatus({
  result,
  onShowMore,
  missingId = null,
  onFocus,
  onOverview,
}: {
  readonly result: SceneResult;
  /** Asks for the next NODE_BUDGET nodes; absent where the view has no node budget. */
  readonly onShowMore?: () => void;
  /** The id the view asked for, to name it and suggest others when it is not found. */
  readonly missingId?: string | null;
  readonly onFocus?: (id: string) => void;
  readonly onOverview?: () => void;
}) {
  const { status, scene, error } = result;
  const notFound = status === 'error' && error?.code === 'NOT_FOUND';
  const suggestions = useSuggestions(notFound ? missingId : null);
  let message: string | null = null;
  let tone = 'info';
  const budget = scene.budget;
  const more = status === 'ready' && budget !== null && budget.leftOut > 0 && onShowMore ? budget : null;
  if (status === 'loading') message = 'Loading the graph…';
  else if (status === 'error' && error) {
    tone = 'error';
    message =
      error.code === 'NOT_FOUND'
        ? missingId
          ? `Nothing in FibroGraph has the id “${missingId}”; it may have been renamed or removed.`
          : `Not found: ${error.message}`
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
      {status === 'error' && !notFound ? (
        <button type="button" onClick={result.reload}>
          Try again
        </button>
      ) : null}
      {notFound && onFocus
        ? suggestions.map((node) => (
            <button key={node.id} type="button" onClick={() => onFocus(node.id)}>
              Did you mean {node.name}?
            </button>
          ))
        : null}
      {notFound && onOverview ? (
        <button type="button" onClick={onOverview}>
          Go to the map of theories
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

/** Up to three nodes whose names match the words of a missing id ("symptom:brain-fogg" → "brain fogg"). */
function useSuggestions(missingId: string | null): readonly Suggestion[] {
  const words = (missingId?.split(':').at(-1) ?? '').split(/[-_]+/).filter((word) => word.length > 2);
  // All the words first; then the longest word alone, which survives a typo in another word.
  const attempts =
    words.length === 0 ? [] : [words.join(' '), [...words].sort((a, b) => b.length - a.length)[0] ?? ''];
  const found = useRemote(
    attempts.length === 0 ? null : JSON.stringify(['suggest', attempts]),
    async (send) => {
      for (const text of attempts) {
        const { search } = await send(SearchDocument, { text, first: 3 });
        if (search.length > 0) return search.map((hit) => hit.node);
      }
      return [];
    },
  );
  // No suggestions (none found, or the search failed) is still a way out: the map button stays.
  return found.status === 'ready' ? found.data : [];
}

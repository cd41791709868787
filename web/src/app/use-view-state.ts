/**
 * The view state hook: the undoable reducer, mirrored into the URL. Every view change pushes a
 * browser history entry (so Back works like undo across page loads), and Back/Forward or a pasted
 * link restore the view the URL describes.
 */
import { useCallback, useEffect, useReducer } from 'react';
import { withRelease } from '../api/release.ts';
import { decodeView, encodeView } from '../state/url-state.ts';
import { initialHistory, viewReducer, type ViewAction, type ViewHistory } from '../state/view-state.ts';

/** The current view history and a dispatcher. */
export function useViewState(): readonly [ViewHistory, (action: ViewAction) => void] {
  const [history, dispatch] = useReducer(viewReducer, undefined, () =>
    initialHistory(decodeView(window.location.search)),
  );

  useEffect(() => {
    const search = withRelease(encodeView(history.present));
    const current = window.location.search.replace(/^\?/, '');
    if (search === current) return;
    const url = `${window.location.pathname}${search ? `?${search}` : ''}${window.location.hash}`;
    window.history.pushState(null, '', url);
  }, [history.present]);

  useEffect(() => {
    const onPopState = (): void => dispatch({ type: 'restore', view: decodeView(window.location.search) });
    window.addEventListener('popstate', onPopState);
    return () => window.removeEventListener('popstate', onPopState);
  }, []);

  const stableDispatch = useCallback((action: ViewAction) => dispatch(action), []);
  return [history, stableDispatch] as const;
}

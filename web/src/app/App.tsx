/**
 * The explorer's shell: header (search, undo/redo, layout, graph/list switch, export, sign-in), the
 * explore panel (theories, path question, filters, legend), the scene (canvas or list) and the
 * details panel. All view changes go through `dispatch` (see state/view-state.ts); the URL follows.
 */
import type { Core } from 'cytoscape';
import { lazy, Suspense, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { request, storedToken, storeToken } from '../api/client.ts';
import { READING_RELEASE } from '../api/release.ts';
import { OpenProposalsDocument, ViewerDocument } from '../api/generated.ts';
import { useRemote } from '../api/use-remote.ts';
import { isProposedElement, overlayProposals } from '../graph/proposal-overlay.ts';
import { GraphView } from '../graph/GraphView.tsx';
import { DetailsPanel } from '../panels/DetailsPanel.tsx';
import { ExportMenu } from '../panels/ExportMenu.tsx';
import { FilterPanel } from '../panels/FilterPanel.tsx';
import { Legend } from '../panels/Legend.tsx';
import { AgendaView } from '../panels/AgendaView.tsx';
import { ListView } from '../panels/ListView.tsx';
import { introSeen, MapIntro, markIntroSeen } from '../panels/MapIntro.tsx';
import { MatrixView } from '../panels/MatrixView.tsx';
import { PathPanel } from '../panels/PathPanel.tsx';
import { ReleaseBanner, ReleasesPanel } from '../panels/ReleasesPanel.tsx';
import { SearchBox } from '../panels/SearchBox.tsx';
import { TheoryPanel } from '../panels/TheoryPanel.tsx';
import { WhatIfPanel } from '../panels/WhatIfPanel.tsx';
import { LAYOUT_LABELS } from '../graph/layouts.ts';
import { canRedo, canUndo, LAYOUTS, type LayoutName } from '../state/view-state.ts';
import { BrandMark } from './BrandMark.tsx';
import { mayEdit, SessionContext, type EditRequest, type Session, type Viewer } from './session.ts';
import { ResultsDockContext } from './results-dock.tsx';
import { SceneStatus } from './SceneStatus.tsx';
import { useScene } from './use-scene.ts';
import { useViewState } from './use-view-state.ts';

// The editor is its own chunk: readers never download it.
const EditorDock = lazy(() => import('../editor/EditorDock.tsx'));

export function App() {
  const [history, dispatch] = useViewState();
  const view = history.present;
  const result = useScene(view);
  const cy = useRef<Core | null>(null);
  const [viewer, setViewer] = useState<Viewer | null>(null);
  const [editRequest, setEditRequest] = useState<EditRequest | null>(null);
  // On a phone the explore and details panels are sheets over the map; which one is open (CSS ignores
  // this on wider screens, where both panels stand beside the map).
  const [sheet, setSheet] = useState<'explore' | 'details' | null>(null);
  // While nothing is chosen the legend stands in the details column, beside the map rather than over
  // it; the map keeps a folded "Legend" to open at any time (and on a phone, where there is no column).
  const [legendOpen, setLegendOpen] = useState(false);
  const wideScreen = !window.matchMedia('(max-width: 700px)').matches;
  // Where path and comparison answers are drawn: under the map, across its width.
  const [resultsDock, setResultsDock] = useState<HTMLElement | null>(null);
  const docked = view.focus.kind === 'path' || view.focus.kind === 'compare';
  // The first-visit key to the map: shown until dismissed once; 'asked' when the legend opened it.
  const [intro, setIntro] = useState<'first-visit' | 'asked' | null>(() =>
    introSeen() ? null : 'first-visit',
  );
  // Choosing something to read, or an editor task, brings its sheet up (state adjusted while
  // rendering, as React advises for state that follows a changed value).
  const [sheetFollows, setSheetFollows] = useState({ selected: view.selected, editRequest });
  if (sheetFollows.selected !== view.selected || sheetFollows.editRequest !== editRequest) {
    setSheetFollows({ selected: view.selected, editRequest });
    if (
      (view.selected !== null && view.selected !== sheetFollows.selected) ||
      (editRequest !== null && editRequest !== sheetFollows.editRequest)
    ) {
      setSheet('details');
    }
  }

  // A token from earlier in this tab: check it still works.
  useEffect(() => {
    const token = storedToken();
    if (token === null) return;
    request(ViewerDocument, {}, { token }).then(
      ({ viewer: found }) => setViewer(found),
      () => storeToken(null),
    );
  }, []);

  useUndoKeys(dispatch);

  // Editors may draw open proposals on the map, marked (graph/proposal-overlay.ts).
  const [showProposals, setShowProposals] = useState(false);
  const proposalsShown = showProposals && mayEdit(viewer) && READING_RELEASE === null;
  const openProposals = useRemote(
    proposalsShown ? `open-proposals:${viewer?.name ?? ''}` : null,
    async (send) => (await send(OpenProposalsDocument, {})).proposals,
  );
  const drawnScene = useMemo(
    () =>
      proposalsShown && openProposals.status === 'ready'
        ? overlayProposals(result.scene, openProposals.data)
        : result.scene,
    [proposalsShown, openProposals, result.scene],
  );

  const session = useMemo<Session>(
    // A release is frozen: nothing is edited through it (the API refuses), so no edit is offered.
    () => ({ viewer, canEdit: mayEdit(viewer) && READING_RELEASE === null, requestEdit: setEditRequest }),
    [viewer],
  );

  const onSignedIn = useCallback((found: Viewer | null) => setViewer(found), []);
  const onChanged = useCallback(
    (focusId?: string) => {
      // The write itself made every open view load again (api/use-remote.ts); what is left is where
      // the reader's attention goes.
      if (!focusId) return;
      // A node the map does not show yet (one just created) joins it where the reader is: its own
      // neighbourhood is added to the scene, so it and the claims made from it appear in place.
      if (isConceptNodeId(focusId) && !result.scene.nodes.some((node) => node.id === focusId)) {
        dispatch({ type: 'expand', expansion: { id: focusId, depth: 1, kinds: [], relations: [] } });
      }
      dispatch({ type: 'select', id: focusId });
    },
    [result, dispatch],
  );

  return (
    <SessionContext.Provider value={session}>
      <div className="app">
        <header className="app-header">
          <div className="brand">
            <BrandMark />
            <h1>FibroGraph</h1>
            <p className="tagline">
              A map of fibromyalgia theories, what they explain, and the evidence for and against every claim.
            </p>
          </div>
          <SearchBox
            id="main-search"
            label="Search theories, symptoms, therapies…"
            onChoose={(node) => dispatch({ type: 'focusNode', id: node.id })}
          />
          <div className="session">
            {/* For researchers: the API, beside the account, on every screen. */}
            <a className="toolbar-link" href="/graphiql" target="_blank" rel="noopener">
              GraphQL IDE<span className="visually-hidden"> (opens in a new tab)</span>
            </a>
            {viewer ? (
              <span className="signed-in">
                <span>
                  <span className="visually-hidden">Signed in as </span>
                  <strong>{viewer.name}</strong>
                  <span> ({viewer.role.toLowerCase()})</span>
                </span>
                {session.canEdit ? (
                  <>
                    <button type="button" onClick={() => setEditRequest({ kind: 'createNode' })}>
                      New node
                    </button>
                    <button type="button" onClick={() => setEditRequest({ kind: 'review' })}>
                      Review desk
                    </button>
                  </>
                ) : null}
                <button
                  type="button"
                  onClick={() => {
                    storeToken(null);
                    setViewer(null);
                    setEditRequest(null);
                  }}
                >
                  Sign out
                </button>
              </span>
            ) : (
              <button type="button" onClick={() => setEditRequest({ kind: 'signIn' })}>
                Sign in to edit
              </button>
            )}
          </div>
          <nav className="toolbar" aria-label="View">
            <button
              type="button"
              className="sheet-toggle"
              aria-expanded={sheet === 'explore'}
              aria-controls="explore-panel"
              onClick={() => setSheet(sheet === 'explore' ? null : 'explore')}
            >
              Explore
            </button>
            <button type="button" onClick={() => dispatch({ type: 'focusOverview' })}>
              Map of theories
            </button>
            <button
              type="button"
              onClick={() => dispatch({ type: 'undo' })}
              disabled={!canUndo(history)}
              aria-keyshortcuts="Control+Z"
            >
              Undo
            </button>
            <button
              type="button"
              onClick={() => dispatch({ type: 'redo' })}
              disabled={!canRedo(history)}
              aria-keyshortcuts="Control+Shift+Z"
            >
              Redo
            </button>
            <ToolbarDivider />
            <label className="inline-field">
              <span>Layout</span>
              <select
                value={view.layout}
                onChange={(event) =>
                  dispatch({ type: 'setLayout', layout: event.target.value as LayoutName })
                }
              >
                {LAYOUTS.map((name) => (
                  <option key={name} value={name}>
                    {LAYOUT_LABELS[name]}
                  </option>
                ))}
              </select>
            </label>
            <div role="group" aria-label="Show as" className="segmented">
              <button
                type="button"
                aria-pressed={view.mode === 'graph'}
                onClick={() => dispatch({ type: 'setMode', mode: 'graph' })}
              >
                Graph
              </button>
              <button
                type="button"
                aria-pressed={view.mode === 'list'}
                onClick={() => dispatch({ type: 'setMode', mode: 'list' })}
              >
                List
              </button>
            </div>
            <ToolbarDivider />
            <ExportMenu getCy={() => cy.current} scene={result.scene} view={view} />
            <ToolbarDivider />
            {viewer !== null && session.canEdit ? (
              <button
                type="button"
                aria-pressed={showProposals}
                onClick={() => setShowProposals(!showProposals)}
              >
                Proposals on the map
              </button>
            ) : null}
          </nav>
        </header>
        <ReleaseBanner />
        <ResultsDockContext.Provider value={docked ? resultsDock : null}>
          <div className="app-body" data-sheet={sheet ?? 'none'}>
            <aside className="explore-panel" id="explore-panel" aria-label="Explore">
              <SheetBar title="Explore" onClose={() => setSheet(null)} />
              <TheoryPanel view={view} dispatch={dispatch} />
              <PathPanel
                view={view}
                dispatch={dispatch}
                paths={result.paths}
                status={result.status}
                error={result.error}
                onRetry={result.reload}
              />
              <FilterPanel filters={view.filters} hidden={result.scene.hidden} dispatch={dispatch} />
              <WhatIfPanel weighting={view.weighting} dispatch={dispatch} />
              <ReleasesPanel />
              {/* The list view has no map to carry the legend, and the legend is also the kind filter. */}
              {view.mode === 'list' ? (
                <Legend hiddenKinds={view.filters.hiddenKinds} dispatch={dispatch} />
              ) : null}
            </aside>
            <main className="scene" aria-label="Graph">
              {view.focus.kind === 'matrix' ? <MatrixView view={view} dispatch={dispatch} /> : null}
              {view.focus.kind === 'agenda' ? <AgendaView view={view} dispatch={dispatch} /> : null}
              {view.focus.kind === 'matrix' || view.focus.kind === 'agenda' ? null : (
                <SceneStatus
                  result={result}
                  {...(view.focus.kind === 'node'
                    ? { onShowMore: () => dispatch({ type: 'showMoreNodes' }), missingId: view.focus.id }
                    : {})}
                  onFocus={(id) => dispatch({ type: 'focusNode', id })}
                  onOverview={() => dispatch({ type: 'focusOverview' })}
                />
              )}
              {/* Not over an answer: paths and comparisons have the dock, the matrix and agenda the scene. */}
              {intro !== null &&
              view.mode === 'graph' &&
              !docked &&
              view.focus.kind !== 'matrix' &&
              view.focus.kind !== 'agenda' ? (
                <MapIntro
                  takeFocus={intro === 'asked'}
                  onClose={() => {
                    markIntroSeen();
                    setIntro(null);
                  }}
                />
              ) : null}
              {view.mode === 'graph' && view.focus.kind !== 'matrix' && view.focus.kind !== 'agenda' ? (
                <details
                  className="legend-dock"
                  open={legendOpen}
                  onToggle={(event) => setLegendOpen(event.currentTarget.open)}
                >
                  <summary>Legend</summary>
                  <Legend
                    hiddenKinds={view.filters.hiddenKinds}
                    dispatch={dispatch}
                    onShowIntro={() => {
                      setIntro('asked');
                      setSheet(null);
                    }}
                    headingHidden
                  />
                  {proposalsShown ? (
                    <p className="proposals-key">
                      <span className="proposals-swatch" aria-hidden="true" /> Proposals waiting for review: a
                      double purple outline marks what one would change; dashed shapes and lines are proposed,
                      not yet published (select one to open the review desk).
                    </p>
                  ) : null}
                </details>
              ) : null}
              {view.focus.kind === 'matrix' || view.focus.kind === 'agenda' ? null : view.mode === 'graph' ? (
                <GraphView
                  scene={drawnScene}
                  selected={view.selected}
                  layout={view.layout}
                  onSelect={(id) =>
                    // A proposal's ghost is not in the graph yet: it is read (and decided) in the review desk.
                    id !== null && isProposedElement(drawnScene, id)
                      ? setEditRequest({ kind: 'review' })
                      : dispatch({ type: 'select', id })
                  }
                  onExpand={(id) =>
                    dispatch({ type: 'expand', expansion: { id, depth: 1, kinds: [], relations: [] } })
                  }
                  onReady={(instance) => (cy.current = instance)}
                  onLayoutDone={markLayoutDone}
                />
              ) : (
                <ListView scene={result.scene} selected={view.selected} dispatch={dispatch} />
              )}
              {docked ? (
                <section
                  className="results-dock"
                  aria-label={view.focus.kind === 'path' ? 'Paths found' : 'Comparison'}
                  data-testid="results-dock"
                  ref={setResultsDock}
                />
              ) : null}
            </main>
            <aside className="details-panel" aria-label="Details">
              <SheetBar title="Details" onClose={() => setSheet(null)} />
              {editRequest ? (
                <Suspense fallback={<p className="status">Loading the editor…</p>}>
                  <EditorDock
                    request={editRequest}
                    viewer={viewer}
                    onSignedIn={onSignedIn}
                    onChanged={onChanged}
                    onClose={() => setEditRequest(null)}
                  />
                </Suspense>
              ) : null}
              <DetailsPanel
                selected={view.selected}
                view={view}
                dispatch={dispatch}
                idle={
                  wideScreen && view.mode === 'graph' ? (
                    <Legend
                      hiddenKinds={view.filters.hiddenKinds}
                      dispatch={dispatch}
                      onShowIntro={() => setIntro('asked')}
                    />
                  ) : null
                }
              />
            </aside>
          </div>
        </ResultsDockContext.Provider>
      </div>
    </SessionContext.Provider>
  );
}

/** A thin rule between groups of tools; decorative. */
function ToolbarDivider() {
  return <span className="toolbar-divider" aria-hidden="true" />;
}

/** A phone sheet's top bar: what it holds and how to put it away (hidden on wider screens). */
function SheetBar({ title, onClose }: { readonly title: string; readonly onClose: () => void }) {
  return (
    <div className="sheet-bar">
      <span aria-hidden="true">{title}</span>
      <button type="button" onClick={onClose}>
        Close<span className="visually-hidden"> {title.toLowerCase()}</span>
      </button>
    </div>
  );
}

/** True for a concept node's id (theory:…, symptom:…), not a claim's or a source's. */
function isConceptNodeId(id: string): boolean {
  return !id.startsWith('claim:') && !id.startsWith('source:');
}

/** Marks the document once a layout has settled: the e2e tests and the benchmark wait for it. */
function markLayoutDone(): void {
  document.body.dataset['layoutDone'] = String(Number(document.body.dataset['layoutDone'] ?? '0') + 1);
  performance.mark('fibrograph:layout-done');
}

/** Ctrl/Cmd+Z undoes a view change, Ctrl/Cmd+Shift+Z (or Ctrl+Y) redoes, outside text fields. */
function useUndoKeys(dispatch: (action: { type: 'undo' } | { type: 'redo' }) => void): void {
  useEffect(() => {
    const onKey = (event: KeyboardEvent): void => {
      const target = event.target as HTMLElement | null;
      if (target && (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName)))
        return;
      if (!(event.ctrlKey || event.metaKey)) return;
      const key = event.key.toLowerCase();
      if (key === 'z') {
        event.preventDefault();
        dispatch({ type: event.shiftKey ? 'redo' : 'undo' });
      } else if (key === 'y') {
        event.preventDefault();
        dispatch({ type: 'redo' });
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [dispatch]);
}

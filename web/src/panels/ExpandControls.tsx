/**
 * Expand or collapse a node's neighbourhood in the scene: how many steps out, which kinds of
 * neighbour and which relations to follow (none checked means all). The settings start from the
 * node's current expansion, so changing one and pressing Expand again replaces it.
 *
 * Expand always reaches one step further than the scene already shows around the node: the focused
 * node's neighbourhood is already drawn, so expanding it by the same depth would add nothing.
 */
import { useId, useState } from 'react';
import type { NodeKind, Relation } from '../api/generated.ts';
import { KIND_LOOKS, NODE_KINDS, RELATION_ORDER, relationTitle } from '../graph/vocabulary.ts';
import { DEFAULT_DEPTH, MAX_DEPTH, shownDepth, type Expansion } from '../state/view-state.ts';
import { KindIcon } from './KindIcon.tsx';
import type { ViewProps } from './panel-props.ts';
import './questions.css';

/** Sources are reached through evidence, not expanded into as neighbours. */
const EXPANDABLE_KINDS = NODE_KINDS.filter((kind) => kind !== 'SOURCE');
const DEPTHS = Array.from({ length: MAX_DEPTH }, (_, index) => index + 1);

type Settings = Omit<Expansion, 'id'>;

const DEFAULT_SETTINGS: Settings = { depth: DEFAULT_DEPTH, kinds: [], relations: [] };

export function ExpandControls({ view, dispatch, nodeId }: ViewProps & { readonly nodeId: string }) {
  const current = view.expansions.find((expansion) => expansion.id === nodeId) ?? null;
  const shown = shownDepth(view, nodeId);
  const atLimit = shown >= MAX_DEPTH;
  // Unsaved changes, tied to the node they were made for; otherwise one step beyond what is shown.
  const [draft, setDraft] = useState<{ readonly nodeId: string; readonly settings: Settings } | null>(null);
  const settings =
    draft?.nodeId === nodeId
      ? draft.settings
      : { ...(current ?? DEFAULT_SETTINGS), depth: Math.min(MAX_DEPTH, shown + 1) };
  const change = (next: Partial<Settings>): void => setDraft({ nodeId, settings: { ...settings, ...next } });
  const depthId = useId();

  return (
    <div className="expand-controls" data-testid="expand-controls">
      <form
        onSubmit={(event) => {
          event.preventDefault();
          dispatch({
            type: 'expand',
            expansion: {
              id: nodeId,
              depth: settings.depth,
              // In vocabulary order, so the same choice always makes the same URL.
              kinds: EXPANDABLE_KINDS.filter((kind) => settings.kinds.includes(kind)),
              relations: RELATION_ORDER.filter((relation) => settings.relations.includes(relation)),
            },
          });
          setDraft(null);
        }}
      >
        <div className="expand-actions">
          <button type="submit" disabled={atLimit && draft?.nodeId !== nodeId}>
            Expand
          </button>
          {current ? (
            <button
              type="button"
              onClick={() => {
                dispatch({ type: 'collapse', id: nodeId });
                setDraft(null);
              }}
            >
              Collapse
            </button>
          ) : null}
        </div>
        <p className="expand-current" role="status">
          {current
            ? describeExpansion(current)
            : atLimit
              ? `Already showing ${MAX_DEPTH} steps out, the most the map draws.`
              : ''}
        </p>
        <details className="expand-options">
          <summary>Expand options</summary>
          <fieldset>
            <legend>Neighbours to add</legend>
            <div className="question-field">
              <label htmlFor={depthId}>Steps out</label>
              <select
                id={depthId}
                value={settings.depth}
                onChange={(event) => change({ depth: Number(event.target.value) })}
              >
                {DEPTHS.map((depth) => (
                  <option key={depth} value={depth}>
                    {depth}
                  </option>
                ))}
              </select>
            </div>
            <fieldset className="check-group">
              <legend>Kinds (none checked: all)</legend>
              {EXPANDABLE_KINDS.map((kind) => (
                <label key={kind} className="question-check">
                  <input
                    type="checkbox"
                    checked={settings.kinds.includes(kind)}
                    onChange={() => change({ kinds: toggled(settings.kinds, kind) })}
                  />
                  <KindIcon kind={kind} /> {KIND_LOOKS[kind].plural}
                </label>
              ))}
            </fieldset>
            <fieldset className="check-group">
              <legend>Relations (none checked: all)</legend>
              {RELATION_ORDER.map((relation) => (
                <label key={relation} className="question-check">
                  <input
                    type="checkbox"
                    checked={settings.relations.includes(relation)}
                    onChange={() => change({ relations: toggled(settings.relations, relation) })}
                  />
                  {relationTitle(relation)}
                </label>
              ))}
            </fieldset>
          </fieldset>
        </details>
      </form>
    </div>
  );
}

function toggled<T extends NodeKind | Relation>(list: readonly T[], item: T): T[] {
  return list.includes(item) ? list.filter((existing) => existing !== item) : [...list, item];
}

/** "Expanded 2 steps out: therapies and symptoms, through any relation." */
function describeExpansion(expansion: Expansion): string {
  const steps = `${expansion.depth} ${expansion.depth === 1 ? 'step' : 'steps'} out`;
  const kinds =
    expansion.kinds.length === 0
      ? 'all kinds'
      : listInWords(expansion.kinds.map((kind) => KIND_LOOKS[kind].plural.toLowerCase()));
  const relations =
    expansion.relations.length === 0
      ? 'any relation'
      : listInWords(expansion.relations.map((relation) => relationTitle(relation).toLowerCase()));
  return `Expanded ${steps}: ${kinds}, through ${relations}.`;
}

function listInWords(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items.at(-1) ?? ''}`;
}

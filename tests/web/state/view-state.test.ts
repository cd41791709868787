/** The explorer's view reducer: each action's effect, clamping, and undo/redo of view changes. */
import { describe, expect, it } from 'vitest';
import {
  canRedo,
  canUndo,
  initialHistory,
  INITIAL_VIEW,
  shownDepth,
  UNDO_LIMIT,
  viewReducer,
  type ViewAction,
  type ViewHistory,
} from '../../../web/src/state/view-state.ts';

function run(...actions: ViewAction[]): ViewHistory {
  return actions.reduce(viewReducer, initialHistory());
}

describe('view reducer', () => {
  it('focuses a node, selecting it and dropping earlier expansions', () => {
    const { present } = run(
      { type: 'expand', expansion: { id: 'mechanism:a', depth: 1, kinds: [], relations: [] } },
      { type: 'focusNode', id: 'symptom:brain-fog', depth: 2 },
    );
    expect(present.focus).toEqual({ kind: 'node', id: 'symptom:brain-fog', depth: 2 });
    expect(present.selected).toBe('symptom:brain-fog');
    expect(present.expansions).toEqual([]);
  });

  it('shows more of a neighbourhood by the node budget, up to the server cap, and only on a node', () => {
    const more = run(
      { type: 'focusNode', id: 'symptom:x' },
      { type: 'showMoreNodes' },
      { type: 'showMoreNodes' },
    );
    expect(more.present.focus).toEqual({ kind: 'node', id: 'symptom:x', depth: 1, limit: 450 });
    expect(more.past).toHaveLength(3);
    const capped = run(
      { type: 'focusNode', id: 'symptom:x' },
      ...Array.from({ length: 40 }, () => ({ type: 'showMoreNodes' }) as const),
    );
    expect(capped.present.focus).toMatchObject({ limit: 5000 });
    // Nothing to page on the overview: the action changes nothing, so undo has nothing to undo.
    expect(run({ type: 'showMoreNodes' }).past).toHaveLength(0);
    // A new focus starts from the default budget again.
    expect(
      run(
        { type: 'focusNode', id: 'symptom:x' },
        { type: 'showMoreNodes' },
        { type: 'focusNode', id: 'symptom:y' },
      ).present.focus,
    ).toEqual({ kind: 'node', id: 'symptom:y', depth: 1 });
  });

  it('clamps depth and hop counts into the allowed ranges', () => {
    expect(run({ type: 'focusNode', id: 'symptom:x', depth: 99 }).present.focus).toMatchObject({ depth: 3 });
    expect(run({ type: 'focusNode', id: 'symptom:x', depth: 0 }).present.focus).toMatchObject({ depth: 1 });
    expect(run({ type: 'askPath', from: 'a:b', to: 'c:d', maxHops: 40 }).present.focus).toMatchObject({
      maxHops: 6,
    });
  });

  it('expands once per node (a second expand replaces the first) and collapses', () => {
    const expanded = run(
      { type: 'expand', expansion: { id: 'mechanism:a', depth: 1, kinds: [], relations: [] } },
      { type: 'expand', expansion: { id: 'mechanism:a', depth: 2, kinds: ['SYMPTOM'], relations: [] } },
    ).present;
    expect(expanded.expansions).toEqual([{ id: 'mechanism:a', depth: 2, kinds: ['SYMPTOM'], relations: [] }]);
    const collapsed = viewReducer(initialHistory(expanded), { type: 'collapse', id: 'mechanism:a' }).present;
    expect(collapsed.expansions).toEqual([]);
  });

  it('toggles kinds in a canonical (sorted) order so equal views compare equal', () => {
    const { present } = run({ type: 'toggleKind', kind: 'THERAPY' }, { type: 'toggleKind', kind: 'ANATOMY' });
    expect(present.filters.hiddenKinds).toEqual(['ANATOMY', 'THERAPY']);
    expect(
      viewReducer(initialHistory(present), { type: 'toggleKind', kind: 'THERAPY' }).present.filters
        .hiddenKinds,
    ).toEqual(['ANATOMY']);
  });

  it('undoes and redoes view changes in order, and a new change clears redo', () => {
    let history = run({ type: 'focusNode', id: 'symptom:a' }, { type: 'setLayout', layout: 'circle' });
    history = viewReducer(history, { type: 'undo' });
    expect(history.present.layout).toBe('fcose');
    expect(history.present.focus).toMatchObject({ id: 'symptom:a' });
    expect(canRedo(history)).toBe(true);
    history = viewReducer(history, { type: 'redo' });
    expect(history.present.layout).toBe('circle');
    history = viewReducer(viewReducer(history, { type: 'undo' }), { type: 'setMode', mode: 'list' });
    expect(canRedo(history)).toBe(false);
    history = viewReducer(viewReducer(history, { type: 'undo' }), { type: 'undo' });
    expect(history.present).toEqual(INITIAL_VIEW);
    expect(canUndo(history)).toBe(false);
    expect(viewReducer(history, { type: 'undo' })).toBe(history);
  });

  it('records nothing for an action that changes nothing, and restore is not undoable', () => {
    const history = run({ type: 'select', id: null });
    expect(canUndo(history)).toBe(false);
    const restored = viewReducer(history, { type: 'restore', view: { ...INITIAL_VIEW, layout: 'grid' } });
    expect(restored.present.layout).toBe('grid');
    expect(canUndo(restored)).toBe(false);
  });

  it(`remembers at most ${UNDO_LIMIT} view changes`, () => {
    let history = initialHistory();
    for (let index = 0; index < UNDO_LIMIT + 20; index += 1) {
      history = viewReducer(history, { type: 'select', id: `symptom:s${index}` });
    }
    expect(history.past).toHaveLength(UNDO_LIMIT);
    expect(history.past[0]?.selected).toBe('symptom:s19');
  });
});

describe('shownDepth: how far the scene already reaches around a node, so Expand goes one step further', () => {
  it('is the focus depth for the focused node and 0 for others', () => {
    const { present } = run({ type: 'focusNode', id: 'symptom:brain-fog', depth: 2 });
    expect(shownDepth(present, 'symptom:brain-fog')).toBe(2);
    expect(shownDepth(present, 'theory:central-sensitization')).toBe(0);
  });

  it("is the larger of the focus depth and the node's own expansion", () => {
    const { present } = run(
      { type: 'focusNode', id: 'symptom:brain-fog' },
      { type: 'expand', expansion: { id: 'symptom:brain-fog', depth: 3, kinds: [], relations: [] } },
      {
        type: 'expand',
        expansion: { id: 'theory:central-sensitization', depth: 2, kinds: [], relations: [] },
      },
    );
    expect(shownDepth(present, 'symptom:brain-fog')).toBe(3);
    expect(shownDepth(present, 'theory:central-sensitization')).toBe(2);
  });
});

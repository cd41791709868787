/** Permalinks: every view survives encode → decode, links stay readable, and bad links never throw. */
import { describe, expect, it } from 'vitest';
import { decodeView, encodeView } from '../../../web/src/state/url-state.ts';
import { INITIAL_VIEW, type ViewState } from '../../../web/src/state/view-state.ts';

const VIEWS: ViewState[] = [
  INITIAL_VIEW,
  {
    ...INITIAL_VIEW,
    focus: { kind: 'node', id: 'symptom:brain-fog', depth: 2 },
    selected: 'symptom:brain-fog',
  },
  { ...INITIAL_VIEW, focus: { kind: 'theory', id: 'theory:central-sensitization' }, layout: 'concentric' },
  { ...INITIAL_VIEW, focus: { kind: 'compare', ids: ['theory:a', 'theory:b'] }, mode: 'list' },
  {
    ...INITIAL_VIEW,
    focus: { kind: 'path', from: 'therapy:aerobic-exercise', to: 'symptom:brain-fog', maxHops: 5 },
    pathIndex: 2,
    selected: 'claim:aerobic-exercise--relieves--chronic-pain',
  },
  {
    ...INITIAL_VIEW,
    focus: { kind: 'node', id: 'mechanism:m', depth: 1 },
    expansions: [
      { id: 'symptom:s', depth: 2, kinds: ['THERAPY', 'MECHANISM'], relations: ['RELIEVES'] },
      { id: 'therapy:t', depth: 1, kinds: [], relations: [] },
    ],
    filters: { hiddenKinds: ['ANATOMY', 'SOURCE'], minLevel: 'RCT', stance: 'DISPUTES' },
  },
  { ...INITIAL_VIEW, focus: { kind: 'compare', ids: ['theory:a', 'theory:b', 'theory:c'] } },
  { ...INITIAL_VIEW, focus: { kind: 'matrix', ids: [] } },
  {
    ...INITIAL_VIEW,
    focus: { kind: 'matrix', ids: ['theory:a', 'theory:b'] },
    weighting: { levels: ['ANECDOTE', 'HYPOTHESIS'], stances: ['DISPUTES'], unverified: true },
  },
  {
    ...INITIAL_VIEW,
    focus: { kind: 'agenda' },
    weighting: { levels: ['ANECDOTE'], stances: [], unverified: false },
  },
  // Last, so the tests that pick views by position keep their picks.
  { ...INITIAL_VIEW, focus: { kind: 'node', id: 'symptom:brain-fog', depth: 1, limit: 300 } },
];

describe('view ⇄ URL', () => {
  it.each(VIEWS.map((view, index) => [index, view] as const))('round-trips view %i', (_index, view) => {
    expect(decodeView(encodeView(view))).toEqual(view);
    expect(decodeView(`?${encodeView(view)}`)).toEqual(view);
  });

  it('encodes the default view as an empty query and keeps ids readable', () => {
    expect(encodeView(INITIAL_VIEW)).toBe('');
    expect(encodeView(VIEWS[1] as ViewState)).toBe('node=symptom:brain-fog&depth=2&sel=symptom:brain-fog');
  });

  it('ignores what it cannot use instead of throwing', () => {
    expect(decodeView('?node=<script>&layout=nope&min=BEST&stance=maybe&mode=3d')).toEqual(INITIAL_VIEW);
    expect(decodeView('?compare=theory:a')).toEqual(INITIAL_VIEW);
    expect(decodeView('?from=therapy:x').focus).toEqual({ kind: 'overview' });
    expect(decodeView('?node=symptom:x&depth=999').focus).toEqual({
      kind: 'node',
      id: 'symptom:x',
      depth: 3,
    });
    expect(decodeView('?node=symptom:x&depth=-1').focus).toMatchObject({ depth: 1 });
    expect(decodeView('?node=symptom:x&limit=9999').focus).toMatchObject({ limit: 5000 });
    expect(decodeView('?node=symptom:x&limit=lots').focus).toEqual({
      kind: 'node',
      id: 'symptom:x',
      depth: 1,
    });
    expect(decodeView('?expand=symptom:a*2*BOGUS,THERAPY*NOPE;;bad id*1;symptom:a*3').expansions).toEqual([
      { id: 'symptom:a', depth: 2, kinds: ['THERAPY'], relations: [] },
    ]);
    expect(
      decodeView(`?expand=${Array.from({ length: 80 }, (_, i) => `symptom:s${i}`).join(';')}`).expansions,
    ).toHaveLength(50);
    expect(decodeView('?hide=SOURCE,SOURCE,ANATOMY,PLANET').filters.hiddenKinds).toEqual([
      'ANATOMY',
      'SOURCE',
    ]);
  });

  it('writes the matrix, the agenda and a what-if as readable words', () => {
    expect(encodeView(VIEWS[7] as ViewState)).toBe('matrix=all');
    expect(encodeView(VIEWS[8] as ViewState)).toBe(
      'matrix=theory:a,theory:b&leave=ANECDOTE,HYPOTHESIS&leavestance=DISPUTES&leaveunverified=1',
    );
    expect(encodeView(VIEWS[9] as ViewState)).toBe('agenda=open&leave=ANECDOTE');
  });

  it('keeps what it can of a hand-edited comparison or what-if', () => {
    expect(decodeView('?compare=theory:a,theory:a,bad id,theory:b').focus).toEqual({
      kind: 'compare',
      ids: ['theory:a', 'theory:b'],
    });
    const many = Array.from({ length: 14 }, (_, i) => `theory:t${i}`).join(',');
    const capped = decodeView(`?compare=${many}`).focus;
    expect(capped.kind === 'compare' ? capped.ids : []).toEqual(
      Array.from({ length: 10 }, (_, i) => `theory:t${i}`),
    );
    expect(
      decodeView('?leave=ANECDOTE,RUMOUR,ANECDOTE&leavestance=NEUTRAL&leaveunverified=yes').weighting,
    ).toEqual({
      levels: ['ANECDOTE'],
      stances: [],
      unverified: false,
    });
  });

  it('drops a path index outside a path focus', () => {
    expect(decodeView('?node=symptom:x&path=3').pathIndex).toBe(0);
  });
});

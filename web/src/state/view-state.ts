/**
 * The explorer's view: what is on screen and how, as plain data. Every control dispatches a
 * `ViewAction`; `viewReducer` is the only place the view changes, and it keeps an undo/redo history
 * of view changes. The URL is a serialisation of `ViewState` (see url-state.ts), so a reload or a
 * shared link restores the same scene. No DOM, no fetching: unit-tested in tests/web.
 */
import type { EvidenceLevel, EvidenceWeighting, NodeKind, Relation, Stance } from '../api/generated.ts';

/** What the scene is built around. */
export type Focus =
  /** The map of theories, their mechanisms and the symptoms they explain. */
  | { readonly kind: 'overview' }
  /** A node's neighbourhood; `limit` is its node budget when the reader asked for more (see NODE_BUDGET). */
  | { readonly kind: 'node'; readonly id: string; readonly depth: number; readonly limit?: number }
  /** One theory's subgraph, lit up. */
  | { readonly kind: 'theory'; readonly id: string }
  /** Two or more theories side by side (MAX_COMPARED of them). */
  | { readonly kind: 'compare'; readonly ids: readonly string[] }
  /** The discrimination matrix of these theories (empty: every theory). */
  | { readonly kind: 'matrix'; readonly ids: readonly string[] }
  /** The research agenda: open questions by how many theories they would test. */
  | { readonly kind: 'agenda' }
  /** The ranked paths between two nodes. */
  | { readonly kind: 'path'; readonly from: string; readonly to: string; readonly maxHops: number };

/** A neighbourhood added to the scene around a node ("expand"); removing it is "collapse". */
export interface Expansion {
  readonly id: string;
  readonly depth: number;
  /** Only these kinds of neighbours (empty: all). */
  readonly kinds: readonly NodeKind[];
  /** Only through these relations (empty: all). */
  readonly relations: readonly Relation[];
}

/** Which claims' evidence to show: all, or only claims with evidence of one stance. */
export type StanceFilter = 'ANY' | 'SUPPORTS' | 'DISPUTES';

/** Filters over the scene; they hide, they never refetch. */
export interface Filters {
  readonly hiddenKinds: readonly NodeKind[];
  /** Show a claim only when it has evidence at this level or stronger. */
  readonly minLevel: EvidenceLevel | null;
  readonly stance: StanceFilter;
}

/**
 * A what-if: evidence to leave out. Unlike the filters it refetches, because certainty, paths and the
 * matrix are worked out again on the server without it.
 */
export interface Weighting {
  readonly levels: readonly EvidenceLevel[];
  readonly stances: readonly Stance[];
  readonly unverified: boolean;
}

export const NO_WEIGHTING: Weighting = { levels: [], stances: [], unverified: false };

/** True when the what-if leaves something out. */
export function isWeighing(weighting: Weighting): boolean {
  return weighting.levels.length > 0 || weighting.stances.length > 0 || weighting.unverified;
}

/** The weighting as the API's argument; null when it leaves nothing out (the stored figures then). */
export function weightingArgument(weighting: Weighting): EvidenceWeighting | null {
  if (!isWeighing(weighting)) return null;
  return {
    ...(weighting.levels.length > 0 ? { leaveOutLevels: [...weighting.levels] } : {}),
    ...(weighting.stances.length > 0 ? { leaveOutStances: [...weighting.stances] } : {}),
    ...(weighting.unverified ? { leaveOutUnverified: true } : {}),
  };
}

/** How many theories a comparison may set side by side (the API's limit). */
export const MAX_COMPARED = 10;

/** The layouts a reader can choose. */
export const LAYOUTS = ['fcose', 'concentric', 'breadthfirst', 'circle', 'grid'] as const;
export type LayoutName = (typeof LAYOUTS)[number];

/** Graph canvas, or the accessible list/table twin of the same scene. */
export type ViewMode = 'graph' | 'list';

/** Everything the URL holds. */
export interface ViewState {
  readonly focus: Focus;
  readonly expansions: readonly Expansion[];
  /** The selected node or claim id. */
  readonly selected: string | null;
  readonly filters: Filters;
  /** Evidence left out, as a what-if. */
  readonly weighting: Weighting;
  readonly layout: LayoutName;
  readonly mode: ViewMode;
  /** Paths focus only: which ranked path is highlighted (0 = best). */
  readonly pathIndex: number;
}

export const DEFAULT_DEPTH = 1;
/** Nodes a neighbourhood shows at first (the server's default budget), and how many "+N more" adds. */
export const NODE_BUDGET = 150;
/** The most a reader can ask for (the server's cap). */
export const MAX_NODE_BUDGET = 5000;
export const MAX_DEPTH = 3;

/** How many steps out the scene already shows around a node: its focus depth or its expansion's, else 0. */
export function shownDepth(view: Pick<ViewState, 'focus' | 'expansions'>, nodeId: string): number {
  const focusDepth = view.focus.kind === 'node' && view.focus.id === nodeId ? view.focus.depth : 0;
  const expansion = view.expansions.find((existing) => existing.id === nodeId);
  return Math.max(focusDepth, expansion?.depth ?? 0);
}

export const DEFAULT_MAX_HOPS = 4;
export const MAX_HOPS = 6;

export const DEFAULT_FILTERS: Filters = { hiddenKinds: [], minLevel: null, stance: 'ANY' };

export const INITIAL_VIEW: ViewState = {
  focus: { kind: 'overview' },
  expansions: [],
  selected: null,
  filters: DEFAULT_FILTERS,
  weighting: NO_WEIGHTING,
  layout: 'fcose',
  mode: 'graph',
  pathIndex: 0,
};

/** Every way the view can change. */
export type ViewAction =
  | { readonly type: 'focusOverview' }
  | { readonly type: 'focusNode'; readonly id: string; readonly depth?: number }
  | { readonly type: 'focusTheory'; readonly id: string }
  | { readonly type: 'compareTheories'; readonly ids: readonly string[] }
  | { readonly type: 'showMatrix'; readonly ids: readonly string[] }
  | { readonly type: 'showAgenda' }
  | { readonly type: 'setWeighting'; readonly weighting: Weighting }
  | { readonly type: 'askPath'; readonly from: string; readonly to: string; readonly maxHops?: number }
  | { readonly type: 'showPath'; readonly index: number }
  /** Node focus: show the next NODE_BUDGET nodes of the neighbourhood too. */
  | { readonly type: 'showMoreNodes' }
  | { readonly type: 'expand'; readonly expansion: Expansion }
  | { readonly type: 'collapse'; readonly id: string }
  | { readonly type: 'select'; readonly id: string | null }
  | { readonly type: 'toggleKind'; readonly kind: NodeKind }
  | { readonly type: 'setMinLevel'; readonly level: EvidenceLevel | null }
  | { readonly type: 'setStance'; readonly stance: StanceFilter }
  | { readonly type: 'resetFilters' }
  | { readonly type: 'setLayout'; readonly layout: LayoutName }
  | { readonly type: 'setMode'; readonly mode: ViewMode }
  /** Replaces the whole view (browser back/forward, a pasted link); not itself undoable. */
  | { readonly type: 'restore'; readonly view: ViewState }
  | { readonly type: 'undo' }
  | { readonly type: 'redo' };

/** The view with its undo and redo stacks. */
export interface ViewHistory {
  readonly past: readonly ViewState[];
  readonly present: ViewState;
  readonly future: readonly ViewState[];
}

/** How many view changes undo remembers. */
export const UNDO_LIMIT = 100;

export function initialHistory(view: ViewState = INITIAL_VIEW): ViewHistory {
  return { past: [], present: view, future: [] };
}

/** Applies one action; an action that changes nothing leaves the history untouched. */
export function viewReducer(history: ViewHistory, action: ViewAction): ViewHistory {
  switch (action.type) {
    case 'undo': {
      const previous = history.past.at(-1);
      if (previous === undefined) return history;
      return {
        past: history.past.slice(0, -1),
        present: previous,
        future: [history.present, ...history.future],
      };
    }
    case 'redo': {
      const [next, ...rest] = history.future;
      if (next === undefined) return history;
      return { past: [...history.past, history.present], present: next, future: rest };
    }
    case 'restore':
      return sameView(history.present, action.view) ? history : { ...history, present: action.view };
    default: {
      const next = applyViewAction(history.present, action);
      if (sameView(next, history.present)) return history;
      return { past: [...history.past, history.present].slice(-UNDO_LIMIT), present: next, future: [] };
    }
  }
}

/** The new view for an undoable action. */
export function applyViewAction(
  view: ViewState,
  action: Exclude<ViewAction, { type: 'undo' | 'redo' | 'restore' }>,
): ViewState {
  switch (action.type) {
    case 'focusOverview':
      return { ...view, focus: { kind: 'overview' }, expansions: [], pathIndex: 0 };
    case 'showMoreNodes': {
      if (view.focus.kind !== 'node') return view;
      const limit = Math.min(MAX_NODE_BUDGET, (view.focus.limit ?? NODE_BUDGET) + NODE_BUDGET);
      return { ...view, focus: { ...view.focus, limit } };
    }
    case 'focusNode':
      return {
        ...view,
        focus: { kind: 'node', id: action.id, depth: clampDepth(action.depth ?? DEFAULT_DEPTH) },
        expansions: [],
        selected: action.id,
        pathIndex: 0,
      };
    case 'focusTheory':
      return {
        ...view,
        focus: { kind: 'theory', id: action.id },
        expansions: [],
        selected: action.id,
        pathIndex: 0,
      };
    case 'compareTheories':
      return {
        ...view,
        focus: { kind: 'compare', ids: [...new Set(action.ids)].slice(0, MAX_COMPARED) },
        expansions: [],
        pathIndex: 0,
      };
    case 'showMatrix':
      return {
        ...view,
        focus: { kind: 'matrix', ids: [...new Set(action.ids)] },
        expansions: [],
        pathIndex: 0,
      };
    case 'showAgenda':
      return { ...view, focus: { kind: 'agenda' }, expansions: [], pathIndex: 0 };
    case 'setWeighting':
      return {
        ...view,
        weighting: {
          levels: [...new Set(action.weighting.levels)].sort(),
          stances: [...new Set(action.weighting.stances)].sort(),
          unverified: action.weighting.unverified,
        },
      };
    case 'askPath':
      return {
        ...view,
        focus: {
          kind: 'path',
          from: action.from,
          to: action.to,
          maxHops: clamp(action.maxHops ?? DEFAULT_MAX_HOPS, 1, MAX_HOPS),
        },
        expansions: [],
        selected: null,
        pathIndex: 0,
      };
    case 'showPath':
      return { ...view, pathIndex: Math.max(0, Math.trunc(action.index)) };
    case 'expand': {
      const expansion = { ...action.expansion, depth: clampDepth(action.expansion.depth) };
      const others = view.expansions.filter((existing) => existing.id !== expansion.id);
      return { ...view, expansions: [...others, expansion] };
    }
    case 'collapse':
      return { ...view, expansions: view.expansions.filter((existing) => existing.id !== action.id) };
    case 'select':
      return { ...view, selected: action.id };
    case 'toggleKind': {
      const hidden = view.filters.hiddenKinds.includes(action.kind)
        ? view.filters.hiddenKinds.filter((kind) => kind !== action.kind)
        : [...view.filters.hiddenKinds, action.kind].sort();
      return { ...view, filters: { ...view.filters, hiddenKinds: hidden } };
    }
    case 'setMinLevel':
      return { ...view, filters: { ...view.filters, minLevel: action.level } };
    case 'setStance':
      return { ...view, filters: { ...view.filters, stance: action.stance } };
    case 'resetFilters':
      return { ...view, filters: DEFAULT_FILTERS };
    case 'setLayout':
      return { ...view, layout: action.layout };
    case 'setMode':
      return { ...view, mode: action.mode };
  }
}

function clamp(value: number, low: number, high: number): number {
  return Math.min(high, Math.max(low, Math.trunc(value)));
}

function clampDepth(depth: number): number {
  return clamp(depth, 1, MAX_DEPTH);
}

/** Structural equality of two views (they are small, plain JSON). */
export function sameView(a: ViewState, b: ViewState): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** Whether undo / redo would do anything, for the buttons. */
export function canUndo(history: ViewHistory): boolean {
  return history.past.length > 0;
}
export function canRedo(history: ViewHistory): boolean {
  return history.future.length > 0;
}

/**
 * The view in the URL's query string, both ways. Encoding is canonical (a view has exactly one
 * URL) and decoding is forgiving: a hand-edited or truncated link restores whatever it can and falls
 * back to defaults for the rest, never throws. Node ids (`kind:slug`) never contain `,`, `;` or `*`,
 * which are the separators below.
 *
 *   ?node=symptom:brain-fog&depth=2&limit=300       neighbourhood focus (limit: "+N more" was asked)
 *   ?theory=theory:central-sensitization            theory focus
 *   ?compare=theory:a,theory:b,theory:c             comparison (2 to 10 theories)
 *   ?matrix=all  or  ?matrix=theory:a,theory:b      discrimination matrix
 *   ?agenda=open                                    research agenda
 *   ?from=therapy:x&to=symptom:y&hops=4&path=1      path question (and the highlighted path)
 *   &expand=mechanism:m*2*SYMPTOM,THERAPY*CAUSES;…  expansions: id*depth*kinds*relations
 *   &sel=…&hide=SOURCE,ANATOMY&min=RCT&stance=DISPUTES&layout=circle&mode=list
 *   &leave=ANECDOTE,HYPOTHESIS&leavestance=DISPUTES&leaveunverified=1   what-if weighting
 */
import type { NodeKind, Stance } from '../api/generated.ts';
import { isLevel, isNodeKind, isRelationName } from '../graph/vocabulary.ts';
import {
  DEFAULT_DEPTH,
  DEFAULT_FILTERS,
  DEFAULT_MAX_HOPS,
  INITIAL_VIEW,
  LAYOUTS,
  MAX_COMPARED,
  MAX_DEPTH,
  MAX_HOPS,
  MAX_NODE_BUDGET,
  NODE_BUDGET,
  type Expansion,
  type Filters,
  type Focus,
  type LayoutName,
  type ViewState,
  type Weighting,
} from './view-state.ts';

/** Node ids as the API issues them; anything else in a link is ignored. */
const NODE_ID = /^[a-z]+:[A-Za-z0-9][A-Za-z0-9._-]*$/;
/** Claim ids: `claim:<from>--<RELATION>--<to>`. */
const CLAIM_ID = /^claim:[A-Za-z0-9:._-]+$/;
/** The most expansions a link may carry (a link is not a bulk API). */
const MAX_EXPANSIONS = 50;

/** The query string for a view, without the leading `?`; the default view is the empty string. */
export function encodeView(view: ViewState): string {
  const params = new URLSearchParams();
  const { focus } = view;
  switch (focus.kind) {
    case 'overview':
      break;
    case 'node':
      params.set('node', focus.id);
      if (focus.depth !== DEFAULT_DEPTH) params.set('depth', String(focus.depth));
      if (focus.limit !== undefined && focus.limit !== NODE_BUDGET) params.set('limit', String(focus.limit));
      break;
    case 'theory':
      params.set('theory', focus.id);
      break;
    case 'compare':
      params.set('compare', focus.ids.join(','));
      break;
    case 'matrix':
      params.set('matrix', focus.ids.length === 0 ? 'all' : focus.ids.join(','));
      break;
    case 'agenda':
      params.set('agenda', 'open');
      break;
    case 'path':
      params.set('from', focus.from);
      params.set('to', focus.to);
      if (focus.maxHops !== DEFAULT_MAX_HOPS) params.set('hops', String(focus.maxHops));
      if (view.pathIndex !== 0) params.set('path', String(view.pathIndex));
      break;
  }
  if (view.expansions.length > 0) params.set('expand', view.expansions.map(encodeExpansion).join(';'));
  if (view.selected !== null) params.set('sel', view.selected);
  const { filters } = view;
  if (filters.hiddenKinds.length > 0) params.set('hide', [...filters.hiddenKinds].sort().join(','));
  if (filters.minLevel !== null) params.set('min', filters.minLevel);
  if (filters.stance !== 'ANY') params.set('stance', filters.stance);
  const { weighting } = view;
  if (weighting.levels.length > 0) params.set('leave', [...weighting.levels].sort().join(','));
  if (weighting.stances.length > 0) params.set('leavestance', [...weighting.stances].sort().join(','));
  if (weighting.unverified) params.set('leaveunverified', '1');
  if (view.layout !== INITIAL_VIEW.layout) params.set('layout', view.layout);
  if (view.mode !== INITIAL_VIEW.mode) params.set('mode', view.mode);
  // Ids keep their colons: URLSearchParams would write %3A, which is valid but unreadable in a link.
  return params
    .toString()
    .replace(/%3A/g, ':')
    .replace(/%2C/g, ',')
    .replace(/%3B/g, ';')
    .replace(/%2A/g, '*');
}

function encodeExpansion(expansion: Expansion): string {
  return [expansion.id, expansion.depth, expansion.kinds.join(','), expansion.relations.join(',')].join('*');
}

/** The view a query string describes (with or without the leading `?`); unknown parts are ignored. */
export function decodeView(search: string): ViewState {
  const params = new URLSearchParams(search.startsWith('?') ? search.slice(1) : search);
  const focus = decodeFocus(params);
  const selected = params.get('sel');
  const layout = params.get('layout');
  return {
    focus,
    expansions: decodeExpansions(params.get('expand')),
    selected: selected !== null && (NODE_ID.test(selected) || CLAIM_ID.test(selected)) ? selected : null,
    filters: decodeFilters(params),
    weighting: decodeWeighting(params),
    layout:
      layout !== null && (LAYOUTS as readonly string[]).includes(layout)
        ? (layout as LayoutName)
        : INITIAL_VIEW.layout,
    mode: params.get('mode') === 'list' ? 'list' : 'graph',
    pathIndex: focus.kind === 'path' ? integer(params.get('path'), 0, 0, 49) : 0,
  };
}

function decodeFocus(params: URLSearchParams): Focus {
  const node = nodeId(params.get('node'));
  if (node !== null) {
    const depth = integer(params.get('depth'), DEFAULT_DEPTH, 1, MAX_DEPTH);
    const limit = integer(params.get('limit'), NODE_BUDGET, 1, MAX_NODE_BUDGET);
    return limit === NODE_BUDGET
      ? { kind: 'node', id: node, depth }
      : { kind: 'node', id: node, depth, limit };
  }
  const theory = nodeId(params.get('theory'));
  if (theory !== null) return { kind: 'theory', id: theory };
  const compared = theoryIds(params.get('compare')).slice(0, MAX_COMPARED);
  if (compared.length >= 2) return { kind: 'compare', ids: compared };
  const matrix = params.get('matrix');
  if (matrix !== null) return { kind: 'matrix', ids: matrix === 'all' ? [] : theoryIds(matrix) };
  if (params.get('agenda') !== null) return { kind: 'agenda' };
  const from = nodeId(params.get('from'));
  const to = nodeId(params.get('to'));
  if (from !== null && to !== null) {
    return { kind: 'path', from, to, maxHops: integer(params.get('hops'), DEFAULT_MAX_HOPS, 1, MAX_HOPS) };
  }
  return { kind: 'overview' };
}

function decodeExpansions(text: string | null): Expansion[] {
  if (!text) return [];
  const expansions: Expansion[] = [];
  for (const part of text.split(';').slice(0, MAX_EXPANSIONS)) {
    const [rawId, rawDepth, rawKinds = '', rawRelations = ''] = part.split('*');
    const id = nodeId(rawId ?? null);
    if (id === null || expansions.some((existing) => existing.id === id)) continue;
    expansions.push({
      id,
      depth: integer(rawDepth ?? null, DEFAULT_DEPTH, 1, MAX_DEPTH),
      kinds: rawKinds.split(',').filter(isNodeKind),
      relations: rawRelations.split(',').filter(isRelationName),
    });
  }
  return expansions;
}

function decodeFilters(params: URLSearchParams): Filters {
  const hidden = (params.get('hide') ?? '').split(',').filter(isNodeKind);
  const min = params.get('min');
  const stance = params.get('stance');
  return {
    hiddenKinds: [...new Set<NodeKind>(hidden)].sort(),
    minLevel: min !== null && isLevel(min) ? min : DEFAULT_FILTERS.minLevel,
    stance: stance === 'SUPPORTS' || stance === 'DISPUTES' ? stance : 'ANY',
  };
}

function decodeWeighting(params: URLSearchParams): Weighting {
  const levels = (params.get('leave') ?? '').split(',').filter(isLevel);
  const stances = (params.get('leavestance') ?? '')
    .split(',')
    .filter((value): value is Stance => value === 'SUPPORTS' || value === 'DISPUTES');
  return {
    levels: [...new Set(levels)].sort(),
    stances: [...new Set(stances)].sort(),
    unverified: params.get('leaveunverified') === '1',
  };
}

/** Distinct valid ids from a comma-separated list, in order. */
function theoryIds(text: string | null): string[] {
  const ids = (text ?? '').split(',').map(nodeId);
  return [...new Set(ids.filter((id): id is string => id !== null))];
}

function nodeId(value: string | null | undefined): string | null {
  return value != null && NODE_ID.test(value) ? value : null;
}

function integer(value: string | null, fallback: number, low: number, high: number): number {
  if (value === null || !/^\d{1,4}$/.test(value)) return fallback;
  return Math.min(high, Math.max(low, Number(value)));
}

/** Defaults and caps for read queries, applied identically by every store. */
import { NotFoundError, ValidationError } from '../domain/errors.ts';
import { isEvidenceLevel, type EvidenceLevel } from '../domain/evidence-levels.ts';
import { isNodeKind, type NodeKind } from '../domain/kinds.ts';
import { isSourceNode, type Claim, type GraphNode, type SourceNode } from '../domain/model.ts';
import { isRelation, type Relation } from '../domain/relations.ts';
import { resolveWeighting, type ResolvedWeighting } from '../domain/weighting.ts';
import type { RankedPath } from '../domain/traversal.ts';
import type {
  ActivityQuery,
  ReviewRecordQuery,
  HistoryQuery,
  NeighborhoodQuery,
  PageQuery,
  PathQuery,
  PathResult,
  SearchQuery,
} from './graph-store.ts';

/** Caps that keep any single query bounded. */
export const QUERY_CAPS = {
  maxDepth: 4,
  maxNeighborhoodNodes: 5000,
  /** The default node budget of one neighbourhood answer: about what a person can read on one screen. */
  defaultNeighborhoodLimit: 150,
  maxHops: 6,
  maxPaths: 50,
  maxPathCandidates: 20_000,
  maxSearch: 100,
  maxReviewList: 200,
  maxHistory: 200,
  maxList: 1000,
  maxContested: 500,
  searchCandidates: 200,
} as const;

/** The node as a source, for reads about sources; a concept node is refused, naming `id`. */
export function requireSource(node: GraphNode): SourceNode {
  if (!isSourceNode(node)) throw new ValidationError('id', `"${node.id}" is a ${node.kind}, not a source`);
  return node;
}

/** A page query with defaults and caps applied: `first` 1..maxList (default 100), `after` '' = from the start. */
export function resolvePageQuery(page: PageQuery = {}): { readonly first: number; readonly after: string } {
  return { first: resolveFirst(page.first, 100, QUERY_CAPS.maxList), after: page.after ?? '' };
}

/** Neighbourhood options with defaults applied. */
export interface ResolvedNeighborhoodQuery {
  readonly depth: number;
  readonly kinds: readonly NodeKind[] | undefined;
  readonly relations: readonly Relation[] | undefined;
  readonly minLevel: EvidenceLevel | undefined;
  readonly maxNodes: number;
  readonly limit: number;
  readonly offset: number;
}

/** Validates and fills in neighbourhood options. */
export function resolveNeighborhoodQuery(query: NeighborhoodQuery = {}): ResolvedNeighborhoodQuery {
  const depth = checkInt('depth', query.depth ?? 1, 1, QUERY_CAPS.maxDepth);
  for (const kind of query.kinds ?? [])
    if (!isNodeKind(kind)) throw new ValidationError('kinds', `unknown node kind ${JSON.stringify(kind)}`);
  for (const relation of query.relations ?? []) {
    if (!isRelation(relation))
      throw new ValidationError('relations', `unknown relation ${JSON.stringify(relation)}`);
  }
  if (query.minLevel !== undefined && !isEvidenceLevel(query.minLevel)) {
    throw new ValidationError('minLevel', `unknown evidence level "${String(query.minLevel)}"`);
  }
  return {
    depth,
    kinds: query.kinds,
    relations: query.relations,
    minLevel: query.minLevel,
    maxNodes: QUERY_CAPS.maxNeighborhoodNodes,
    limit: checkInt(
      'limit',
      query.limit ?? QUERY_CAPS.defaultNeighborhoodLimit,
      1,
      QUERY_CAPS.maxNeighborhoodNodes,
    ),
    offset: checkInt('offset', query.offset ?? 0, 0, QUERY_CAPS.maxNeighborhoodNodes),
  };
}

/** A ranked path with each hop's claim looked up (stored, or weighed when the query had a weighting). */
export function withPathClaims(path: RankedPath, claimOf: (id: string) => Claim | null): PathResult {
  return {
    ...path,
    claims: path.hops.map((hop) => {
      const claim = claimOf(hop.claimId);
      // The walk only crosses claims it was given, so a miss means the data changed under it.
      if (claim === null) throw new NotFoundError('claim', hop.claimId);
      return claim;
    }),
  };
}

/** Validates and fills in path options. */
export function resolvePathQuery(query: PathQuery = {}): {
  maxHops: number;
  first: number;
  maxCandidates: number;
  throughTheoryRelations: boolean;
  weighting: ResolvedWeighting | null;
} {
  if (query.throughTheoryRelations !== undefined && typeof query.throughTheoryRelations !== 'boolean') {
    throw new ValidationError('throughTheoryRelations', 'must be true or false');
  }
  return {
    maxHops: checkInt('maxHops', query.maxHops ?? 4, 1, QUERY_CAPS.maxHops),
    first: checkInt('first', query.first ?? 5, 1, QUERY_CAPS.maxPaths),
    maxCandidates: QUERY_CAPS.maxPathCandidates,
    throughTheoryRelations: query.throughTheoryRelations ?? false,
    weighting: resolveWeighting(query.weighting),
  };
}

/** Validates and fills in search options. */
export function resolveSearchQuery(
  text: string,
  query: SearchQuery = {},
): { text: string; kinds: readonly NodeKind[]; first: number } {
  if (typeof text !== 'string') throw new ValidationError('text', 'must be a string');
  if (text.length > 200) throw new ValidationError('text', 'must be at most 200 characters');
  for (const kind of query.kinds ?? [])
    if (!isNodeKind(kind)) throw new ValidationError('kinds', `unknown node kind ${JSON.stringify(kind)}`);
  return {
    text,
    kinds: query.kinds ?? [],
    first: checkInt('first', query.first ?? 10, 1, QUERY_CAPS.maxSearch),
  };
}

/** Validates and fills in history options; the cursor is the last seen sequence number. */
export function resolveHistoryQuery(query: HistoryQuery = {}): {
  targetId: string | undefined;
  first: number;
  beforeSeq: number;
} {
  const first = checkInt('first', query.first ?? 20, 1, QUERY_CAPS.maxHistory);
  let beforeSeq = Number.MAX_SAFE_INTEGER;
  if (query.after !== undefined) {
    if (!/^\d{1,15}$/.test(query.after)) throw new ValidationError('after', 'is not a history cursor');
    beforeSeq = Number(query.after);
  }
  return { targetId: query.targetId, first, beforeSeq };
}

/** An activity query's filters, page size and sequence cursor (as history's). */
export function resolveActivityQuery(query: ActivityQuery = {}): {
  actor: string | undefined;
  targetId: string | undefined;
  first: number;
  beforeSeq: number;
} {
  const first = checkInt('first', query.first ?? 50, 1, QUERY_CAPS.maxReviewList);
  let beforeSeq = Number.MAX_SAFE_INTEGER;
  if (query.after !== undefined) {
    if (!/^\d{1,15}$/.test(query.after)) throw new ValidationError('after', 'is not an activity cursor');
    beforeSeq = Number(query.after);
  }
  return { actor: query.actor, targetId: query.targetId, first, beforeSeq };
}

/** A proposal or report listing's page size and id cursor ('' for the first page, sorting after any id). */
export function resolveReviewRecordQuery(query: ReviewRecordQuery): {
  statuses: readonly string[];
  first: number;
  before: string;
} {
  const first = checkInt('first', query.first ?? 50, 1, QUERY_CAPS.maxReviewList);
  return { statuses: query.statuses ?? [], first, before: query.after ?? '\uffff' };
}

/** Validates an optional `first` against a cap. */
export function resolveFirst(first: number | undefined, fallback: number, cap: number): number {
  return checkInt('first', first ?? fallback, 1, cap);
}

function checkInt(field: string, value: unknown, min: number, max: number): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
    throw new ValidationError(field, `must be a whole number from ${min} to ${max}`);
  }
  return value;
}

/** Read queries the embedded store answers from its in-memory read model. */
import { NotFoundError, ValidationError } from '../../domain/errors.ts';
import { compareContested } from '../../domain/claim-order.ts';
import type { Claim, GraphNode } from '../../domain/model.ts';
import type { Relation } from '../../domain/relations.ts';
import { collectNeighbourhood, findPaths } from '../../domain/traversal.ts';
import { weighedAdjacency } from '../../domain/weighting.ts';
import type { GraphStats, NeighborhoodQuery, PathQuery, PathsResult, Subgraph } from '../graph-store.ts';
import { resolveNeighborhoodQuery, resolvePathQuery, withPathClaims } from '../query-options.ts';
import type { MemoryGraph } from './memory-graph.ts';

/** The neighbourhood of a node (see collectNeighbourhood for the exact rule). */
export function neighborhoodIn(graph: MemoryGraph, id: string, query?: NeighborhoodQuery): Subgraph {
  const options = resolveNeighborhoodQuery(query);
  requireNode(graph, id);
  const unfiltered = !options.kinds?.length && !options.relations?.length && options.minLevel === undefined;
  if (unfiltered) {
    const walk = graph.walkIndex.neighbourhood(id, options.depth, options.maxNodes, options);
    return {
      nodes: walk.nodeIds.map((nodeId) => requireNode(graph, nodeId)),
      claims: walk.claims,
      truncated: walk.truncated,
      page: walk.page,
    };
  }
  const walk = collectNeighbourhood(graph, id, options);
  return { ...subgraphOf(graph, walk.nodeIds, walk.claimIds, walk.truncated), page: walk.page };
}

/** Ranked paths between two nodes. */
export function pathsIn(graph: MemoryGraph, fromId: string, toId: string, query?: PathQuery): PathsResult {
  const options = resolvePathQuery(query);
  requireNode(graph, fromId);
  requireNode(graph, toId);
  if (options.weighting !== null) {
    const walk = weighedAdjacency(graph, (id) => graph.claims.get(id), options.weighting);
    const { paths, truncated } = findPaths(walk.adjacency, fromId, toId, options);
    return { paths: paths.map((path) => withPathClaims(path, walk.weighed)), truncated };
  }
  const { paths, truncated } = findPaths(graph, fromId, toId, options);
  return { paths: paths.map((path) => withPathClaims(path, (id) => requireClaim(graph, id))), truncated };
}

/** Relations that pull a node into a theory's subgraph, by direction from the theory. */
const THEORY_OUT: ReadonlySet<Relation> = new Set([
  'PROPOSES',
  'EXPLAINS',
  'BUILDS_ON',
  'CONFLICTS_WITH',
  'INVOLVES',
]);
const THEORY_IN: ReadonlySet<Relation> = new Set(['BUILDS_ON', 'CONFLICTS_WITH']);
const THERAPY_RELATIONS: ReadonlySet<Relation> = new Set(['TARGETS', 'RELIEVES']);

/**
 * A theory's subgraph: the theory; what it proposes, explains and involves; theories it builds on or
 * conflicts with (either way); therapies that act on its mechanisms or relieve its symptoms; and every
 * claim among those nodes.
 */
export function theorySubgraphIn(graph: MemoryGraph, theoryId: string): Subgraph {
  const theory = requireNode(graph, theoryId);
  if (theory.kind !== 'theory')
    throw new ValidationError('id', `"${theoryId}" is a ${theory.kind}, not a theory`);
  const members = new Set<string>([theoryId]);
  for (const edge of graph.edgesOf(theoryId)) {
    if (edge.from === theoryId && THEORY_OUT.has(edge.relation)) members.add(edge.to);
    if (edge.to === theoryId && THEORY_IN.has(edge.relation)) members.add(edge.from);
  }
  for (const memberId of [...members]) {
    for (const edge of graph.edgesOf(memberId)) {
      if (edge.to === memberId && THERAPY_RELATIONS.has(edge.relation)) members.add(edge.from);
    }
  }
  const claimIds = new Set<string>();
  for (const memberId of members) {
    for (const edge of graph.edgesOf(memberId))
      if (edge.from === memberId && members.has(edge.to)) claimIds.add(edge.id);
  }
  return subgraphOf(graph, [...members].sort(), [...claimIds].sort(), false);
}

/** Contested claims, the strongest disputes first. */
export function contestedIn(graph: MemoryGraph, first: number): Claim[] {
  const contested = [...graph.claims.values()].filter((claim) => claim.contested);
  contested.sort(compareContested);
  return contested.slice(0, first);
}

/** Counts by kind, relation, level and stance. */
export function statsOf(graph: MemoryGraph, changes: number): GraphStats {
  const nodesByKind: Record<string, number> = {};
  const claimsByRelation: Record<string, number> = {};
  const evidenceByLevel: Record<string, number> = {};
  const evidenceByStance: Record<string, number> = {};
  const claimsByCertainty: Record<string, number> = {};
  let evidence = 0;
  let contestedClaims = 0;
  for (const node of graph.nodes.values()) nodesByKind[node.kind] = (nodesByKind[node.kind] ?? 0) + 1;
  for (const claim of graph.claims.values()) {
    claimsByRelation[claim.relation] = (claimsByRelation[claim.relation] ?? 0) + 1;
    if (claim.contested) contestedClaims += 1;
    const grade = claim.certainty ?? 'ungraded';
    claimsByCertainty[grade] = (claimsByCertainty[grade] ?? 0) + 1;
    for (const item of claim.evidence) {
      evidence += 1;
      evidenceByLevel[item.level] = (evidenceByLevel[item.level] ?? 0) + 1;
      evidenceByStance[item.stance] = (evidenceByStance[item.stance] ?? 0) + 1;
    }
  }
  return {
    nodes: graph.nodes.size,
    claims: graph.claims.size,
    evidence,
    changes,
    nodesByKind,
    claimsByRelation,
    evidenceByLevel,
    evidenceByStance,
    claimsByCertainty,
    contestedClaims,
  };
}

/** The node, or a NotFoundError. */
export function requireNode(graph: MemoryGraph, id: string): GraphNode {
  const node = graph.nodes.get(id);
  if (!node) throw new NotFoundError('node', id);
  return node;
}

/** The claim, or a NotFoundError. */
export function requireClaim(graph: MemoryGraph, id: string): Claim {
  const claim = graph.claims.get(id);
  if (!claim) throw new NotFoundError('claim', id);
  return claim;
}

function subgraphOf(
  graph: MemoryGraph,
  nodeIds: readonly string[],
  claimIds: readonly string[],
  truncated: boolean,
): Subgraph {
  return {
    nodes: nodeIds.map((id) => requireNode(graph, id)),
    claims: claimIds.map((id) => requireClaim(graph, id)),
    truncated,
  };
}

/**
 * Graph walks shared by both stores, so a neighbourhood or a path ranking means exactly the same
 * thing whichever store answers. A store supplies adjacency (all in memory for the embedded store,
 * fetched level by level for Neo4j); these functions decide what to visit and how to rank.
 */
import { isGradedRelation } from './certainty.ts';
import { levelRank, type EvidenceLevel } from './evidence-levels.ts';
import type { NodeKind } from './kinds.ts';
import { isSymmetric, relationClass, type Relation } from './relations.ts';

/** The part of a claim a walk needs. */
export interface ClaimEdge {
  readonly id: string;
  readonly relation: Relation;
  readonly from: string;
  readonly to: string;
  readonly strength: number;
  readonly bestLevel: EvidenceLevel;
}

/** Read access to the graph's structure. */
export interface Adjacency {
  /** Claims touching the node, in either direction. */
  edgesOf(nodeId: string): readonly ClaimEdge[];
  /** The node's kind, or undefined when the node is unknown. */
  kindOf(nodeId: string): NodeKind | undefined;
}

/** Filters for a neighbourhood walk. */
export interface NeighbourhoodOptions {
  /** Hops from the centre; 1 means direct neighbours. */
  readonly depth: number;
  /** Only nodes of these kinds (the centre is always included). */
  readonly kinds?: readonly NodeKind[] | undefined;
  /** Only claims of these relations. */
  readonly relations?: readonly Relation[] | undefined;
  /** Only claims with at least one evidence item this strong. */
  readonly minLevel?: EvidenceLevel | undefined;
  /** Stop walking beyond this many nodes (the result says it was truncated): a safety cap. */
  readonly maxNodes: number;
  /** The node budget: how many nodes, in rank order, one answer holds (default: all reached). */
  readonly limit?: number | undefined;
  /** Rank of the first node in this answer (0, the centre, by default): how a reader pages on. */
  readonly offset?: number | undefined;
}

/** Node and claim ids of a walk's result. */
export interface WalkResult {
  readonly nodeIds: string[];
  readonly claimIds: string[];
  /** True when the safety cap stopped the walk or the budget left nodes out. */
  readonly truncated: boolean;
  readonly page: NeighbourhoodPage;
}

/**
 * Where one answer sits in the whole neighbourhood. Nodes are ranked by distance from the centre
 * (nearer first), then by their strongest link to a node one step nearer (surer first), then by id;
 * an answer holds the ranks offset .. offset + limit - 1, so pages never overlap and together make
 * the whole neighbourhood.
 */
export interface NeighbourhoodPage {
  /** Nodes in the whole neighbourhood, the centre included. */
  readonly totalNodes: number;
  readonly offset: number;
  readonly limit: number;
  /** Nodes ranked after this answer, and how many of each kind. */
  readonly leftOut: { readonly nodes: number; readonly byKind: Readonly<Partial<Record<NodeKind, number>>> };
  /** The offset of the next answer, or null when this one reaches the end. */
  readonly nextOffset: number | null;
}

/** A node a neighbourhood walk reached. */
export interface ReachedNode {
  readonly id: string;
  /** Hops from the centre (0 for the centre). */
  readonly distance: number;
  /** Strength of its strongest passing claim to a node one hop nearer (1 for the centre). */
  readonly link: number;
}

/** The nodes a walk reached, unranked, and whether the safety cap stopped it. */
export interface Reach {
  readonly reached: readonly ReachedNode[];
  readonly truncated: boolean;
}

/** Predicates a walk uses: may it cross this claim, and may it enter this node? */
export interface WalkFilter {
  readonly claimPasses: (edge: ClaimEdge) => boolean;
  readonly nodePasses: (nodeId: string) => boolean;
}

/** Builds the walk predicates from neighbourhood options. */
export function walkFilter(
  adjacency: Pick<Adjacency, 'kindOf'>,
  options: Pick<NeighbourhoodOptions, 'kinds' | 'relations' | 'minLevel'>,
): WalkFilter {
  const relations = options.relations && options.relations.length > 0 ? new Set(options.relations) : null;
  const kinds = options.kinds && options.kinds.length > 0 ? new Set(options.kinds) : null;
  const maxRank = options.minLevel === undefined ? Infinity : levelRank(options.minLevel);
  return {
    claimPasses:
      relations === null && maxRank === Infinity
        ? () => true
        : (edge) =>
            (relations === null || relations.has(edge.relation)) && levelRank(edge.bestLevel) <= maxRank,
    nodePasses: (nodeId) => {
      if (kinds === null) return true;
      const kind = adjacency.kindOf(nodeId);
      return kind !== undefined && kinds.has(kind);
    },
  };
}

/**
 * Breadth-first walk from `centerId`. Nodes: everything reachable within `depth` hops through claims
 * and nodes that pass the filters (the centre is always in), ranked and cut to the node budget (see
 * NeighbourhoodPage). Claims: every passing claim among the answer's nodes and the nodes ranked
 * before them, so the picture shows links among neighbours too and a later page brings the links
 * back to what the reader already has.
 */
export function collectNeighbourhood(
  adjacency: Adjacency,
  centerId: string,
  options: NeighbourhoodOptions,
): WalkResult {
  const filter = walkFilter(adjacency, options);
  const reach = reachNeighbourhood(adjacency, centerId, options, filter);
  const page = pageOfNeighbourhood(reach, adjacency, options);
  return {
    nodeIds: page.nodeIds,
    claimIds: claimsOfPage(adjacency, page, filter.claimPasses),
    truncated: page.truncated,
    page: page.page,
  };
}

/**
 * The breadth-first levels of a neighbourhood walk, each reached node with its distance and its
 * strongest link back. Only claims touching nodes nearer than `depth` are read, which is what lets
 * the Neo4j store fetch exactly those before walking.
 */
export function reachNeighbourhood(
  adjacency: Adjacency,
  centerId: string,
  options: Pick<NeighbourhoodOptions, 'depth' | 'maxNodes'>,
  { claimPasses, nodePasses }: WalkFilter,
): Reach {
  const found = new Map<string, { distance: number; link: number }>([[centerId, { distance: 0, link: 1 }]]);
  let frontier = [centerId];
  let truncated = false;
  // Indexed loops: this runs over thousands of claims per call on a large graph (a depth-2 walk on
  // 10k nodes scans ~7,000 adjacency entries), where iterator overhead was measurable.
  for (let level = 0; level < options.depth && frontier.length > 0 && !truncated; level += 1) {
    const next: string[] = [];
    for (let f = 0; f < frontier.length && !truncated; f += 1) {
      const nodeId = frontier[f] as string;
      const edges = adjacency.edgesOf(nodeId);
      for (let e = 0; e < edges.length; e += 1) {
        const edge = edges[e] as ClaimEdge;
        const other = edge.from === nodeId ? edge.to : edge.from;
        const known = found.get(other);
        if (known !== undefined) {
          // Met again from the same level: keep the strongest link back.
          if (known.distance === level + 1 && edge.strength > known.link && claimPasses(edge)) {
            known.link = edge.strength;
          }
          continue;
        }
        if (!claimPasses(edge) || !nodePasses(other)) continue;
        if (found.size >= options.maxNodes) {
          truncated = true;
          break;
        }
        found.set(other, { distance: level + 1, link: edge.strength });
        next.push(other);
      }
    }
    frontier = next;
  }
  return { reached: [...found].map(([id, { distance, link }]) => ({ id, distance, link })), truncated };
}

/** The nodes of one answer and of everything ranked before it. */
export interface NeighbourhoodSlice {
  /** The answer's nodes, sorted by id. */
  readonly nodeIds: string[];
  /** The answer's nodes and every node ranked before them. */
  readonly within: ReadonlySet<string>;
  readonly inPage: ReadonlySet<string>;
  readonly truncated: boolean;
  readonly page: NeighbourhoodPage;
}

/** Ranks the reached nodes and cuts the answer out (see NeighbourhoodPage). */
export function pageOfNeighbourhood(
  reach: Reach,
  adjacency: Pick<Adjacency, 'kindOf'>,
  options: Pick<NeighbourhoodOptions, 'limit' | 'offset'>,
): NeighbourhoodSlice {
  const ranked = [...reach.reached].sort(compareReached);
  const offset = options.offset ?? 0;
  const limit = options.limit ?? ranked.length;
  const end = Math.min(ranked.length, offset + limit);
  const inPage = new Set<string>();
  const within = new Set<string>();
  for (let rank = 0; rank < end; rank += 1) {
    const id = (ranked[rank] as ReachedNode).id;
    within.add(id);
    if (rank >= offset) inPage.add(id);
  }
  const leftOutByKind: Partial<Record<NodeKind, number>> = {};
  for (let rank = end; rank < ranked.length; rank += 1) {
    const kind = adjacency.kindOf((ranked[rank] as ReachedNode).id);
    if (kind !== undefined) leftOutByKind[kind] = (leftOutByKind[kind] ?? 0) + 1;
  }
  const page = describePage(ranked.length, offset, limit, leftOutByKind);
  return {
    nodeIds: [...inPage].sort(),
    within,
    inPage,
    truncated: reach.truncated || page.leftOut.nodes > 0,
    page,
  };
}

/**
 * The page record of an answer holding ranks offset .. offset + limit - 1 of `totalNodes`, given how
 * many of the nodes ranked after it are of each kind.
 */
export function describePage(
  totalNodes: number,
  offset: number,
  limit: number,
  byKind: Readonly<Partial<Record<NodeKind, number>>>,
): NeighbourhoodPage {
  const end = Math.min(totalNodes, offset + limit);
  const leftOut = totalNodes - end;
  return {
    totalNodes,
    offset,
    limit,
    leftOut: { nodes: leftOut, byKind },
    nextOffset: leftOut > 0 ? end : null,
  };
}

/**
 * Passing claims with an end in the answer and the other in it or ranked before it, sorted by id.
 * Each is met once: from its `from` end, or from its only end in the answer.
 */
export function claimsOfPage(
  adjacency: Pick<Adjacency, 'edgesOf'>,
  slice: Pick<NeighbourhoodSlice, 'nodeIds' | 'within' | 'inPage'>,
  claimPasses: WalkFilter['claimPasses'],
): string[] {
  const claimIds: string[] = [];
  for (const nodeId of slice.nodeIds) {
    const edges = adjacency.edgesOf(nodeId);
    for (let e = 0; e < edges.length; e += 1) {
      const edge = edges[e] as ClaimEdge;
      const forward = edge.from === nodeId;
      const other = forward ? edge.to : edge.from;
      if (!slice.within.has(other) || !claimPasses(edge)) continue;
      if (forward || !slice.inPage.has(other)) claimIds.push(edge.id);
    }
  }
  return claimIds.sort();
}

/** Nearer first, then the surer link back, then id. */
export function compareReached(a: ReachedNode, b: ReachedNode): number {
  return a.distance - b.distance || b.link - a.link || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/** One step of a path: the claim crossed and whether it was crossed along its direction. */
export interface PathHop {
  readonly claimId: string;
  readonly relation: Relation;
  readonly from: string;
  readonly to: string;
  /** True when the walk went from the claim's `from` to its `to`. */
  readonly forward: boolean;
  readonly strength: number;
}

/**
 * What a path can be read as:
 * - directed: every hop along its claim's direction, a chain from cause (or therapy, or theory) on;
 * - undirected: some hop against a claim's direction ("is proposed to result from"), so two things
 *   share a cause or an effect rather than one leading to the other;
 * - associative: some hop is an association, so the chain shows things that go together, no cause.
 */
export type PathNature = 'directed' | 'undirected' | 'associative';

/** A ranked path: node ids in walk order and the hops between them. */
export interface RankedPath {
  readonly nodeIds: readonly string[];
  readonly hops: readonly PathHop[];
  readonly nature: PathNature;
  /**
   * Strength of the weakest graded hop (its certainty as a number): a chain is as sure as its weakest
   * link. Ungraded hops (what a theory proposes or explains) are neutral; a chain of only those
   * scores 0, after every chain that some evidence grades.
   */
  readonly score: number;
  /** Mean strength of the graded hops; breaks ties between equally weak chains. */
  readonly meanStrength: number;
}

/** Options for a path search. */
export interface PathOptions {
  readonly maxHops: number;
  readonly first: number;
  /** Stop enumerating after this many simple paths (the result says it was truncated). */
  readonly maxCandidates: number;
  /**
   * Cross claims between theories (BUILDS_ON, CONFLICTS_WITH) too. Off by default: "A conflicts
   * with B, which explains C" relates A to C through a disagreement, which explains nothing.
   */
  readonly throughTheoryRelations?: boolean;
}

/**
 * All simple paths of at most `maxHops` claims between two nodes, following the path grammar:
 * claims are walked in either direction (a hop against a claim's direction is read backwards and
 * makes the path "undirected"), claims between theories are crossed only when asked, and an
 * associative hop makes the whole path "associative". Ranked by certainty (the weakest hop's
 * strength, higher first), then length (shorter first), then nature (directed, undirected,
 * associative), then mean strength, then claim ids for a stable order. Returns the best `first`.
 */
export function findPaths(
  adjacency: Adjacency,
  fromId: string,
  toId: string,
  options: PathOptions,
): { paths: RankedPath[]; truncated: boolean } {
  if (fromId === toId) return { paths: [], truncated: false };
  // Distances are needed only near the target: a node with more hops left than this radius cannot be
  // pruned anyway, and a full-radius search from the target would cover most of a large graph.
  const radius = Math.floor(options.maxHops / 2);
  const distanceToTarget = distancesFrom(adjacency, toId, radius);
  const found: RankedPath[] = [];
  const onPath = new Set<string>([fromId]);
  const nodes: string[] = [fromId];
  const hops: PathHop[] = [];
  let truncated = false;

  const crosses = options.throughTheoryRelations === true ? crossesWhenAsked : crossesByDefault;
  const walk = (nodeId: string): void => {
    if (truncated) return;
    for (const edge of adjacency.edgesOf(nodeId)) {
      if (!crosses(edge)) continue;
      const forward = edge.from === nodeId;
      const next = forward ? edge.to : edge.from;
      if (onPath.has(next)) continue;
      const remaining = options.maxHops - hops.length - 1;
      if (remaining <= radius) {
        // Prune: only step where the target is still reachable in the hops left.
        const distance = distanceToTarget.get(next);
        if (distance === undefined || distance > remaining) continue;
      }
      hops.push({
        claimId: edge.id,
        relation: edge.relation,
        from: edge.from,
        to: edge.to,
        forward,
        strength: edge.strength,
      });
      nodes.push(next);
      if (next === toId) {
        found.push(scorePath(nodes, hops));
        if (found.length >= options.maxCandidates) truncated = true;
      } else {
        onPath.add(next);
        walk(next);
        onPath.delete(next);
      }
      hops.pop();
      nodes.pop();
      if (truncated) return;
    }
  };
  walk(fromId);
  found.sort(comparePaths);
  return { paths: found.slice(0, options.first), truncated };
}

/** Orders paths best first: weakest link, then fewer hops, then nature, then mean strength, then claim ids. */
export function comparePaths(a: RankedPath, b: RankedPath): number {
  return (
    b.score - a.score ||
    a.hops.length - b.hops.length ||
    NATURE_RANK[a.nature] - NATURE_RANK[b.nature] ||
    b.meanStrength - a.meanStrength ||
    pathKey(a).localeCompare(pathKey(b))
  );
}

/** Hop distances from `startId`, up to `maxDepth`, walking claims in either direction. */
export function distancesFrom(adjacency: Adjacency, startId: string, maxDepth: number): Map<string, number> {
  const distance = new Map<string, number>([[startId, 0]]);
  let frontier = [startId];
  for (let depth = 1; depth <= maxDepth && frontier.length > 0; depth += 1) {
    const next: string[] = [];
    for (const nodeId of frontier) {
      for (const edge of adjacency.edgesOf(nodeId)) {
        const other = edge.from === nodeId ? edge.to : edge.from;
        if (distance.has(other)) continue;
        distance.set(other, depth);
        next.push(other);
      }
    }
    frontier = next;
  }
  return distance;
}

const NATURE_RANK: Record<PathNature, number> = { directed: 0, undirected: 1, associative: 2 };

/** Claims a path crosses unless the caller asks for more: all but those between theories and research links. */
function crossesByDefault(edge: ClaimEdge): boolean {
  const kind = relationClass(edge.relation);
  return kind !== 'between-theories' && kind !== 'research';
}

/**
 * With `throughTheoryRelations`: claims between theories too, never research links. "A question
 * would test X, and would test Y" says only that nobody knows yet, so it never joins two things.
 */
function crossesWhenAsked(edge: ClaimEdge): boolean {
  return relationClass(edge.relation) !== 'research';
}

/** What a path can be read as (see PathNature). */
export function pathNature(hops: readonly Pick<PathHop, 'relation' | 'forward'>[]): PathNature {
  if (hops.some((hop) => relationClass(hop.relation) === 'associative')) return 'associative';
  // A symmetric claim (conflicts with) reads the same either way, so walking it backwards turns nothing round.
  if (hops.some((hop) => !hop.forward && !isSymmetric(hop.relation))) return 'undirected';
  return 'directed';
}

function scorePath(nodes: readonly string[], hops: readonly PathHop[]): RankedPath {
  let score = 1;
  let total = 0;
  let graded = 0;
  for (const hop of hops) {
    if (!isGradedRelation(hop.relation)) continue;
    score = Math.min(score, hop.strength);
    total += hop.strength;
    graded += 1;
  }
  if (graded === 0) score = 0;
  const meanStrength = graded === 0 ? 0 : Math.round((total / graded) * 1000) / 1000;
  return { nodeIds: [...nodes], hops: [...hops], nature: pathNature(hops), score, meanStrength };
}

function pathKey(path: RankedPath): string {
  return path.hops.map((hop) => hop.claimId).join(' ');
}

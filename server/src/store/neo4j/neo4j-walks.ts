/**
 * Neighbourhoods, paths and theory subgraphs. Walks fetch adjacency level by level into a
 * FetchedAdjacency and run the shared collectNeighbourhood / findPaths on it.
 */
import { compareIds } from '../../domain/claim-order.ts';
import { NotFoundError, ValidationError } from '../../domain/errors.ts';
import { collectNeighbourhood, findPaths, walkFilter } from '../../domain/traversal.ts';
import { weighedAdjacency } from '../../domain/weighting.ts';
import type { NeighborhoodQuery, PathQuery, PathsResult, Subgraph } from '../graph-store.ts';
import { resolveNeighborhoodQuery, resolvePathQuery, withPathClaims } from '../query-options.ts';
import { withDerived } from '../write-plans.ts';
import type { CypherRunner, QueryTx } from './cypher-runner.ts';
import { FetchedAdjacency } from './fetched-adjacency.ts';
import { claimFromRow } from './records.ts';
import { fetchClaims, fetchNodes, requireNode } from './tx-records.ts';

/** The neighbourhood of a node (see collectNeighbourhood for the exact rule). */
export async function neighborhood(
  runner: CypherRunner,
  id: string,
  query?: NeighborhoodQuery,
): Promise<Subgraph> {
  const options = resolveNeighborhoodQuery(query);
  return runner.read(async (tx) => {
    const centre = await requireNode(tx, id);
    const adjacency = new FetchedAdjacency(tx);
    adjacency.setKind(centre.id, centre.kind);
    const { claimPasses, nodePasses } = walkFilter(adjacency, options);
    // The same breadth-first levels collectNeighbourhood will walk, fetched one level at a time.
    const reached = new Set([id]);
    let frontier = [id];
    for (let level = 0; level < options.depth && frontier.length > 0; level += 1) {
      await adjacency.expand(frontier);
      const next: string[] = [];
      for (const nodeId of frontier) {
        for (const edge of adjacency.edgesOf(nodeId)) {
          const other = edge.from === nodeId ? edge.to : edge.from;
          if (reached.has(other) || !claimPasses(edge) || !nodePasses(other)) continue;
          reached.add(other);
          next.push(other);
        }
      }
      frontier = next;
      // The walk stops at this level too; it only needs the claims among what it has reached.
      if (reached.size > options.maxNodes) break;
    }
    await adjacency.expandWithin(frontier, [...reached]);
    const walk = collectNeighbourhood(adjacency, id, options);
    return loadSubgraph(tx, walk.nodeIds, walk.claimIds, walk.truncated);
  });
}

/** Ranked paths between two nodes (see findPaths for the ranking). */
export async function paths(
  runner: CypherRunner,
  fromId: string,
  toId: string,
  query?: PathQuery,
): Promise<PathsResult> {
  const options = resolvePathQuery(query);
  return runner.read(async (tx) => {
    const ends = await fetchNodes(tx, [fromId, toId]);
    const adjacency = new FetchedAdjacency(tx);
    for (const id of [fromId, toId]) {
      const node = ends.get(id);
      if (!node) throw new NotFoundError('node', id);
      adjacency.setKind(id, node.kind);
    }
    if (fromId === toId) return { paths: [], truncated: false };
    // Every path of at most maxHops claims lies within half of it (rounded up) from one end and
    // half (rounded down) from the other, so these two searches fetch all of its claims.
    await adjacency.expandAround(fromId, Math.ceil(options.maxHops / 2));
    await adjacency.expandAround(toId, Math.floor(options.maxHops / 2));
    if (options.weighting !== null) {
      // Weighing needs every fetched claim's evidence, not only the walk's figures.
      const fetched = await fetchClaims(tx, adjacency.claimIdList());
      const claimOf = (id: string) => {
        const claim = fetched.get(id);
        return claim === undefined ? undefined : withDerived(claim);
      };
      const walk = weighedAdjacency(adjacency, claimOf, options.weighting);
      const found = findPaths(walk.adjacency, fromId, toId, options);
      return {
        paths: found.paths.map((path) => withPathClaims(path, walk.weighed)),
        truncated: found.truncated,
      };
    }
    const found = findPaths(adjacency, fromId, toId, options);
    const claims = await fetchClaims(
      tx,
      found.paths.flatMap((path) => path.hops.map((hop) => hop.claimId)),
    );
    const claimOf = (id: string) => {
      const claim = claims.get(id);
      return claim === undefined ? null : withDerived(claim);
    };
    return { paths: found.paths.map((path) => withPathClaims(path, claimOf)), truncated: found.truncated };
  });
}

/**
 * A theory's subgraph: the theory; what it proposes, explains and involves; theories it builds on or
 * conflicts with (either way); therapies that act on its mechanisms or relieve its symptoms; and every
 * claim among those nodes.
 */
export async function theorySubgraph(runner: CypherRunner, theoryId: string): Promise<Subgraph> {
  return runner.read(async (tx) => {
    const theory = await requireNode(tx, theoryId);
    if (theory.kind !== 'theory') {
      throw new ValidationError('id', `"${theoryId}" is a ${theory.kind}, not a theory`);
    }
    const [row] = await tx.run('theory-members', { id: theoryId });
    const members = Array.isArray(row?.['ids']) ? (row['ids'] as string[]) : [theoryId];
    const ids = [...new Set(members)].sort(compareIds);
    const claims = (await tx.run('claims-among', { ids })).map((claimRow) =>
      withDerived(claimFromRow(claimRow)),
    );
    const nodes = await fetchNodes(tx, ids);
    return {
      nodes: ids.map((id) => required(nodes.get(id), 'node', id)),
      claims: claims.sort((a, b) => compareIds(a.id, b.id)),
      truncated: false,
    };
  });
}

async function loadSubgraph(
  tx: QueryTx,
  nodeIds: readonly string[],
  claimIds: readonly string[],
  truncated: boolean,
): Promise<Subgraph> {
  const nodes = await fetchNodes(tx, nodeIds);
  const claims = await fetchClaims(tx, claimIds);
  return {
    nodes: nodeIds.map((id) => required(nodes.get(id), 'node', id)),
    claims: claimIds.map((id) => withDerived(required(claims.get(id), 'claim', id))),
    truncated,
  };
}

// Ids here come from the same transaction's reads, so a miss means the data is inconsistent.
function required<T>(value: T | undefined, what: string, id: string): T {
  if (value === undefined) throw new NotFoundError(what, id);
  return value;
}

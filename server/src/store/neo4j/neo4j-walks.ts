/**
 * Neighbourhoods, paths and theory subgraphs. Walks fetch the claims they can read into a
 * FetchedAdjacency in one query and run the shared walks (domain/traversal.ts) on it.
 */
import { compareIds } from '../../domain/claim-order.ts';
import { NotFoundError, ValidationError } from '../../domain/errors.ts';
import type { Claim, GraphNode } from '../../domain/model.ts';
import { findPaths, pageOfNeighbourhood, reachNeighbourhood, walkFilter } from '../../domain/traversal.ts';
import { weighedAdjacency } from '../../domain/weighting.ts';
import type { NeighborhoodQuery, PathQuery, PathsResult, Subgraph } from '../graph-store.ts';
import { resolveNeighborhoodQuery, resolvePathQuery, withPathClaims } from '../query-options.ts';
import { withDerived } from '../write-plans.ts';
import type { CypherRunner } from './cypher-runner.ts';
import { FetchedAdjacency } from './fetched-adjacency.ts';
import { claimFromRow, nodeFromProps } from './records.ts';
import { fetchClaims, fetchNodes, requireNode } from './tx-records.ts';

/**
 * The neighbourhood of a node (see collectNeighbourhood for the exact rule), in two round trips: the
 * claims the walk reads (reach-edges), then the records of the answer the shared walk picked.
 */
export async function neighborhood(
  runner: CypherRunner,
  id: string,
  query?: NeighborhoodQuery,
): Promise<Subgraph> {
  const options = resolveNeighborhoodQuery(query);
  for (let attempt = 1; ; attempt += 1) {
    const adjacency = await FetchedAdjacency.fetch(runner, [{ id, radius: options.depth - 1 }]);
    if (adjacency.kindOf(id) === undefined) throw new NotFoundError('node', id);
    const filter = walkFilter(adjacency, options);
    const slice = pageOfNeighbourhood(reachNeighbourhood(adjacency, id, options, filter), adjacency, options);
    const rows = await runner.readQuery('neighbourhood-records', {
      ids: slice.nodeIds,
      before: [...slice.within].filter((nodeId) => !slice.inPage.has(nodeId)),
    });
    const nodes = new Map<string, GraphNode>();
    const claims: Claim[] = [];
    for (const row of rows) {
      if (row['node'] !== null) {
        const node = nodeFromProps(row['node']);
        nodes.set(node.id, node);
      } else {
        const claim = withDerived(claimFromRow(row));
        if (filter.claimPasses(claim)) claims.push(claim);
      }
    }
    const missing = slice.nodeIds.find((nodeId) => !nodes.has(nodeId));
    if (missing === undefined) {
      return {
        nodes: slice.nodeIds.map((nodeId) => nodes.get(nodeId) as GraphNode),
        claims: claims.sort((a, b) => compareIds(a.id, b.id)),
        truncated: slice.truncated,
        page: slice.page,
      };
    }
    // Two reads, not one transaction: a node deleted between them is read again, once.
    if (attempt >= 2) throw new NotFoundError('node', missing);
  }
}

/** Ranked paths between two nodes (see findPaths for the ranking). */
export async function paths(
  runner: CypherRunner,
  fromId: string,
  toId: string,
  query?: PathQuery,
): Promise<PathsResult> {
  const options = resolvePathQuery(query);
  // Every path of at most maxHops claims lies within half of it (rounded up) from one end and half
  // (rounded down) from the other, so the claims of nodes nearer than that to either end hold all of it.
  const adjacency = await FetchedAdjacency.fetch(runner, [
    { id: fromId, radius: Math.ceil(options.maxHops / 2) - 1 },
    { id: toId, radius: Math.floor(options.maxHops / 2) - 1 },
  ]);
  for (const id of [fromId, toId]) {
    if (adjacency.kindOf(id) === undefined) throw new NotFoundError('node', id);
  }
  if (fromId === toId) return { paths: [], truncated: false };
  if (options.weighting !== null) {
    // Weighing needs every fetched claim's evidence, not only the walk's figures.
    const fetched = await fetchClaims(runner.readOnce, adjacency.claimIdList());
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
    runner.readOnce,
    found.paths.flatMap((path) => path.hops.map((hop) => hop.claimId)),
  );
  const claimOf = (id: string) => {
    const claim = claims.get(id);
    return claim === undefined ? null : withDerived(claim);
  };
  return { paths: found.paths.map((path) => withPathClaims(path, claimOf)), truncated: found.truncated };
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

// Ids here come from the same transaction's reads, so a miss means the data is inconsistent.
function required<T>(value: T | undefined, what: string, id: string): T {
  if (value === undefined) throw new NotFoundError(what, id);
  return value;
}

/** The Neo4j store's plain reads: records by id, listings, history, counts and export. */
import { int } from 'neo4j-driver';
import {
  isSourceNode,
  type Change,
  type Claim,
  type GraphNode,
  type GraphSnapshot,
  type SourceNode,
} from '../../domain/model.ts';
import type {
  GraphStats,
  HistoryPage,
  HistoryQuery,
  ListQuery,
  PageQuery,
  RateSlot,
} from '../graph-store.ts';
import {
  QUERY_CAPS,
  requireSource,
  resolveFirst,
  resolveHistoryQuery,
  resolvePageQuery,
} from '../query-options.ts';
import { sortSnapshot } from '../snapshot.ts';
import { withDerived } from '../write-plans.ts';
import type { CypherRunner, QueryTx } from './cypher-runner.ts';
import { changeFromProps, claimFromRow, countOf, countsFromPairs, nodeFromProps } from './records.ts';
import { fetchClaims, fetchNodes, requireNode } from './tx-records.ts';

/** Nodes by id, found ones only, in the order asked. */
export async function getNodes(runner: CypherRunner, ids: readonly string[]): Promise<GraphNode[]> {
  const nodes = await runner.read((tx) => fetchNodes(tx, ids));
  return ids.flatMap((id) => nodes.get(id) ?? []);
}

/** A source by id; null for an unknown id or a concept node. */
export async function getSource(runner: CypherRunner, id: string): Promise<SourceNode | null> {
  const [node] = await getNodes(runner, [id]);
  return node && isSourceNode(node) ? node : null;
}

/** Claims by id with their derived figures, found ones only, in the order asked. */
export async function getClaims(runner: CypherRunner, ids: readonly string[]): Promise<Claim[]> {
  return runner.read((tx) => claimsInOrder(tx, ids));
}

/** The claims with these ids that exist, with their derived figures, in the order given. */
async function claimsInOrder(tx: QueryTx, ids: readonly string[]): Promise<Claim[]> {
  const claims = await fetchClaims(tx, ids);
  return ids.flatMap((id) => {
    const claim = claims.get(id);
    return claim ? [withDerived(claim)] : [];
  });
}

/** Nodes sorted by id, optionally of some kinds, after an id cursor. */
export async function listNodes(runner: CypherRunner, query: ListQuery = {}): Promise<GraphNode[]> {
  const first = resolveFirst(query.first, 100, QUERY_CAPS.maxList);
  const rows = await runner.read((tx) =>
    tx.run('list-nodes', { kinds: query.kinds ?? [], after: query.after ?? '', first: int(first) }),
  );
  return rows.map((row) => nodeFromProps(row['node']));
}

/** Claims touching a node, sorted by id; NotFoundError for an unknown node. */
export async function claimsOf(
  runner: CypherRunner,
  nodeId: string,
  direction: 'out' | 'in' | 'both' = 'both',
): Promise<Claim[]> {
  return runner.read(async (tx) => {
    await requireNode(tx, nodeId);
    const rows = await tx.run('claims-of', { id: nodeId, direction });
    return rows.map((row) => withDerived(claimFromRow(row)));
  });
}

/** Claims citing a source, by id; NotFoundError for an unknown id, ValidationError for a concept. */
export async function claimsCiting(
  runner: CypherRunner,
  sourceId: string,
  page?: PageQuery,
): Promise<Claim[]> {
  const { first, after } = resolvePageQuery(page);
  return runner.read(async (tx) => {
    requireSource(await requireNode(tx, sourceId));
    const rows = await tx.run('claim-ids-citing', { sourceId, after, first: int(first) });
    return claimsInOrder(
      tx,
      rows.map((row) => String(row['claimId'])),
    );
  });
}

/** Contested claims, the strongest disputes first, then by id. */
export async function contested(runner: CypherRunner, first?: number): Promise<Claim[]> {
  const limit = resolveFirst(first, 20, QUERY_CAPS.maxContested);
  const rows = await runner.read((tx) => tx.run('contested-claims', { first: int(limit) }));
  return rows.map((row) => withDerived(claimFromRow(row)));
}

/** One page of history, newest first. */
export async function history(runner: CypherRunner, query?: HistoryQuery): Promise<HistoryPage> {
  const { targetId, first, beforeSeq } = resolveHistoryQuery(query);
  const rows = await runner.read((tx) =>
    tx.run('history-page', { targetId: targetId ?? null, beforeSeq: int(beforeSeq), limit: int(first + 1) }),
  );
  const changes = rows.slice(0, first).map((row) => changeFromProps(row['change']));
  const last = changes.at(-1);
  return { changes, nextCursor: rows.length > first && last ? String(last.seq) : null };
}

/** The change with this sequence number, or null. */
export async function getChange(runner: CypherRunner, seq: number): Promise<Change | null> {
  if (!Number.isSafeInteger(seq)) return null;
  const [row] = await runner.read((tx) => tx.run('get-change', { seq: int(seq) }));
  return row === undefined ? null : changeFromProps(row['change']);
}

/** Counts of what is in the graph. */
export async function stats(runner: CypherRunner): Promise<GraphStats> {
  const [row] = await runner.read((tx) => tx.run('stats'));
  const nodesByKind = countsFromPairs(row?.['nodesByKind']);
  const claimsByRelation = countsFromPairs(row?.['claimsByRelation']);
  const evidenceByLevel = countsFromPairs(row?.['evidenceByLevel']);
  return {
    nodes: sum(nodesByKind),
    claims: sum(claimsByRelation),
    evidence: sum(evidenceByLevel),
    changes: countOf(row, 'changes'),
    nodesByKind,
    claimsByRelation,
    evidenceByLevel,
    evidenceByStance: countsFromPairs(row?.['evidenceByStance']),
    claimsByCertainty: countsFromPairs(row?.['claimsByCertainty']),
    contestedClaims: countOf(row, 'contestedClaims'),
  };
}

/** Every node and claim in canonical order, read in one transaction so the copy is consistent. */
export async function exportGraph(runner: CypherRunner): Promise<GraphSnapshot> {
  const { nodes, claims } = await runner.read(async (tx) => ({
    nodes: await tx.run('export-nodes'),
    claims: await tx.run('export-claims'),
  }));
  return sortSnapshot(
    nodes.map((row) => nodeFromProps(row['node'])),
    claims.map(claimFromRow),
  );
}

function sum(counts: Readonly<Record<string, number>>): number {
  return Object.values(counts).reduce((total, count) => total + count, 0);
}

/** One event in a rate-limit window kept in the database (take-rate-slot.cypher), shared by replicas. */
export async function takeRateSlot(
  runner: CypherRunner,
  key: string,
  max: number,
  windowMs: number,
): Promise<RateSlot> {
  const [row] = await runner.write((tx) =>
    tx.run('take-rate-slot', { key, max: int(max), windowMs: int(windowMs) }),
  );
  return {
    allowed: row?.['allowed'] === true,
    retryAfterMs: Math.max(0, Number(row?.['retryAfterMs'] ?? 0)),
  };
}

/** How long until a shared window has room (rate-window-wait.cypher); records nothing. */
export async function rateWindowWait(
  runner: CypherRunner,
  key: string,
  max: number,
  windowMs: number,
): Promise<number> {
  const [row] = await runner.readQuery('rate-window-wait', { key, max: int(max), windowMs: int(windowMs) });
  return Math.max(0, Number(row?.['retryAfterMs'] ?? 0));
}

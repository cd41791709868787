/**
 * Reads of whole records inside a transaction, shared by the store's reads and writes: nodes and
 * claims by id, and the locking reads that writes start with.
 */
import { NotFoundError } from '../../domain/errors.ts';
import type { NodeKind } from '../../domain/kinds.ts';
import type { GraphNode, StoredClaim } from '../../domain/model.ts';
import type { QueryTx } from './cypher-runner.ts';
import { claimFromRow, nodeFromProps } from './records.ts';

/** Nodes by id (unknown ids are left out). */
export async function fetchNodes(tx: QueryTx, ids: readonly string[]): Promise<Map<string, GraphNode>> {
  const nodes = new Map<string, GraphNode>();
  if (ids.length === 0) return nodes;
  for (const row of await tx.run('get-nodes', { ids: [...new Set(ids)] })) {
    const node = nodeFromProps(row['node']);
    nodes.set(node.id, node);
  }
  return nodes;
}

/** Claims by id (unknown ids are left out). */
export async function fetchClaims(tx: QueryTx, ids: readonly string[]): Promise<Map<string, StoredClaim>> {
  const claims = new Map<string, StoredClaim>();
  if (ids.length === 0) return claims;
  for (const row of await tx.run('get-claims', { ids: [...new Set(ids)] })) {
    const claim = claimFromRow(row);
    claims.set(claim.id, claim);
  }
  return claims;
}

/** The node, or a NotFoundError. */
export async function requireNode(tx: QueryTx, id: string): Promise<GraphNode> {
  const node = (await fetchNodes(tx, [id])).get(id);
  if (!node) throw new NotFoundError('node', id);
  return node;
}

/** Write-locks a node, then reads it (so its version cannot change under us); NotFoundError when missing. */
export async function lockNode(tx: QueryTx, id: string): Promise<GraphNode> {
  const [row] = await tx.run('lock-node', { id });
  if (!row) throw new NotFoundError('node', id);
  return nodeFromProps(row['node']);
}

/** A locked claim and the kinds of its ends. */
export interface LockedClaim {
  readonly claim: StoredClaim;
  readonly fromKind: NodeKind;
  readonly toKind: NodeKind;
}

/** Write-locks a claim, then reads it; NotFoundError when missing. */
export async function lockClaim(tx: QueryTx, id: string): Promise<LockedClaim> {
  const [row] = await tx.run('lock-claim', { id });
  if (!row) throw new NotFoundError('claim', id);
  return {
    claim: claimFromRow(row),
    fromKind: row['fromKind'] as NodeKind,
    toKind: row['toKind'] as NodeKind,
  };
}

/** Reads through the port that must find their record: NotFoundError, naming it, when it is gone. */
import { NotFoundError } from '../domain/errors.ts';
import type { Claim, GraphNode } from '../domain/model.ts';
import type { GraphStore } from './graph-store.ts';

/** The node or source with this id. */
export async function requireStoredNode(store: GraphStore, id: string): Promise<GraphNode> {
  const node = await store.getNode(id);
  if (node === null) throw new NotFoundError('node', id);
  return node;
}

/** The claim with this id. */
export async function requireStoredClaim(store: GraphStore, id: string): Promise<Claim> {
  const claim = await store.getClaim(id);
  if (claim === null) throw new NotFoundError('claim', id);
  return claim;
}

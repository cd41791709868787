/** Turns a validated seed into a GraphSnapshot: every record at version 1, stamped with one time. */
import type { GraphNode, GraphSnapshot, StoredClaim } from '../domain/model.ts';
import { sortSnapshot } from '../store/snapshot.ts';
import type { ValidSeed } from './validate-seed.ts';

/** The snapshot a seed describes; `now` is an ISO-8601 UTC timestamp. */
export function seedSnapshot(seed: ValidSeed, now: string): GraphSnapshot {
  const meta = { version: 1, createdAt: now, updatedAt: now };
  const nodes: GraphNode[] = [
    ...seed.sources.map(({ heldText: _heldText, ...source }): GraphNode => ({
      ...source,
      kind: 'source',
      ...meta,
    })),
    ...seed.nodes.map((node): GraphNode => ({ ...node, ...meta })),
  ];
  const claims: StoredClaim[] = seed.claims.map((claim) => ({ ...claim, ...meta }));
  return sortSnapshot(nodes, claims);
}

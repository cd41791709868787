import { describe, expect, it } from 'vitest';
import type { NodeKind } from '../../server/src/domain/kinds.ts';
import type { Adjacency, ClaimEdge } from '../../server/src/domain/traversal.ts';
import { collectNeighbourhood, findPaths } from '../../server/src/domain/traversal.ts';

/** A complete graph among `n` mechanisms: many simple paths, to exercise the caps. */
function complete(n: number): Adjacency {
  const edges = new Map<string, ClaimEdge[]>();
  for (let a = 0; a < n; a += 1) {
    for (let b = a + 1; b < n; b += 1) {
      const edge: ClaimEdge = {
        id: `claim:${a}-${b}`,
        relation: 'CAUSES',
        from: `mechanism:${a}`,
        to: `mechanism:${b}`,
        strength: 0.3,
        bestLevel: 'hypothesis',
      };
      for (const end of [edge.from, edge.to]) edges.set(end, [...(edges.get(end) ?? []), edge]);
    }
  }
  return {
    edgesOf: (id) => edges.get(id) ?? [],
    kindOf: (id): NodeKind | undefined => (edges.has(id) ? 'mechanism' : undefined),
  };
}

describe('traversal caps', () => {
  it('stops path enumeration at the candidate cap and says so', () => {
    const graph = complete(12);
    const capped = findPaths(graph, 'mechanism:0', 'mechanism:1', {
      maxHops: 4,
      first: 5,
      maxCandidates: 50,
    });
    expect(capped.truncated).toBe(true);
    expect(capped.paths).toHaveLength(5);
    expect(capped.paths[0]?.hops).toHaveLength(1);
    const all = findPaths(graph, 'mechanism:0', 'mechanism:1', {
      maxHops: 2,
      first: 50,
      maxCandidates: 1000,
    });
    expect(all.truncated).toBe(false);
    expect(all.paths).toHaveLength(1 + 10);
  });

  it('stops a neighbourhood at the node cap and says so', () => {
    const result = collectNeighbourhood(complete(30), 'mechanism:0', { depth: 1, maxNodes: 10 });
    expect(result.truncated).toBe(true);
    expect(result.nodeIds).toHaveLength(10);
    for (const claimId of result.claimIds) {
      const [a, b] = claimId.slice('claim:'.length).split('-');
      expect(result.nodeIds).toContain(`mechanism:${a}`);
      expect(result.nodeIds).toContain(`mechanism:${b}`);
    }
  });
});

/**
 * The embedded store's integer-indexed walk must answer exactly what the shared walk answers (same
 * nodes, same claims, same order, same cut under the node cap, same ranking under the node budget,
 * same page figures), on generated graphs and after edits that add and remove claims and nodes (which
 * reuses node slots).
 */
import { describe, expect, it } from 'vitest';
import { SeededRandom } from '../../bench/seeded-random.ts';
import { syntheticGraph } from '../../bench/synthetic-graph.ts';
import type { StoredClaim } from '../../server/src/domain/model.ts';
import { collectNeighbourhood } from '../../server/src/domain/traversal.ts';
import { MemoryGraph } from '../../server/src/store/embedded/memory-graph.ts';

/** Budgets: everything, the first page, the second page, and a page starting mid-level. */
const BUDGETS = [
  { limit: 10_000, offset: 0 },
  { limit: 7, offset: 0 },
  { limit: 7, offset: 7 },
  { limit: 20, offset: 3 },
] as const;

/** Every node × depth 1–3 × a few node caps × budgets: the two walks must agree. */
function expectSameWalks(graph: MemoryGraph, centres: readonly string[]): number {
  let compared = 0;
  for (const centre of centres) {
    for (const depth of [1, 2, 3]) {
      for (const maxNodes of [3, 25, 10_000]) {
        for (const budget of BUDGETS) {
          const shared = collectNeighbourhood(graph, centre, { depth, maxNodes, ...budget });
          const { nodeIds, claims, truncated, page } = graph.walkIndex.neighbourhood(
            centre,
            depth,
            maxNodes,
            budget,
          );
          const indexed = { nodeIds, claimIds: claims.map((claim) => claim.id), truncated, page };
          expect(indexed, `${centre}, depth ${depth}, cap ${maxNodes}, ${JSON.stringify(budget)}`).toEqual(
            shared,
          );
          // The index hands back the graph's own claim objects, not copies.
          for (const claim of claims) expect(claim).toBe(graph.claims.get(claim.id));
          compared += 1;
        }
      }
    }
  }
  return compared;
}

/** A generated graph, loaded with its claims shuffled so the load's own sort is what orders them. */
function loaded(nodes: number, seed: number): MemoryGraph {
  const snapshot = syntheticGraph({ nodes, seed });
  const random = new SeededRandom(seed);
  const claims = snapshot.claims
    .map((claim) => ({ claim, draw: random.next() }))
    .sort((a, b) => a.draw - b.draw)
    .map(({ claim }) => claim);
  const graph = new MemoryGraph();
  graph.load(snapshot.nodes, claims);
  return graph;
}

function expectIdOrder(ids: readonly string[]): void {
  expect(ids).toEqual([...ids].sort());
}

describe('walk index', () => {
  it('answers as the shared walk on generated graphs, truncation included', () => {
    for (const seed of [1, 2, 3]) {
      const graph = loaded(250, seed);
      // The shared walk reads the same adjacency lists, so check their order directly too.
      expectIdOrder(graph.idsInOrder());
      expect(graph.idsInOrder()).toHaveLength(graph.nodes.size);
      for (const id of graph.nodes.keys()) expectIdOrder(graph.edgesOf(id).map((edge) => edge.id));
      const centres = [...graph.nodes.keys()].filter((_, index) => index % 3 === 0);
      const compared = expectSameWalks(graph, centres);
      expect(compared).toBeGreaterThan(200);
      // The cap must actually cut some walks, or the truncation comparison proves nothing.
      const walk = (id: string, budget: (typeof BUDGETS)[number]) =>
        graph.walkIndex.neighbourhood(id, 3, 25, budget);
      const cut = centres.filter((id) => walk(id, BUDGETS[0]).truncated);
      expect(cut.length).toBeGreaterThan(0);
      // The budget must leave nodes out too, and a second page must bring nodes the first had not.
      const paged = centres.filter((id) => walk(id, BUDGETS[1]).page.nextOffset === 7);
      expect(paged.length).toBeGreaterThan(0);
      for (const id of paged) {
        const first = new Set(walk(id, BUDGETS[1]).nodeIds);
        const second = walk(id, BUDGETS[2]).nodeIds;
        expect(second.length).toBeGreaterThan(0);
        expect(second.some((nodeId) => first.has(nodeId))).toBe(false);
      }
    }
  });

  it('stays in step through claim and node edits, reusing freed slots', () => {
    const graph = loaded(200, 9);
    const random = new SeededRandom(42);
    const ids = () => [...graph.nodes.keys()];
    const template = [...graph.claims.values()][0] as StoredClaim;
    for (let round = 0; round < 40; round += 1) {
      const claims = [...graph.claims.values()];
      // Remove a few claims, add a few new ones between random nodes.
      for (let i = 0; i < 3; i += 1) graph.removeClaim(random.pick(claims).id);
      for (let i = 0; i < 3; i += 1) {
        const [from, to] = [random.pick(ids()), random.pick(ids())];
        if (from === to) continue;
        graph.putClaim({ ...template, id: `claim:test-${round}-${i}`, from, to });
      }
      // Every few rounds, drop a node with all its claims and add a new one (its slot is reused).
      if (round % 5 === 0) {
        const victim = random.pick(ids());
        for (const claim of [...graph.edgesOf(victim)]) graph.removeClaim(claim.id);
        graph.removeNode(victim);
        const fresh = {
          ...(graph.nodes.get(random.pick(ids())) ?? template),
          id: `mechanism:fresh-${round}`,
        };
        graph.putNode(fresh as never);
        graph.putClaim({ ...template, id: `claim:fresh-${round}`, from: fresh.id, to: random.pick(ids()) });
      }
      expectSameWalks(
        graph,
        ids().filter((_, index) => index % 17 === round % 17),
      );
    }
  });

  it('stays in step when new ids crowd one gap and every order key is renumbered', () => {
    const graph = loaded(150, 4);
    const ids = [...graph.nodes.keys()].sort();
    const template = [...graph.claims.values()][0] as StoredClaim;
    // Ids that all sort between two neighbours, each new one just above the last: every insert halves
    // the same gap, so doubles run out of room and keys are renumbered (more than once in 120 inserts).
    const [low, high] = [ids[10] as string, ids[11] as string];
    for (let i = 0; i < 120; i += 1) {
      const nodeId = `${low}-${String(i).padStart(3, '0')}`;
      expect(nodeId > low && nodeId < high).toBe(true);
      graph.putNode({ ...(graph.nodes.get(low) as object), id: nodeId } as never);
      graph.putClaim({
        ...template,
        id: `${template.id}-${String(i).padStart(3, '0')}`,
        from: nodeId,
        to: high,
      });
    }
    expect(graph.idsInOrder()).toEqual([...graph.nodes.keys()].sort());
    expectSameWalks(graph, [low, high, ids[0] as string, `${low}-060`]);
  });
});

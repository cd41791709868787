/**
 * Seeded inputs for the latency runs, drawn from the snapshot itself so every store is asked the
 * same questions: neighbourhood centres, near pairs for paths, search prefixes and write targets.
 */
import type { GraphSnapshot } from '../server/src/domain/model.ts';
import { SeededRandom } from './seeded-random.ts';

/** The same questions for every store, one list entry per call (warm-up included). */
export interface BenchTargets {
  /** Concept nodes to take neighbourhoods of. */
  readonly centres: readonly string[];
  /** Pairs a short random walk apart, so at least one path of ≤ 4 hops exists. */
  readonly pairs: readonly (readonly [string, string])[];
  /** Name prefixes of 3–6 letters. */
  readonly prefixes: readonly string[];
  /** Concept nodes to update. */
  readonly writes: readonly string[];
  /** Claims to edit. */
  readonly claimEdits: readonly string[];
}

/** Draws `count` targets of each sort from the snapshot with a fixed seed. */
export function benchTargets(snapshot: GraphSnapshot, count: number, seed = 7): BenchTargets {
  const random = new SeededRandom(seed);
  const neighbours = undirectedAdjacency(snapshot);
  const connected = [...neighbours.keys()];
  const concepts = snapshot.nodes.filter((node) => node.kind !== 'source').map((node) => node.id);
  const names = snapshot.nodes.map((node) => node.name);
  return {
    centres: Array.from({ length: count }, () => random.pick(concepts)),
    pairs: Array.from({ length: count }, () => nearPair(connected, neighbours, random)),
    prefixes: Array.from({ length: count }, () => namePrefix(names, random)),
    writes: Array.from({ length: count }, () => random.pick(concepts)),
    // Drawn last, so the targets above are the same as before this list existed.
    claimEdits: Array.from({ length: count }, () => random.pick(snapshot.claims).id),
  };
}

/** Each node's neighbours through claims in either direction. */
function undirectedAdjacency(snapshot: GraphSnapshot): Map<string, string[]> {
  const neighbours = new Map<string, string[]>();
  const link = (a: string, b: string): void => {
    const list = neighbours.get(a);
    if (list) list.push(b);
    else neighbours.set(a, [b]);
  };
  for (const claim of snapshot.claims) {
    link(claim.from, claim.to);
    link(claim.to, claim.from);
  }
  return neighbours;
}

/** A start node and where a self-avoiding random walk of 2–3 steps from it ends. */
function nearPair(
  connected: readonly string[],
  neighbours: ReadonlyMap<string, readonly string[]>,
  random: SeededRandom,
): [string, string] {
  for (;;) {
    const start = random.pick(connected);
    const visited = new Set([start]);
    let at = start;
    const steps = random.int(2, 3);
    for (let step = 0; step < steps; step += 1) {
      const options = (neighbours.get(at) ?? []).filter((id) => !visited.has(id));
      if (options.length === 0) break;
      at = random.pick(options);
      visited.add(at);
    }
    if (at !== start) return [start, at];
  }
}

/** The first 3–6 letters of a word (of at least 3 letters) in a random node's name. */
function namePrefix(names: readonly string[], random: SeededRandom): string {
  for (;;) {
    const words = random
      .pick(names)
      .split(/[^\p{L}]+/u)
      .filter((word) => word.length >= 3);
    if (words.length === 0) continue;
    const word = random.pick(words);
    return word.slice(0, random.int(3, Math.min(6, word.length))).toLowerCase();
  }
}

/**
 * Deterministic layouts. fCoSE (and the layout-base it builds on) draw on Math.random, so the same
 * scene came out differently on every load and a shared link showed the right nodes in another
 * arrangement. Layout runs compute synchronously inside `layout.run()`, so Math.random is swapped
 * for a seeded generator just for that call; the seed comes from the scene, so the same scene always
 * gets the same picture.
 */

/** mulberry32: a small, fast 32-bit PRNG; plenty for layout jitter. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A 32-bit FNV-1a hash of the ids, in the order given. */
export function seedOf(ids: Iterable<string>): number {
  let hash = 0x811c9dc5;
  for (const id of ids) {
    for (let index = 0; index < id.length; index += 1) {
      hash ^= id.charCodeAt(index);
      hash = Math.imul(hash, 0x01000193);
    }
    hash ^= 0x2c; // a separator, so ["ab", "c"] and ["a", "bc"] differ
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/** Runs `work` with Math.random replaced by a generator seeded with `seed`, and always puts it back. */
export function withSeededRandom<T>(seed: number, work: () => T): T {
  const original = Math.random;
  Math.random = seededRandom(seed);
  try {
    return work();
  } finally {
    Math.random = original;
  }
}

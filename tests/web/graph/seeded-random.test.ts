/** Seeded layout randomness: same seed, same sequence; Math.random is always restored. */
import { describe, expect, it } from 'vitest';
import { seededRandom, seedOf, withSeededRandom } from '../../../web/src/graph/seeded-random.ts';

describe('seeded layout randomness', () => {
  it('repeats a sequence for a seed, differs between seeds, and stays in [0, 1)', () => {
    const draw = (seed: number) => Array.from({ length: 5 }, seededRandom(seed));
    expect(draw(42)).toEqual(draw(42));
    expect(draw(42)).not.toEqual(draw(43));
    for (const value of draw(7)) {
      expect(value).toBeGreaterThanOrEqual(0);
      expect(value).toBeLessThan(1);
    }
  });

  it('seeds from ids, order and boundaries included', () => {
    expect(seedOf(['theory:a', 'symptom:b'])).toBe(seedOf(['theory:a', 'symptom:b']));
    expect(seedOf(['theory:a', 'symptom:b'])).not.toBe(seedOf(['symptom:b', 'theory:a']));
    expect(seedOf(['ab', 'c'])).not.toBe(seedOf(['a', 'bc']));
  });

  it('swaps Math.random only for the call, even when the call throws', () => {
    const original = Math.random;
    const inside = withSeededRandom(1, () => [Math.random(), Math.random()]);
    expect(inside).toEqual(withSeededRandom(1, () => [Math.random(), Math.random()]));
    expect(Math.random).toBe(original);
    expect(() =>
      withSeededRandom(1, () => {
        throw new Error('layout failed');
      }),
    ).toThrow('layout failed');
    expect(Math.random).toBe(original);
  });
});

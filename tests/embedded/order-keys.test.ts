/**
 * Order keys must always sort as their ids do, through inserts anywhere, removals and the
 * renumbering that happens when one gap runs out of room.
 */
import { describe, expect, it } from 'vitest';
import { SeededRandom } from '../../bench/seeded-random.ts';
import { OrderKeys } from '../../server/src/store/embedded/order-keys.ts';

function expectConsistent(order: OrderKeys): void {
  const ids = [...order.inOrder()];
  expect(ids).toEqual([...ids].sort());
  const keys = ids.map((id) => order.keyOf(id) as number);
  for (let i = 1; i < keys.length; i += 1) expect(keys[i]).toBeGreaterThan(keys[i - 1] as number);
}

describe('order keys', () => {
  it('keeps ids sorted with increasing keys through random inserts and removals', () => {
    const random = new SeededRandom(7);
    const order = new OrderKeys();
    order.load(Array.from({ length: 300 }, (_, i) => `node:${random.int(0, 100_000)}-${i}`).sort());
    for (let round = 0; round < 500; round += 1) {
      if (round % 3 === 0) order.remove(random.pick(order.inOrder()));
      else order.add(`node:${random.int(0, 100_000)}-r${round}`);
    }
    expectConsistent(order);
    expect(order.size).toBe(order.inOrder().length);
  });

  it('leaves existing keys alone on an ordinary insert', () => {
    const order = new OrderKeys();
    order.load(['a', 'c', 'e']);
    const before = ['a', 'c', 'e'].map((id) => order.keyOf(id));
    const generation = order.generation;
    order.add('b');
    order.add('d');
    order.add('f');
    order.add('0');
    expect(['a', 'c', 'e'].map((id) => order.keyOf(id))).toEqual(before);
    expect(order.generation).toBe(generation);
    expectConsistent(order);
  });

  it('renumbers, and says so, when inserts exhaust one gap', () => {
    const order = new OrderKeys();
    order.load(['m', 'n']);
    const generation = order.generation;
    // Each id sorts just above the previous one and below 'n': the gap halves every time.
    let id = 'm';
    for (let i = 0; i < 200; i += 1) {
      id += 'a';
      order.add(id);
    }
    expect(order.generation).toBeGreaterThan(generation);
    expectConsistent(order);
  });

  it('finds the first id above a cursor', () => {
    const order = new OrderKeys();
    order.load(['b', 'd', 'f']);
    expect(order.indexAfter('a')).toBe(0);
    expect(order.indexAfter('b')).toBe(1);
    expect(order.indexAfter('c')).toBe(1);
    expect(order.indexAfter('f')).toBe(3);
  });

  it('ignores ids it already has and removals of ids it lacks', () => {
    const order = new OrderKeys();
    order.load(['x', 'y']);
    order.add('x');
    order.remove('z');
    expect(order.inOrder()).toEqual(['x', 'y']);
  });

  it('loads sorted ids with their positions as keys, and refuses anything else', () => {
    const order = new OrderKeys();
    order.load(['a', 'b', 'c']);
    expect(['a', 'b', 'c'].map((id) => order.keyOf(id))).toEqual([0, 1, 2]);
    expect(() => {
      order.load(['d']);
    }).toThrow(/empty order/);
    expect(() => {
      new OrderKeys().load(['b', 'a']);
    }).toThrow(/"a" is not above/);
    expect(() => {
      new OrderKeys().load(['a', 'a']);
    }).toThrow(/"a" is not above/);
  });
});

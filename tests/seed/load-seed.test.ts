/** Loading the seed into a real embedded store is an idempotent upsert that keeps the seed's content. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadSeed } from '../../server/src/seed/load-seed.ts';
import { seedSnapshot } from '../../server/src/seed/seed-snapshot.ts';
import { validateSeed } from '../../server/src/seed/validate-seed.ts';
import type { GraphStore } from '../../server/src/store/graph-store.ts';
import { openStore } from '../../server/src/store/open-store.ts';
import { checkSnapshot } from '../../server/src/store/snapshot.ts';

const repo = path.resolve(import.meta.dirname, '../..');
const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

async function freshStore(): Promise<GraphStore> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'fibrograph-load-seed-'));
  const store = await openStore({ kind: 'embedded', dataDir });
  cleanups.push(async () => {
    await store.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });
  return store;
}

describe('seedSnapshot', () => {
  it('is a valid snapshot with every record at version 1 and one timestamp', async () => {
    const { seed } = await validateSeed(path.join(repo, 'seed'));
    const snapshot = seedSnapshot(seed, '2024-01-02T03:04:05.000Z');
    expect(checkSnapshot(snapshot)).toEqual(snapshot);
    expect(snapshot.nodes).toHaveLength(seed.sources.length + seed.nodes.length);
    expect(snapshot.claims).toHaveLength(seed.claims.length);
    expect(
      new Set(
        [...snapshot.nodes, ...snapshot.claims].map((record) => `${record.version} ${record.updatedAt}`),
      ),
    ).toEqual(new Set(['1 2024-01-02T03:04:05.000Z']));
    expect(JSON.stringify(snapshot)).not.toContain('heldText');
  });
});

describe('loadSeed', () => {
  it('creates everything once, then changes nothing on a second run', async () => {
    const { seed } = await validateSeed(path.join(repo, 'seed'));
    const store = await freshStore();
    const total = seed.sources.length + seed.nodes.length + seed.claims.length;
    expect(await loadSeed(store, seed)).toEqual({ created: total, updated: 0, unchanged: 0 });
    const before = await store.exportGraph();
    expect(await loadSeed(store, seed)).toEqual({ created: 0, updated: 0, unchanged: total });
    expect(await store.exportGraph()).toEqual(before);
  });

  it('updates only the records whose content changed', async () => {
    const { seed } = await validateSeed(path.join(repo, 'seed'));
    const store = await freshStore();
    await loadSeed(store, seed);
    const [first, ...rest] = seed.nodes;
    if (!first) throw new Error('the seed has no nodes');
    const edited = { ...seed, nodes: [{ ...first, summary: `${first.summary} Edited.` }, ...rest] };
    const total = seed.sources.length + seed.nodes.length + seed.claims.length;
    expect(await loadSeed(store, edited)).toEqual({ created: 0, updated: 1, unchanged: total - 1 });
    expect((await store.getNode(first.id))?.version).toBe(2);
  });
});

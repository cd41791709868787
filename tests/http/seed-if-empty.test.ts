/** First start: the seed goes into an empty store once, and never over existing data. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { seedIfEmpty, type LogLine } from '../../server/src/http/index.ts';
import { openEmbeddedStore } from '../../server/src/store/embedded/embedded-store.ts';
import { buildFixtureGraph, IDS } from '../contract/fixture-graph.ts';

const SEED_DIR = fileURLToPath(new URL('../../seed/', import.meta.url));
const dirs: string[] = [];
const tempDir = () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fibrograph-seed-once-'));
  dirs.push(dir);
  return dir;
};

afterEach(() => {
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

describe('seedIfEmpty', () => {
  it('seeds an empty store once; the second start leaves it alone', async () => {
    const store = await openEmbeddedStore({ dataDir: tempDir() });
    try {
      const lines: LogLine[] = [];
      expect(await seedIfEmpty(store, SEED_DIR, (line) => lines.push(line))).toBe('seeded');
      const seeded = await store.stats();
      expect(seeded.nodes).toBeGreaterThan(100);
      expect(lines.map((line) => line.msg)).toEqual(['seeded the empty store']);
      expect(await seedIfEmpty(store, SEED_DIR, () => undefined)).toBe('not-empty');
      expect(await store.stats()).toEqual(seeded);
    } finally {
      await store.close();
    }
  });

  it("never writes over a store that has data (an editor's changes survive)", async () => {
    const store = await openEmbeddedStore({ dataDir: tempDir() });
    try {
      await buildFixtureGraph(store);
      await store.updateNode(IDS.myalgia, { summary: 'An editor wrote this.' }, 1, { actor: 'ed' });
      const before = await store.exportGraph();
      expect(await seedIfEmpty(store, SEED_DIR, () => undefined)).toBe('not-empty');
      expect(await store.exportGraph()).toEqual(before);
    } finally {
      await store.close();
    }
  });

  it('logs an invalid seed and leaves the store empty', async () => {
    const seedDir = tempDir();
    fs.writeFileSync(path.join(seedDir, 'sources.yaml'), 'not: [valid');
    const store = await openEmbeddedStore({ dataDir: tempDir() });
    try {
      const lines: LogLine[] = [];
      expect(await seedIfEmpty(store, seedDir, (line) => lines.push(line))).toBe('invalid-seed');
      expect(lines[0]).toMatchObject({ level: 'error' });
      expect((await store.stats()).nodes).toBe(0);
    } finally {
      await store.close();
    }
  });
});

/** A data directory written before evidence had an appraisal opens, and its items read as unappraised. */
import Database from 'better-sqlite3';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { openEmbeddedStore } from '../../server/src/store/embedded/embedded-store.ts';
import { buildFixtureGraph } from '../contract/fixture-graph.ts';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

it('reads evidence stored without appraisal fields as having none, and grades it the same', async () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'fibrograph-old-records-'));
  dirs.push(dataDir);
  const store = await openEmbeddedStore({ dataDir });
  await buildFixtureGraph(store);
  const id = 'claim:aerobic-exercise--relieves--myalgia';
  const before = await store.getClaim(id);
  await store.close();

  // As an older FibroGraph wrote it: evidence items without the appraisal keys.
  const db = new Database(path.join(dataDir, 'fibrograph.sqlite'));
  const appraisal = ['design', 'participants', 'population', 'funding', 'concerns', 'ratingNote'];
  for (const row of db.prepare('SELECT id, record FROM claims').all() as { id: string; record: string }[]) {
    const claim = JSON.parse(row.record) as { evidence: Record<string, unknown>[] };
    claim.evidence = claim.evidence.map((item) =>
      Object.fromEntries(Object.entries(item).filter(([key]) => !appraisal.includes(key))),
    );
    db.prepare('UPDATE claims SET record = ? WHERE id = ?').run(JSON.stringify(claim), row.id);
  }
  db.close();

  const reopened = await openEmbeddedStore({ dataDir });
  try {
    const after = await reopened.getClaim(id);
    expect(after).toEqual(before);
    expect(after?.evidence[0]).toMatchObject({ concerns: [], design: null, participants: null });
  } finally {
    await reopened.close();
  }
});

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

/** The evidence keys older FibroGraphs did not write: first the appraisal, then the GRADE fields. */
const APPRAISAL_KEYS = ['design', 'participants', 'population', 'funding', 'concerns', 'ratingNote'];
const GRADE_KEYS = [
  'ratingUp',
  'studyId',
  'pooledDesign',
  'recommendation',
  'reportedCertainty',
  'domainsAssessed',
];

/** Rewrites every stored claim as an older FibroGraph wrote it: its evidence without `keys`. */
function dropEvidenceKeys(dataDir: string, keys: readonly string[]): void {
  const db = new Database(path.join(dataDir, 'fibrograph.sqlite'));
  for (const row of db.prepare('SELECT id, record FROM claims').all() as { id: string; record: string }[]) {
    const claim = JSON.parse(row.record) as { evidence: Record<string, unknown>[] };
    claim.evidence = claim.evidence.map((item) =>
      Object.fromEntries(Object.entries(item).filter(([key]) => !keys.includes(key))),
    );
    db.prepare('UPDATE claims SET record = ? WHERE id = ?').run(JSON.stringify(claim), row.id);
  }
  db.close();
}

it('reads evidence stored without appraisal fields as having none, and grades it the same', async () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'fibrograph-old-records-'));
  dirs.push(dataDir);
  const store = await openEmbeddedStore({ dataDir });
  await buildFixtureGraph(store);
  // A claim whose evidence carries no appraisal, so stripping the keys loses nothing.
  const id = 'claim:heat-therapy--relieves--myalgia';
  const before = await store.getClaim(id);
  await store.close();

  dropEvidenceKeys(dataDir, [...APPRAISAL_KEYS, ...GRADE_KEYS]);

  const reopened = await openEmbeddedStore({ dataDir });
  try {
    const after = await reopened.getClaim(id);
    expect(after).toEqual(before);
    expect(after?.evidence[0]).toMatchObject({
      concerns: [],
      design: null,
      participants: null,
      recommendation: null,
      reportedCertainty: null,
      domainsAssessed: false,
    });
  } finally {
    await reopened.close();
  }
});

it('reads evidence written before the GRADE fields (rules version 3) with those fields empty', async () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'fibrograph-old-grade-'));
  dirs.push(dataDir);
  const store = await openEmbeddedStore({ dataDir });
  await buildFixtureGraph(store);
  // Its evidence has a recommendation and a judgement of the domains, which a version 2 record lacks.
  const id = 'claim:aerobic-exercise--relieves--myalgia';
  await store.close();

  dropEvidenceKeys(dataDir, GRADE_KEYS);

  const reopened = await openEmbeddedStore({ dataDir });
  try {
    const item = (await reopened.getClaim(id))?.evidence[0];
    // The version 2 fields are kept; the GRADE fields read as not recorded, never as missing.
    expect(item).toMatchObject({ ratingNote: 'Domains judged; none serious.', concerns: [] });
    expect(item).toMatchObject({
      ratingUp: [],
      studyId: null,
      pooledDesign: null,
      recommendation: null,
      reportedCertainty: null,
      domainsAssessed: false,
    });
    // So the claim is graded as a guideline whose basis is not recorded: expert opinion, very low.
    expect((await reopened.getClaim(id))?.certainty).toBe('very-low');
  } finally {
    await reopened.close();
  }
});

it('opens a data directory whose history predates review stamps: old changes read as unreviewed, new ones are stamped', async () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'fibrograph-old-history-'));
  dirs.push(dataDir);
  const store = await openEmbeddedStore({ dataDir });
  await buildFixtureGraph(store);
  const changes = (await store.history({ first: 200 })).changes.length;
  await store.close();

  // As an older FibroGraph made it: the changes table without the review column.
  const db = new Database(path.join(dataDir, 'fibrograph.sqlite'));
  db.exec('ALTER TABLE changes DROP COLUMN review');
  db.close();

  const reopened = await openEmbeddedStore({ dataDir });
  try {
    const old = (await reopened.history({ first: 200 })).changes;
    expect(old).toHaveLength(changes);
    expect(old.every((change) => change.review === null)).toBe(true);
    await reopened.updateNode('symptom:myalgia', { summary: 'Stamped.' }, 1, {
      actor: 'root',
      review: { mode: 'direct', proposalId: null, approvedBy: null },
    });
    const [latest] = (await reopened.history({ first: 1 })).changes;
    expect(latest?.review).toEqual({ mode: 'direct', proposalId: null, approvedBy: null });
  } finally {
    await reopened.close();
  }
});

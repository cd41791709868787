/**
 * The editorial workflow's records in Neo4j: proposals and reports as :ReviewRecord nodes (the record
 * as JSON plus keys to list by), the activity feed as numbered :Activity nodes, releases as :Release
 * nodes holding their frozen graph. Each save is one write transaction that also moves the revision,
 * so replicas' cached answers about proposals go stale at the commit.
 */
import { gunzipSync, gzipSync } from 'node:zlib';
import { int } from 'neo4j-driver';
import { AlreadyExistsError, VersionConflictError } from '../../domain/errors.ts';
import type { GraphSnapshot } from '../../domain/model.ts';
import { releaseEvent } from '../../review/activity.ts';
import { releaseOf } from '../../review/releases.ts';
import type { ActivityDraft, Release, ReleaseDraft, ReviewRecord } from '../../review/review-model.ts';
import type { ActivityPage, ActivityQuery, ReviewRecordQuery } from '../graph-store.ts';
import { resolveActivityQuery, resolveReviewRecordQuery } from '../query-options.ts';
import { sortSnapshot } from '../snapshot.ts';
import type { CypherRunner, QueryTx } from './cypher-runner.ts';
import { activityFromProps, claimFromRow, countOf, nodeFromProps, textOf } from './records.ts';

export function saveReviewRecord<T extends ReviewRecord>(
  runner: CypherRunner,
  record: T,
  expectedVersion: number,
  event: ActivityDraft,
): Promise<T> {
  return runner.write(async (tx) => {
    const [row] = await tx.run('lock-review-record', { id: record.id });
    const current = countOf(row, 'version');
    if (current !== expectedVersion) throw new VersionConflictError(record.id, expectedVersion, current);
    await tx.run('put-review-record', {
      id: record.id,
      collection: record.collection,
      status: record.status,
      targetId: record.targetId,
      actor: record.actor,
      version: int(record.version),
      record: JSON.stringify(record),
    });
    await appendActivity(tx, event);
    await tx.run('bump-revision');
    return record;
  });
}

export async function getReviewRecord(runner: CypherRunner, id: string): Promise<ReviewRecord | null> {
  const [row] = await runner.readQuery('get-review-record', { id });
  return row === undefined ? null : (JSON.parse(textOf(row, 'record')) as ReviewRecord);
}

export async function listReviewRecords(
  runner: CypherRunner,
  query: ReviewRecordQuery,
): Promise<ReviewRecord[]> {
  const { statuses, first, before } = resolveReviewRecordQuery(query);
  const rows = await runner.readQuery('list-review-records', {
    collection: query.collection,
    statuses: [...statuses],
    targetId: query.targetId ?? null,
    actor: query.actor ?? null,
    before,
    limit: int(first),
  });
  return rows.map((row) => JSON.parse(textOf(row, 'record')) as ReviewRecord);
}

export async function activity(runner: CypherRunner, query?: ActivityQuery): Promise<ActivityPage> {
  const { actor, targetId, first, beforeSeq } = resolveActivityQuery(query);
  const rows = await runner.readQuery('activity-page', {
    actor: actor ?? null,
    targetId: targetId ?? null,
    beforeSeq: int(beforeSeq),
    limit: int(first + 1),
  });
  const events = rows.slice(0, first).map((row) => activityFromProps(row['event']));
  const last = events.at(-1);
  return { events, nextCursor: rows.length > first && last ? String(last.seq) : null };
}

/** Freezes the graph inside the same transaction that numbers the release, so the two agree. */
export function createRelease(runner: CypherRunner, draft: ReleaseDraft): Promise<Release> {
  return runner.write(async (tx) => {
    const [row] = await tx.run('lock-releases', { name: draft.name });
    if (row?.['nameTaken'] === true) {
      throw new AlreadyExistsError(draft.name, `a release named "${draft.name}" exists; choose another name`);
    }
    const nodes = await tx.run('export-nodes');
    const claims = await tx.run('export-claims');
    const snapshot = sortSnapshot(
      nodes.map((node) => nodeFromProps(node['node'])),
      claims.map(claimFromRow),
    );
    const release = releaseOf(draft, countOf(row, 'value') + 1, snapshot);
    await tx.run('create-release', {
      number: int(release.number),
      name: release.name,
      record: JSON.stringify(release),
      snapshot: gzipSync(JSON.stringify(snapshot)).toString('base64'),
    });
    await appendActivity(tx, releaseEvent(release));
    // Cached answers listing releases go stale at the commit, on every replica.
    await tx.run('bump-revision');
    return release;
  });
}

export async function releases(runner: CypherRunner): Promise<Release[]> {
  const rows = await runner.readQuery('list-releases');
  return rows.map((row) => JSON.parse(textOf(row, 'record')) as Release);
}

export async function releaseSnapshot(runner: CypherRunner, number: number): Promise<GraphSnapshot | null> {
  const [row] = await runner.readQuery('release-snapshot', { number: int(number) });
  if (row === undefined) return null;
  const packed = Buffer.from(textOf(row, 'snapshot'), 'base64');
  return JSON.parse(gunzipSync(packed).toString('utf8')) as GraphSnapshot;
}

async function appendActivity(tx: QueryTx, event: ActivityDraft): Promise<void> {
  const props = Object.fromEntries(Object.entries(event).filter(([, value]) => value !== null));
  await tx.run('append-activity', { event: props });
}

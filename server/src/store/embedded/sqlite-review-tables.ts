/**
 * Prepared statements for the editorial workflow's tables (proposals and reports, the activity feed,
 * releases). Every method runs inside a transaction opened by the caller.
 */
import { gunzipSync, gzipSync } from 'node:zlib';
import type Database from 'better-sqlite3';
import type { GraphSnapshot } from '../../domain/model.ts';
import type { ActivityDraft, ActivityEvent, Release, ReviewRecord } from '../../review/review-model.ts';

interface ActivityRow {
  seq: number;
  at: string;
  actor: string;
  type: string;
  subject_id: string;
  target_id: string | null;
  summary: string;
}

/** Typed access to review_records, activity and releases. */
export class SqliteReviewTables {
  private readonly statements;

  constructor(db: Database.Database) {
    this.statements = {
      recordVersion: db.prepare<[string], { version: number }>(
        'SELECT version FROM review_records WHERE id = ?',
      ),
      record: db.prepare<[string], { record: string }>('SELECT record FROM review_records WHERE id = ?'),
      upsertRecord: db.prepare<[string, string, string, string, string, number, string]>(
        `INSERT INTO review_records (id, collection, status, target_id, actor, version, record)
         VALUES (?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT (id) DO UPDATE SET status = excluded.status, version = excluded.version, record = excluded.record`,
      ),
      // The optional filters are passed twice: once to test for null, once to compare.
      listRecords: db.prepare<
        [
          string,
          string | null,
          string | null,
          string | null,
          string | null,
          string | null,
          string | null,
          string,
          number,
        ],
        { record: string }
      >(
        `SELECT record FROM review_records
         WHERE collection = ?
           AND (? IS NULL OR status IN (SELECT value FROM json_each(?)))
           AND (? IS NULL OR target_id = ?)
           AND (? IS NULL OR actor = ?)
           AND id < ?
         ORDER BY id DESC LIMIT ?`,
      ),
      insertActivity: db.prepare<[string, string, string, string, string | null, string]>(
        'INSERT INTO activity (at, actor, type, subject_id, target_id, summary) VALUES (?, ?, ?, ?, ?, ?)',
      ),
      activity: db.prepare<
        [string | null, string | null, string | null, string | null, string | null, number, number],
        ActivityRow
      >(
        `SELECT * FROM activity
         WHERE (? IS NULL OR actor = ?) AND (? IS NULL OR target_id = ? OR subject_id = ?)
           AND seq < ?
         ORDER BY seq DESC LIMIT ?`,
      ),
      lastRelease: db.prepare<[], { n: number | null }>('SELECT max(number) AS n FROM releases'),
      releaseNamed: db.prepare<[string], { number: number }>('SELECT number FROM releases WHERE name = ?'),
      insertRelease: db.prepare<[number, string, string, Buffer]>(
        'INSERT INTO releases (number, name, record, snapshot) VALUES (?, ?, ?, ?)',
      ),
      releases: db.prepare<[], { record: string }>('SELECT record FROM releases ORDER BY number'),
      releaseSnapshot: db.prepare<[number], { snapshot: Buffer }>(
        'SELECT snapshot FROM releases WHERE number = ?',
      ),
    };
  }

  /** The stored version of a record, 0 when there is none. */
  versionOf(id: string): number {
    return this.statements.recordVersion.get(id)?.version ?? 0;
  }

  record(id: string): ReviewRecord | null {
    const row = this.statements.record.get(id);
    return row === undefined ? null : (JSON.parse(row.record) as ReviewRecord);
  }

  putRecord(record: ReviewRecord): void {
    this.statements.upsertRecord.run(
      record.id,
      record.collection,
      record.status,
      record.targetId,
      record.actor,
      record.version,
      JSON.stringify(record),
    );
  }

  records(
    collection: string,
    statuses: readonly string[],
    targetId: string | undefined,
    actor: string | undefined,
    before: string,
    limit: number,
  ): ReviewRecord[] {
    const statusList = statuses.length === 0 ? null : JSON.stringify(statuses);
    const target = targetId ?? null;
    const who = actor ?? null;
    return this.statements.listRecords
      .all(collection, statusList, statusList, target, target, who, who, before, limit)
      .map((row) => JSON.parse(row.record) as ReviewRecord);
  }

  appendActivity(event: ActivityDraft): number {
    const result = this.statements.insertActivity.run(
      event.at,
      event.actor,
      event.type,
      event.subjectId,
      event.targetId,
      event.summary,
    );
    return Number(result.lastInsertRowid);
  }

  activity(
    actor: string | undefined,
    targetId: string | undefined,
    beforeSeq: number,
    limit: number,
  ): ActivityEvent[] {
    const who = actor ?? null;
    const target = targetId ?? null;
    return this.statements.activity.all(who, who, target, target, target, beforeSeq, limit).map((row) => ({
      seq: row.seq,
      at: row.at,
      actor: row.actor,
      type: row.type as ActivityEvent['type'],
      subjectId: row.subject_id,
      targetId: row.target_id,
      summary: row.summary,
    }));
  }

  nextReleaseNumber(): number {
    return (this.statements.lastRelease.get()?.n ?? 0) + 1;
  }

  hasReleaseNamed(name: string): boolean {
    return this.statements.releaseNamed.get(name) !== undefined;
  }

  insertRelease(release: Release, snapshot: GraphSnapshot): void {
    this.statements.insertRelease.run(
      release.number,
      release.name,
      JSON.stringify(release),
      gzipSync(JSON.stringify(snapshot)),
    );
  }

  releases(): Release[] {
    return this.statements.releases.all().map((row) => JSON.parse(row.record) as Release);
  }

  releaseSnapshot(number: number): GraphSnapshot | null {
    const row = this.statements.releaseSnapshot.get(number);
    return row === undefined
      ? null
      : (JSON.parse(gunzipSync(row.snapshot).toString('utf8')) as GraphSnapshot);
  }
}

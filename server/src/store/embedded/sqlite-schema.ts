/** The embedded store's SQLite schema. Records are JSON; columns exist for keys, references and search. */

/** Bumped when the schema changes incompatibly; checked at open. */
export const SCHEMA_VERSION = 1;

/**
 * Columns added after a table first shipped: added at open when missing, so older data directories
 * open without a schema-version bump (SQLite cannot ADD COLUMN IF NOT EXISTS).
 */
export const ADDED_COLUMNS: readonly {
  readonly table: string;
  readonly column: string;
  readonly type: string;
}[] = [{ table: 'changes', column: 'review', type: 'TEXT' }];

/** Idempotent DDL applied at open. */
export const SCHEMA_SQL = `
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) STRICT;

CREATE TABLE IF NOT EXISTS nodes (
  id TEXT PRIMARY KEY,
  kind TEXT NOT NULL,
  record TEXT NOT NULL
) STRICT;

CREATE TABLE IF NOT EXISTS claims (
  id TEXT PRIMARY KEY,
  from_id TEXT NOT NULL REFERENCES nodes (id),
  relation TEXT NOT NULL,
  to_id TEXT NOT NULL REFERENCES nodes (id),
  record TEXT NOT NULL,
  UNIQUE (from_id, relation, to_id)
) STRICT;
CREATE INDEX IF NOT EXISTS claims_to ON claims (to_id);

-- Evidence lives inside the claim record; this table lets SQLite refuse to drop a cited source.
CREATE TABLE IF NOT EXISTS citations (
  claim_id TEXT NOT NULL REFERENCES claims (id) ON DELETE CASCADE,
  evidence_id TEXT NOT NULL,
  source_id TEXT NOT NULL REFERENCES nodes (id),
  PRIMARY KEY (claim_id, evidence_id)
) STRICT, WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS citations_source ON citations (source_id);

CREATE TABLE IF NOT EXISTS changes (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  at TEXT NOT NULL,
  actor TEXT NOT NULL,
  action TEXT NOT NULL,
  target_type TEXT NOT NULL,
  target_id TEXT NOT NULL,
  before TEXT,
  after TEXT,
  review TEXT
);

-- Which ids a change concerns: its target, plus a claim's two ends, so a node's history shows its claims.
CREATE TABLE IF NOT EXISTS change_subjects (
  subject_id TEXT NOT NULL,
  seq INTEGER NOT NULL REFERENCES changes (seq),
  PRIMARY KEY (subject_id, seq)
) STRICT, WITHOUT ROWID;

-- Proposals and reader reports (review/): one JSON record each, with the columns lists filter on.
CREATE TABLE IF NOT EXISTS review_records (
  id TEXT PRIMARY KEY,
  collection TEXT NOT NULL,
  status TEXT NOT NULL,
  target_id TEXT NOT NULL,
  actor TEXT NOT NULL,
  version INTEGER NOT NULL,
  record TEXT NOT NULL
) STRICT;
CREATE INDEX IF NOT EXISTS review_records_list ON review_records (collection, status, id);

-- The editors' activity feed: what happened to proposals, reports and releases, newest last.
CREATE TABLE IF NOT EXISTS activity (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  at TEXT NOT NULL,
  actor TEXT NOT NULL,
  type TEXT NOT NULL,
  subject_id TEXT NOT NULL,
  target_id TEXT,
  summary TEXT NOT NULL
) STRICT;
CREATE INDEX IF NOT EXISTS activity_actor ON activity (actor, seq);
CREATE INDEX IF NOT EXISTS activity_target ON activity (target_id, seq);

-- Frozen copies of the published graph: the snapshot is gzipped export JSON.
CREATE TABLE IF NOT EXISTS releases (
  number INTEGER PRIMARY KEY,
  name TEXT NOT NULL UNIQUE,
  record TEXT NOT NULL,
  snapshot BLOB NOT NULL
) STRICT;

-- Full-text index over node text; rowid = nodes.rowid.
CREATE VIRTUAL TABLE IF NOT EXISTS node_text USING fts5 (
  name, aliases, xrefs, summary,
  tokenize = 'unicode61 remove_diacritics 2',
  prefix = '1 2 3'
);
`;

/** The embedded store's SQLite schema. Records are JSON; columns exist for keys, references and search. */

/** Bumped when the schema changes incompatibly; checked at open. */
export const SCHEMA_VERSION = 1;

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
  after TEXT
);

-- Which ids a change concerns: its target, plus a claim's two ends, so a node's history shows its claims.
CREATE TABLE IF NOT EXISTS change_subjects (
  subject_id TEXT NOT NULL,
  seq INTEGER NOT NULL REFERENCES changes (seq),
  PRIMARY KEY (subject_id, seq)
) STRICT, WITHOUT ROWID;

-- Full-text index over node text; rowid = nodes.rowid.
CREATE VIRTUAL TABLE IF NOT EXISTS node_text USING fts5 (
  name, aliases, xrefs, summary,
  tokenize = 'unicode61 remove_diacritics 2',
  prefix = '1 2 3'
);
`;

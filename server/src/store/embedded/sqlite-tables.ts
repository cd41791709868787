/**
 * Prepared statements over the embedded store's SQLite file. Every method runs inside a transaction
 * opened by the caller; nothing here keeps state besides the statements.
 */
import type Database from 'better-sqlite3';
import type { ChangeDraft, ChangeStamp } from '../change-drafts.ts';
import { normalizeForSearch } from '../../domain/search-rank.ts';
import {
  appraisalOf,
  type Change,
  type ChangeAction,
  type ChangeReview,
  type ChangeTarget,
  type GraphNode,
  type StoredClaim,
} from '../../domain/model.ts';

interface ChangeRow {
  seq: number;
  at: string;
  actor: string;
  action: string;
  target_type: string;
  target_id: string;
  before: string | null;
  after: string | null;
  review: string | null;
}

/** Typed access to the tables. */
export class SqliteTables {
  private readonly statements;

  constructor(db: Database.Database) {
    this.statements = {
      insertNode: db.prepare<[string, string, string]>(
        'INSERT INTO nodes (id, kind, record) VALUES (?, ?, ?)',
      ),
      updateNode: db.prepare<[string, string]>('UPDATE nodes SET record = ? WHERE id = ?'),
      deleteNode: db.prepare<[string]>('DELETE FROM nodes WHERE id = ?'),
      insertText: db.prepare<[string, string, string, string, string]>(
        'INSERT INTO node_text (rowid, name, aliases, xrefs, summary) VALUES ((SELECT rowid FROM nodes WHERE id = ?), ?, ?, ?, ?)',
      ),
      deleteText: db.prepare<[string]>(
        'DELETE FROM node_text WHERE rowid = (SELECT rowid FROM nodes WHERE id = ?)',
      ),
      insertClaim: db.prepare<[string, string, string, string, string]>(
        'INSERT INTO claims (id, from_id, relation, to_id, record) VALUES (?, ?, ?, ?, ?)',
      ),
      updateClaim: db.prepare<[string, string, string]>(
        'UPDATE claims SET relation = ?, record = ? WHERE id = ?',
      ),
      deleteClaim: db.prepare<[string]>('DELETE FROM claims WHERE id = ?'),
      insertCitation: db.prepare<[string, string, string]>(
        'INSERT INTO citations (claim_id, evidence_id, source_id) VALUES (?, ?, ?)',
      ),
      deleteCitations: db.prepare<[string]>('DELETE FROM citations WHERE claim_id = ?'),
      insertChange: db.prepare<
        [string, string, string, string, string, string | null, string | null, string | null]
      >(
        'INSERT INTO changes (at, actor, action, target_type, target_id, before, after, review) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
      ),
      insertSubject: db.prepare<[string, number]>(
        'INSERT OR IGNORE INTO change_subjects (subject_id, seq) VALUES (?, ?)',
      ),
      changesBefore: db.prepare<[number, number], ChangeRow>(
        'SELECT * FROM changes WHERE seq < ? ORDER BY seq DESC LIMIT ?',
      ),
      changesOfSubject: db.prepare<[string, number, number], ChangeRow>(
        `SELECT c.* FROM change_subjects s JOIN changes c ON c.seq = s.seq
         WHERE s.subject_id = ? AND s.seq < ? ORDER BY s.seq DESC LIMIT ?`,
      ),
      changeBySeq: db.prepare<[number], ChangeRow>('SELECT * FROM changes WHERE seq = ?'),
      countChanges: db.prepare<[], { n: number }>('SELECT count(*) AS n FROM changes'),
      claimIdsCiting: db.prepare<[string, string, number], { claimId: string }>(
        'SELECT DISTINCT claim_id AS claimId FROM citations WHERE source_id = ? AND claim_id > ? ORDER BY claim_id LIMIT ?',
      ),
      countCitations: db.prepare<[string], { n: number }>(
        'SELECT count(*) AS n FROM citations WHERE source_id = ?',
      ),
      allNodes: db.prepare<[], { record: string }>('SELECT record FROM nodes'),
      allClaims: db.prepare<[], { record: string }>('SELECT record FROM claims'),
      searchText: db.prepare<[string, string | null, string | null, number], { id: string }>(
        `SELECT n.id FROM node_text JOIN nodes n ON n.rowid = node_text.rowid
         WHERE node_text MATCH ? AND (? IS NULL OR n.kind IN (SELECT value FROM json_each(?)))
         ORDER BY rank LIMIT ?`,
      ),
    };
  }

  /** Inserts a node and its search text. */
  insertNode(node: GraphNode): void {
    this.statements.insertNode.run(node.id, node.kind, JSON.stringify(node));
    this.insertText(node);
  }

  /** Replaces a node's record and search text. */
  updateNode(node: GraphNode): void {
    this.statements.deleteText.run(node.id);
    this.statements.updateNode.run(JSON.stringify(node), node.id);
    this.insertText(node);
  }

  /** Deletes a node and its search text. */
  deleteNode(id: string): void {
    this.statements.deleteText.run(id);
    this.statements.deleteNode.run(id);
  }

  /** Inserts a claim and its citations. */
  insertClaim(claim: StoredClaim): void {
    this.statements.insertClaim.run(claim.id, claim.from, claim.relation, claim.to, JSON.stringify(claim));
    this.insertCitations(claim);
  }

  /** Replaces a claim's record and citations. */
  updateClaim(claim: StoredClaim): void {
    this.statements.updateClaim.run(claim.relation, JSON.stringify(claim), claim.id);
    this.statements.deleteCitations.run(claim.id);
    this.insertCitations(claim);
  }

  /** Deletes a claim (its citations go with it). */
  deleteClaim(id: string): void {
    this.statements.deleteClaim.run(id);
  }

  /** Appends a change and its subjects; returns its sequence number. */
  appendChange(change: ChangeDraft, stamp: ChangeStamp): number {
    const result = this.statements.insertChange.run(
      stamp.at,
      stamp.actor,
      change.action,
      change.targetType,
      change.targetId,
      change.before === null ? null : JSON.stringify(change.before),
      change.after === null ? null : JSON.stringify(change.after),
      stamp.review === null ? null : JSON.stringify(stamp.review),
    );
    const seq = Number(result.lastInsertRowid);
    for (const subject of new Set(change.subjects)) this.statements.insertSubject.run(subject, seq);
    return seq;
  }

  /** Up to `limit` changes older than `beforeSeq`, newest first, optionally about one subject. */
  changes(subjectId: string | undefined, beforeSeq: number, limit: number): Change[] {
    const rows =
      subjectId === undefined
        ? this.statements.changesBefore.all(beforeSeq, limit)
        : this.statements.changesOfSubject.all(subjectId, beforeSeq, limit);
    return rows.map(toChange);
  }

  /** The change with this sequence number, if any. */
  change(seq: number): Change | null {
    const row = this.statements.changeBySeq.get(seq);
    return row === undefined ? null : toChange(row);
  }

  /** Ids of the claims with evidence citing a source, ascending, after `after`, at most `first`. */
  claimIdsCiting(sourceId: string, after: string, first: number): string[] {
    return this.statements.claimIdsCiting.all(sourceId, after, first).map((row) => row.claimId);
  }

  /** How many evidence items cite a source. */
  citationsOf(sourceId: string): number {
    return this.statements.countCitations.get(sourceId)?.n ?? 0;
  }

  /** Number of changes recorded. */
  countChanges(): number {
    return this.statements.countChanges.get()?.n ?? 0;
  }

  /** Every node record (for loading the read model). */
  *allNodes(): Generator<GraphNode> {
    for (const row of this.statements.allNodes.iterate()) yield JSON.parse(row.record) as GraphNode;
  }

  /** Every claim record (for loading the read model). */
  *allClaims(): Generator<StoredClaim> {
    for (const row of this.statements.allClaims.iterate()) {
      const claim = JSON.parse(row.record) as StoredClaim;
      // Records written before evidence had an appraisal, or before its GRADE fields (rules version
      // 3), lack those fields; they read as empty. Records with the newest field are yielded as
      // parsed (this runs for every claim at open).
      yield claim.evidence.every((item) => 'domainsAssessed' in item)
        ? claim
        : { ...claim, evidence: claim.evidence.map((item) => ({ ...item, ...appraisalOf(item) })) };
    }
  }

  /** Ids of nodes (of the given kinds, or any) whose text matches an FTS5 query, best bm25 rank first. */
  searchText(match: string, kinds: readonly string[], limit: number): string[] {
    const kindList = kinds.length === 0 ? null : JSON.stringify(kinds);
    return this.statements.searchText.all(match, kindList, kindList, limit).map((row) => row.id);
  }

  private insertText(node: GraphNode): void {
    // Indexed as the shared ranking normalises text (ß → ss, no diacritics), so FTS finds what it accepts.
    this.statements.insertText.run(
      node.id,
      normalizeForSearch(node.name),
      node.aliases.map(normalizeForSearch).join(' | '),
      node.xrefs.map(normalizeForSearch).join(' '),
      normalizeForSearch(node.summary),
    );
  }

  private insertCitations(claim: StoredClaim): void {
    for (const item of claim.evidence) this.statements.insertCitation.run(claim.id, item.id, item.sourceId);
  }
}

function toChange(row: ChangeRow): Change {
  return {
    seq: row.seq,
    at: row.at,
    actor: row.actor,
    action: row.action as ChangeAction,
    targetType: row.target_type as ChangeTarget,
    targetId: row.target_id,
    before: row.before === null ? null : (JSON.parse(row.before) as unknown),
    after: row.after === null ? null : (JSON.parse(row.after) as unknown),
    review: row.review === null ? null : (JSON.parse(row.review) as ChangeReview),
  };
}

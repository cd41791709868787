/**
 * The embedded store, FibroGraph's zero-setup default: SQLite on disk (WAL, synchronous=FULL, so an
 * acknowledged write survives a crash) plus an in-memory read model loaded at open. One process owns
 * a data directory at a time (SQLite exclusive locking), which keeps the read model truthful.
 */
import fs from 'node:fs';
import path from 'node:path';
import type Database from 'better-sqlite3';
import { compareIds } from '../../domain/claim-order.ts';
import {
  AlreadyExistsError,
  FibroGraphError,
  InUseError,
  ValidationError,
  VersionConflictError,
} from '../../domain/errors.ts';
import type {
  ClaimInput,
  ClaimPatch,
  ClaimRestore,
  EvidenceInput,
  NodeInput,
  NodePatch,
  SourceInput,
  SourcePatch,
  WriteContext,
} from '../../domain/inputs.ts';
import {
  isSourceNode,
  type Change,
  type Claim,
  type ConceptNode,
  type GraphNode,
  type GraphSnapshot,
  type SourceNode,
  type StoredClaim,
} from '../../domain/model.ts';
import { assertRelationAllowed } from '../../domain/relations.ts';
import { rankSearchHits, searchTerms, type SearchHit } from '../../domain/search-rank.ts';
import { checkClaimInput, checkClaimPatch, checkEvidenceInput } from '../../domain/validate.ts';
import { releaseEvent } from '../../review/activity.ts';
import { releaseOf } from '../../review/releases.ts';
import type { ActivityDraft, Release, ReleaseDraft, ReviewRecord } from '../../review/review-model.ts';
import type {
  ActivityPage,
  ActivityQuery,
  ReviewRecordQuery,
  GraphStats,
  GraphStore,
  HistoryPage,
  HistoryQuery,
  ImportOptions,
  ImportReport,
  ListQuery,
  PageQuery,
  NeighborhoodQuery,
  PathQuery,
  PathsResult,
  SearchQuery,
  Subgraph,
} from '../graph-store.ts';
import {
  QUERY_CAPS,
  requireSource,
  resolveFirst,
  resolveActivityQuery,
  resolveHistoryQuery,
  resolveReviewRecordQuery,
  resolvePageQuery,
  resolveSearchQuery,
} from '../query-options.ts';
import {
  assertClaimReferences,
  assertMergeable,
  checkSnapshot,
  planMerge,
  sortSnapshot,
} from '../snapshot.ts';
import {
  assertVersion,
  nowIso,
  planAddEvidence,
  planCreateNode,
  planCreateSource,
  planRemoveEvidence,
  planRestoreClaim,
  planUpdateClaim,
  restoreAction,
  planUpdateNode,
  planUpdateSource,
  storedOf,
} from '../write-plans.ts';
import { MemoryGraph } from './memory-graph.ts';
import {
  contestedIn,
  neighborhoodIn,
  pathsIn,
  requireClaim,
  requireNode,
  statsOf,
  theorySubgraphIn,
} from './memory-queries.ts';
import { ADDED_COLUMNS, SCHEMA_SQL, SCHEMA_VERSION } from './sqlite-schema.ts';
import { openSqliteDatabase } from './sqlite-database.ts';
import { SqliteReviewTables } from './sqlite-review-tables.ts';
import { SqliteTables } from './sqlite-tables.ts';
import { claimChange, nodeChange, stampOf, type ChangeStamp } from '../change-drafts.ts';

/** Options for opening the embedded store. */
export interface EmbeddedStoreOptions {
  /** Directory holding `fibrograph.sqlite`; created when missing. */
  readonly dataDir: string;
}

/** Opens (creating if needed) the embedded store in a data directory and loads its read model. */
export function openEmbeddedStore(options: EmbeddedStoreOptions): Promise<GraphStore> {
  fs.mkdirSync(options.dataDir, { recursive: true });
  const file = path.join(options.dataDir, 'fibrograph.sqlite');
  // Created owner-only before SQLite opens it (the graph holds unpublished edits and history, as the
  // users file holds token hashes); SQLite gives its -wal and -shm files the same mode.
  fs.closeSync(fs.openSync(file, 'a', 0o600));
  const db = openSqliteDatabase(file, { timeout: 2000 });
  try {
    configure(db, file);
    return Promise.resolve(new EmbeddedStore(db));
  } catch (error) {
    db.close();
    throw error;
  }
}

/**
 * A read-only copy of a snapshot in memory (SQLite `:memory:` plus the read model): how a release is
 * read with every query the live graph answers. Writes are refused.
 */
export async function openSnapshotStore(snapshot: GraphSnapshot): Promise<GraphStore> {
  const db = openSqliteDatabase(':memory:');
  db.pragma('foreign_keys = ON');
  db.exec(SCHEMA_SQL);
  const store = new EmbeddedStore(db);
  await store.importGraph(snapshot, { actor: 'release' }, { mode: 'restore' });
  store.freeze();
  return store;
}

const IMPORT_BATCH = 5000;

class EmbeddedStore implements GraphStore {
  readonly kind = 'embedded' as const;
  private readonly tables: SqliteTables;
  private readonly reviewTables: SqliteReviewTables;
  private readonly graph = new MemoryGraph();
  // Writes are synchronous except bulk import, which yields between batches; this queue keeps
  // every write strictly one after another.
  private writeQueue: Promise<unknown> = Promise.resolve();
  /** Counts settled writes; this process is the data directory's only writer (see the header). */
  private writesSettled = 0;
  private closed = false;
  /** Set for a release's copy: every later write is refused. */
  private frozen = false;

  constructor(private readonly db: Database.Database) {
    this.tables = new SqliteTables(db);
    this.reviewTables = new SqliteReviewTables(db);
    this.graph.load(this.tables.allNodes(), this.tables.allClaims());
  }

  // ── reads ────────────────────────────────────────────────────────────────────────────────────

  getNode(id: string): Promise<GraphNode | null> {
    return settle(() => this.graph.nodes.get(id) ?? null);
  }

  getNodes(ids: readonly string[]): Promise<GraphNode[]> {
    return settle(() => ids.flatMap((id) => this.graph.nodes.get(id) ?? []));
  }

  getSource(id: string): Promise<SourceNode | null> {
    const node = this.graph.nodes.get(id);
    return settle(() => (node && isSourceNode(node) ? node : null));
  }

  getClaim(id: string): Promise<Claim | null> {
    return settle(() => this.graph.claims.get(id) ?? null);
  }

  getClaims(ids: readonly string[]): Promise<Claim[]> {
    return settle(() => ids.flatMap((id) => this.graph.claims.get(id) ?? []));
  }

  listNodes(query: ListQuery = {}): Promise<GraphNode[]> {
    return settle(() => {
      const first = resolveFirst(query.first, 100, QUERY_CAPS.maxList);
      const kinds = query.kinds && query.kinds.length > 0 ? new Set<string>(query.kinds) : null;
      const result: GraphNode[] = [];
      const ids = this.graph.idsInOrder();
      const start = query.after === undefined ? 0 : this.graph.indexOfNodeAfter(query.after);
      for (let index = start; index < ids.length; index += 1) {
        const node = this.graph.nodes.get(ids[index] as string);
        if (node && (kinds === null || kinds.has(node.kind))) result.push(node);
        if (result.length >= first) break;
      }
      return result;
    });
  }

  claimsCiting(sourceId: string, page?: PageQuery): Promise<Claim[]> {
    return settle(() => {
      requireSource(requireNode(this.graph, sourceId));
      const { first, after } = resolvePageQuery(page);
      return this.tables.claimIdsCiting(sourceId, after, first).map((id) => requireClaim(this.graph, id));
    });
  }

  claimsOf(nodeId: string, direction: 'out' | 'in' | 'both' = 'both'): Promise<Claim[]> {
    return settle(() => {
      requireNode(this.graph, nodeId);
      const claims = this.graph
        .edgesOf(nodeId)
        .filter(
          (edge) => direction === 'both' || (direction === 'out' ? edge.from === nodeId : edge.to === nodeId),
        )
        .map((edge) => requireClaim(this.graph, edge.id))
        .sort((a, b) => compareIds(a.id, b.id));
      return claims;
    });
  }

  search(text: string, query?: SearchQuery): Promise<SearchHit[]> {
    return settle(() => {
      const { kinds, first } = resolveSearchQuery(text, query);
      const tokens = searchTerms(text)
        .flatMap((term) => term.split(/[:.]/))
        .filter((token) => token !== '');
      if (tokens.length === 0) return [];
      const kindSet = new Set<string>(kinds);
      // Names, aliases and CURIEs come from the in-memory prefix index, cut to the best few by a bound
      // of the shared score (exact for one token, so `first` suffices then).
      const keep = tokens.length === 1 ? first : Math.max(first, QUERY_CAPS.searchCandidates);
      const found = this.graph.searchIndex.candidates(tokens, kindSet, keep);
      const candidates = new Set<GraphNode>(found.nodes);
      // They outrank any summary mention, so summaries are searched (FTS5) only when they give fewer
      // hits than asked for. Each token quoted (so user text is never FTS syntax) and prefix-matched.
      if (found.count < first) {
        const match = tokens.map((token) => `"${token.replace(/"/g, '""')}"*`).join(' AND ');
        for (const id of this.tables.searchText(match, kinds, QUERY_CAPS.searchCandidates)) {
          const node = this.graph.nodes.get(id);
          if (node !== undefined) candidates.add(node);
        }
      }
      const exact = this.graph.nodes.get(text.trim());
      if (exact !== undefined && (kindSet.size === 0 || kindSet.has(exact.kind))) candidates.add(exact);
      return rankSearchHits(candidates, text, first);
    });
  }

  neighborhood(id: string, query?: NeighborhoodQuery): Promise<Subgraph> {
    return settle(() => neighborhoodIn(this.graph, id, query));
  }

  paths(fromId: string, toId: string, query?: PathQuery): Promise<PathsResult> {
    return settle(() => pathsIn(this.graph, fromId, toId, query));
  }

  theorySubgraph(theoryId: string): Promise<Subgraph> {
    return settle(() => theorySubgraphIn(this.graph, theoryId));
  }

  contested(first?: number): Promise<Claim[]> {
    return settle(() => contestedIn(this.graph, resolveFirst(first, 20, QUERY_CAPS.maxContested)));
  }

  history(query?: HistoryQuery): Promise<HistoryPage> {
    return settle(() => {
      const { targetId, first, beforeSeq } = resolveHistoryQuery(query);
      const rows = this.tables.changes(targetId, beforeSeq, first + 1);
      const changes = rows.slice(0, first);
      const last = changes.at(-1);
      return { changes, nextCursor: rows.length > first && last ? String(last.seq) : null };
    });
  }

  getReviewRecord(id: string): Promise<ReviewRecord | null> {
    return settle(() => this.reviewTables.record(id));
  }

  listReviewRecords(query: ReviewRecordQuery): Promise<ReviewRecord[]> {
    return settle(() => {
      const { statuses, first, before } = resolveReviewRecordQuery(query);
      return this.reviewTables.records(
        query.collection,
        statuses,
        query.targetId,
        query.actor,
        before,
        first,
      );
    });
  }

  activity(query?: ActivityQuery): Promise<ActivityPage> {
    return settle(() => {
      const { actor, targetId, first, beforeSeq } = resolveActivityQuery(query);
      const rows = this.reviewTables.activity(actor, targetId, beforeSeq, first + 1);
      const events = rows.slice(0, first);
      const last = events.at(-1);
      return { events, nextCursor: rows.length > first && last ? String(last.seq) : null };
    });
  }

  releases(): Promise<Release[]> {
    return settle(() => this.reviewTables.releases());
  }

  releaseSnapshot(number: number): Promise<GraphSnapshot | null> {
    return settle(() => this.reviewTables.releaseSnapshot(number));
  }

  getChange(seq: number): Promise<Change | null> {
    return settle(() => this.tables.change(seq));
  }

  stats(): Promise<GraphStats> {
    return settle(() => statsOf(this.graph, this.tables.countChanges()));
  }

  exportGraph(): Promise<GraphSnapshot> {
    return settle(() => this.snapshot());
  }

  // ── writes ───────────────────────────────────────────────────────────────────────────────────

  createNode(input: NodeInput, context: WriteContext): Promise<ConceptNode> {
    return this.write(() => {
      const stamp = stampOf(context);
      const node = planCreateNode(input, nowIso());
      this.assertNewId(node.id);
      return this.saveNode(stamp, null, node);
    });
  }

  updateNode(
    id: string,
    patch: NodePatch,
    expectedVersion: number,
    context: WriteContext,
  ): Promise<ConceptNode> {
    return this.write(() => {
      const stamp = stampOf(context);
      const current = requireNode(this.graph, id);
      if (isSourceNode(current)) throw new ValidationError('id', `"${id}" is a source; use updateSource`);
      const next = planUpdateNode(current, patch, expectedVersion, nowIso());
      return this.saveNode(stamp, current, next);
    });
  }

  deleteNode(id: string, expectedVersion: number, context: WriteContext): Promise<void> {
    return this.write(() => {
      const stamp = stampOf(context);
      const current = requireNode(this.graph, id);
      assertDeletable(this.graph, this.tables, current, expectedVersion);
      this.commit(() => {
        this.tables.deleteNode(id);
        this.tables.appendChange(nodeChange('delete', current, null), stamp);
      });
      this.graph.removeNode(id);
    });
  }

  createSource(input: SourceInput, context: WriteContext): Promise<SourceNode> {
    return this.write(() => {
      const stamp = stampOf(context);
      const source = planCreateSource(input, nowIso());
      this.assertNewId(source.id);
      return this.saveNode(stamp, null, source);
    });
  }

  updateSource(
    id: string,
    patch: SourcePatch,
    expectedVersion: number,
    context: WriteContext,
  ): Promise<SourceNode> {
    return this.write(() => {
      const stamp = stampOf(context);
      const current = requireNode(this.graph, id);
      if (!isSourceNode(current))
        throw new ValidationError('id', `"${id}" is a ${current.kind}, not a source; use updateNode`);
      const next = planUpdateSource(current, patch, expectedVersion, nowIso());
      return this.saveNode(stamp, current, next);
    });
  }

  createClaim(input: ClaimInput, context: WriteContext): Promise<Claim> {
    return this.write(() => {
      const stamp = stampOf(context);
      const checked = checkClaimInput(input);
      const now = nowIso();
      const stored: StoredClaim = { ...checked, version: 1, createdAt: now, updatedAt: now };
      assertClaimReferences(stored, this.graph.nodes);
      if (this.graph.claims.has(stored.id)) throw new AlreadyExistsError(stored.id);
      this.assertNewTriple(stored);
      return this.saveClaim(stamp, 'create', null, stored);
    });
  }

  updateClaim(id: string, patch: ClaimPatch, expectedVersion: number, context: WriteContext): Promise<Claim> {
    return this.write(() => {
      const stamp = stampOf(context);
      const current = storedOf(requireClaim(this.graph, id));
      const next = planUpdateClaim(current, checkClaimPatch(patch), expectedVersion, nowIso());
      if (next.relation !== current.relation) {
        assertRelationAllowed(
          next.relation,
          requireNode(this.graph, next.from).kind,
          requireNode(this.graph, next.to).kind,
        );
        this.assertNewTriple(next);
      }
      return this.saveClaim(stamp, 'update', current, next);
    });
  }

  restoreClaim(
    id: string,
    restore: ClaimRestore,
    expectedVersion: number,
    context: WriteContext,
  ): Promise<Claim> {
    return this.write(() => {
      const stamp = stampOf(context);
      const current = storedOf(requireClaim(this.graph, id));
      const next = planRestoreClaim(current, restore, expectedVersion, nowIso());
      assertClaimReferences(next, this.graph.nodes);
      if (next.relation !== current.relation) this.assertNewTriple(next);
      return this.saveClaim(stamp, restoreAction(current, next), current, next);
    });
  }

  deleteClaim(id: string, expectedVersion: number, context: WriteContext): Promise<void> {
    return this.write(() => {
      const stamp = stampOf(context);
      const current = storedOf(requireClaim(this.graph, id));
      assertVersion(id, expectedVersion, current.version);
      this.commit(() => {
        this.tables.deleteClaim(id);
        this.tables.appendChange(claimChange('delete', current, null), stamp);
      });
      this.graph.removeClaim(id);
    });
  }

  addEvidence(
    claimId: string,
    evidence: EvidenceInput,
    expectedVersion: number,
    context: WriteContext,
  ): Promise<Claim> {
    return this.write(() => {
      const stamp = stampOf(context);
      const current = storedOf(requireClaim(this.graph, claimId));
      const item = checkEvidenceInput('evidence', evidence, claimId);
      if (this.graph.nodes.get(item.sourceId)?.kind !== 'source') {
        throw new ValidationError('evidence.sourceId', `source "${item.sourceId}" does not exist`);
      }
      const next = planAddEvidence(current, item, expectedVersion, nowIso());
      return this.saveClaim(stamp, 'add-evidence', current, next);
    });
  }

  removeEvidence(
    claimId: string,
    evidenceId: string,
    expectedVersion: number,
    context: WriteContext,
  ): Promise<Claim> {
    return this.write(() => {
      const stamp = stampOf(context);
      const current = storedOf(requireClaim(this.graph, claimId));
      const next = planRemoveEvidence(current, evidenceId, expectedVersion, nowIso());
      return this.saveClaim(stamp, 'remove-evidence', current, next);
    });
  }

  saveReviewRecord<T extends ReviewRecord>(
    record: T,
    expectedVersion: number,
    event: ActivityDraft,
  ): Promise<T> {
    return this.write(() => {
      this.commit(() => {
        const current = this.reviewTables.versionOf(record.id);
        if (current !== expectedVersion) throw new VersionConflictError(record.id, expectedVersion, current);
        this.reviewTables.putRecord(record);
        this.reviewTables.appendActivity(event);
      });
      return record;
    });
  }

  createRelease(draft: ReleaseDraft): Promise<Release> {
    return this.write(() => {
      let release: Release | undefined;
      this.commit(() => {
        if (this.reviewTables.hasReleaseNamed(draft.name)) {
          throw new AlreadyExistsError(
            draft.name,
            `a release named "${draft.name}" exists; choose another name`,
          );
        }
        const snapshot = this.snapshot();
        release = releaseOf(draft, this.reviewTables.nextReleaseNumber(), snapshot);
        this.reviewTables.insertRelease(release, snapshot);
        this.reviewTables.appendActivity(releaseEvent(release));
      });
      return release as Release;
    });
  }

  importGraph(
    snapshot: GraphSnapshot,
    context: WriteContext,
    options: ImportOptions = {},
  ): Promise<ImportReport> {
    return this.write(async () => {
      const stamp = stampOf(context);
      const checked = checkSnapshot(snapshot);
      return options.mode === 'upsert'
        ? this.upsert(checked, stamp, options)
        : this.restore(checked, stamp, options);
    });
  }

  revision(): Promise<number> {
    return Promise.resolve(this.writesSettled);
  }

  close(): Promise<void> {
    if (!this.closed) {
      this.closed = true;
      this.db.close();
    }
    return Promise.resolve();
  }

  // ── internals ────────────────────────────────────────────────────────────────────────────────

  private snapshot(): GraphSnapshot {
    return sortSnapshot([...this.graph.nodes.values()], [...this.graph.claims.values()].map(storedOf));
  }

  /** Refuses every write from now on (a release's frozen copy). */
  freeze(): void {
    this.frozen = true;
  }

  /** Runs a write after every earlier one has finished. */
  private write<T>(run: () => T | Promise<T>): Promise<T> {
    const result = this.writeQueue.then(async () => {
      if (this.closed) throw new FibroGraphError('STORE_UNAVAILABLE', 'the store is closed');
      if (this.frozen)
        throw new ValidationError('release', 'a release is frozen; change the live graph instead');
      try {
        return await run();
      } finally {
        // Bumped once the write has committed (or failed) and the read model matches SQLite; a failed
        // write bumps it too, which costs a cache miss and can never serve stale data.
        this.writesSettled += 1;
      }
    });
    this.writeQueue = result.catch(() => undefined);
    return result;
  }

  /** Writes a new or changed node and its history entry in one transaction, then the read model. */
  private saveNode<T extends GraphNode>(stamp: ChangeStamp, before: GraphNode | null, after: T): T {
    this.commit(() => {
      if (before === null) this.tables.insertNode(after);
      else this.tables.updateNode(after);
      this.tables.appendChange(nodeChange(before === null ? 'create' : 'update', before, after), stamp);
    });
    this.graph.putNode(after);
    return after;
  }

  /** Writes a new or changed claim and its history entry in one transaction, then the read model. */
  private saveClaim(
    stamp: ChangeStamp,
    action: Parameters<typeof claimChange>[0],
    before: StoredClaim | null,
    after: StoredClaim,
  ): Claim {
    this.commit(() => {
      if (before === null) this.tables.insertClaim(after);
      else this.tables.updateClaim(after);
      this.tables.appendChange(claimChange(action, before, after), stamp);
    });
    return this.graph.putClaim(after);
  }

  /** Runs SQL statements in one immediate transaction. */
  private commit(run: () => void): void {
    this.db.transaction(run).immediate();
  }

  private assertNewId(id: string): void {
    if (this.graph.nodes.has(id)) throw new AlreadyExistsError(id);
  }

  private assertNewTriple(claim: StoredClaim): void {
    const existing = this.graph.claimIdForTriple(claim.from, claim.relation, claim.to);
    if (existing !== undefined && existing !== claim.id) {
      throw new AlreadyExistsError(
        existing,
        `claim "${existing}" already says ${claim.from} ${claim.relation} ${claim.to}; add evidence to it instead`,
      );
    }
  }

  /** Restore into an empty store, keeping versions and timestamps; one transaction, progress between batches. */
  private async restore(
    snapshot: GraphSnapshot,
    stamp: ChangeStamp,
    options: ImportOptions,
  ): Promise<ImportReport> {
    if (this.graph.nodes.size > 0) {
      throw new ValidationError(
        'mode',
        'the store is not empty; restore needs an empty store (use upsert to merge)',
      );
    }
    const records = [...snapshot.nodes, ...snapshot.claims];
    const total = records.length;
    this.db.exec('BEGIN IMMEDIATE');
    try {
      for (let start = 0; start < total; start += IMPORT_BATCH) {
        for (const record of records.slice(start, start + IMPORT_BATCH)) {
          if ('relation' in record) this.tables.insertClaim(record);
          else this.tables.insertNode(record);
        }
        options.onProgress?.(Math.min(start + IMPORT_BATCH, total), total);
        await new Promise((resolve) => setImmediate(resolve));
      }
      const report = { created: total, updated: 0, unchanged: 0 };
      this.tables.appendChange(
        {
          action: 'import',
          targetType: 'graph',
          targetId: 'graph',
          before: null,
          after: report,
          subjects: ['graph'],
        },
        stamp,
      );
      this.db.exec('COMMIT');
      this.graph.load(snapshot.nodes, snapshot.claims);
      return report;
    } catch (error) {
      if (this.db.inTransaction) this.db.exec('ROLLBACK');
      throw error;
    }
  }

  /** Merge: create what is missing, update what differs, one history entry each; all or nothing. */
  private upsert(snapshot: GraphSnapshot, stamp: ChangeStamp, options: ImportOptions): ImportReport {
    const now = nowIso();
    const currentClaims = new Map<string, StoredClaim>();
    for (const incoming of snapshot.claims) {
      const current = this.graph.claims.get(incoming.id);
      if (current !== undefined) currentClaims.set(current.id, storedOf(current));
    }
    assertMergeable(snapshot, this.graph.nodes, currentClaims, (from, relation, to) =>
      this.graph.claimIdForTriple(from, relation, to),
    );
    const nodes = new Map<string, GraphNode>(this.graph.nodes);
    for (const node of snapshot.nodes) nodes.set(node.id, node);
    for (const incoming of snapshot.claims) assertClaimReferences(incoming, nodes);
    const nodePlan = planMerge(snapshot.nodes, this.graph.nodes, now);
    const claimPlan = planMerge(snapshot.claims, currentClaims, now);
    this.commit(() => {
      for (const { before, after } of nodePlan.writes) {
        if (before === null) this.tables.insertNode(after);
        else this.tables.updateNode(after);
      }
      for (const { before, after } of claimPlan.writes) {
        if (before === null) this.tables.insertClaim(after);
        else this.tables.updateClaim(after);
      }
      for (const change of [...nodePlan.changes, ...claimPlan.changes])
        this.tables.appendChange(change, stamp);
    });
    for (const { after } of nodePlan.writes) this.graph.putNode(after);
    for (const { after } of claimPlan.writes) this.graph.putClaim(after);
    const total = snapshot.nodes.length + snapshot.claims.length;
    options.onProgress?.(total, total);
    return {
      created: nodePlan.created + claimPlan.created,
      updated: nodePlan.updated + claimPlan.updated,
      unchanged: nodePlan.unchanged + claimPlan.unchanged,
    };
  }
}

/** Pragmas for durability and single ownership; fails clearly if another process holds the directory. */
function configure(db: Database.Database, file: string): void {
  try {
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
    db.pragma('locking_mode = EXCLUSIVE');
    addMissingColumns(db);
    db.exec(SCHEMA_SQL);
    // A write takes the exclusive lock now rather than at the first edit.
    db.prepare("INSERT INTO meta (key, value) VALUES ('schema_version', ?) ON CONFLICT (key) DO NOTHING").run(
      String(SCHEMA_VERSION),
    );
  } catch (error) {
    if (
      error instanceof Error &&
      /SQLITE_BUSY|database is locked/i.test(`${(error as { code?: string }).code ?? ''} ${error.message}`)
    ) {
      throw new FibroGraphError(
        'STORE_UNAVAILABLE',
        `${file} is in use by another FibroGraph process; stop it or use another FIBROGRAPH_DATA_DIR`,
      );
    }
    throw error;
  }
  const version = (
    db.prepare("SELECT value FROM meta WHERE key = 'schema_version'").get() as { value: string }
  ).value;
  if (version !== String(SCHEMA_VERSION)) {
    throw new FibroGraphError(
      'STORE_UNAVAILABLE',
      `${file} has schema version ${version}; this FibroGraph expects ${SCHEMA_VERSION}`,
    );
  }
}

/** Adds the columns newer code expects to tables an older FibroGraph created. */
function addMissingColumns(db: Database.Database): void {
  for (const { table, column, type } of ADDED_COLUMNS) {
    const columns = db.prepare(`PRAGMA table_info(${table})`).all() as { name: string }[];
    // A table that does not exist yet gets the column from SCHEMA_SQL.
    if (columns.length > 0 && !columns.some((existing) => existing.name === column)) {
      db.exec(`ALTER TABLE ${table} ADD COLUMN ${column} ${type}`);
    }
  }
}

/** Runs a synchronous read so that a thrown error becomes a rejected promise, as callers expect. */
function settle<T>(run: () => T): Promise<T> {
  try {
    return Promise.resolve(run());
  } catch (error) {
    return Promise.reject(error instanceof Error ? error : new Error(String(error)));
  }
}

function assertDeletable(
  graph: MemoryGraph,
  tables: SqliteTables,
  node: GraphNode,
  expectedVersion: number,
): void {
  assertVersion(node.id, expectedVersion, node.version);
  const claims = graph.edgesOf(node.id).length;
  if (claims > 0) throw new InUseError(node.id, `"${node.id}" has ${claims} claim(s); delete them first`);
  const citations = tables.citationsOf(node.id);
  if (citations > 0)
    throw new InUseError(node.id, `source "${node.id}" is cited by ${citations} evidence item(s)`);
}

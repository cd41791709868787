/**
 * The GraphStore port: every operation FibroGraph needs from a graph database. The embedded store
 * and the Neo4j store both implement it and both pass tests/contract. Add exports here with intention.
 */
import type { EvidenceLevel } from '../domain/evidence-levels.ts';
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
} from '../domain/inputs.ts';
import type { NodeKind } from '../domain/kinds.ts';
import type { Change, Claim, ConceptNode, GraphNode, GraphSnapshot, SourceNode } from '../domain/model.ts';
import type { Relation } from '../domain/relations.ts';
import type {
  ActivityDraft,
  ActivityEvent,
  Release,
  ReleaseDraft,
  ReviewRecord,
} from '../review/review-model.ts';
import type { SearchHit } from '../domain/search-rank.ts';
import type { NeighbourhoodPage, RankedPath } from '../domain/traversal.ts';
import type { EvidenceWeighting } from '../domain/weighting.ts';

/** Which adapter a store is. */
export type StoreKind = 'embedded' | 'neo4j';

/** Nodes and the claims among them. */
export interface Subgraph {
  readonly nodes: readonly GraphNode[];
  readonly claims: readonly Claim[];
  /** True when a size cap or the node budget cut the result short. */
  readonly truncated: boolean;
  /** For a neighbourhood: where this answer sits in the whole (see NeighbourhoodPage). */
  readonly page?: NeighbourhoodPage;
}

/** Whether an event fitted its sliding window, and if not, how long until one would. */
export interface RateSlot {
  readonly allowed: boolean;
  readonly retryAfterMs: number;
}

/** Options for `neighborhood`. */
export interface NeighborhoodQuery {
  /** 1..4 hops, default 1. */
  readonly depth?: number;
  readonly kinds?: readonly NodeKind[];
  readonly relations?: readonly Relation[];
  readonly minLevel?: EvidenceLevel;
  /**
   * The node budget: at most this many nodes (1..5000, default 150), the nearest and surest first;
   * `page` says what was left out.
   */
  readonly limit?: number;
  /** Rank of the first node to return (default 0, the centre): pass `page.nextOffset` to page on. */
  readonly offset?: number;
}

/** Options for `paths`. */
export interface PathQuery {
  /** 1..6 claims, default 4. */
  readonly maxHops?: number;
  /** How many paths to return, default 5, at most 50. */
  readonly first?: number;
  /** Also cross claims between theories (BUILDS_ON, CONFLICTS_WITH); default false. */
  readonly throughTheoryRelations?: boolean;
  /**
   * Rank as if this evidence were left out (domain/weighting.ts): claims are weighed before the
   * walk, those with nothing left are not crossed, and the result's claims are the weighed ones.
   */
  readonly weighting?: EvidenceWeighting;
}

/** A ranked path with its claims resolved. */
export interface PathResult extends RankedPath {
  readonly claims: readonly Claim[];
}

/** Ranked paths and whether enumeration hit its cap. */
export interface PathsResult {
  readonly paths: readonly PathResult[];
  readonly truncated: boolean;
}

/** Options for `search`. */
export interface SearchQuery {
  readonly kinds?: readonly NodeKind[];
  /** Default 10, at most 100. */
  readonly first?: number;
}

/** Options for `history`. */
export interface HistoryQuery {
  /** Only changes to this node, source or claim (for a node, also changes to its claims). */
  readonly targetId?: string;
  /** Default 20, at most 200. */
  readonly first?: number;
  /** Cursor from a previous page's `nextCursor`. */
  readonly after?: string;
}

/** One page of history, newest first. */
export interface HistoryPage {
  readonly changes: readonly Change[];
  readonly nextCursor: string | null;
}

/** Counts of what is in the graph. */
export interface GraphStats {
  readonly nodes: number;
  readonly claims: number;
  readonly evidence: number;
  readonly changes: number;
  readonly nodesByKind: Readonly<Record<string, number>>;
  readonly claimsByRelation: Readonly<Record<string, number>>;
  readonly evidenceByLevel: Readonly<Record<string, number>>;
  readonly evidenceByStance: Readonly<Record<string, number>>;
  /** Claims by their certainty grade (certainty.ts), derived from each claim's evidence. */
  readonly claimsByCertainty: Readonly<Record<string, number>>;
  readonly contestedClaims: number;
}

/** How `importGraph` treats records that already exist. */
export interface ImportOptions {
  /**
   * `restore` (default): the store must be empty; records keep their versions and timestamps, so an
   * export of the result equals the imported snapshot. `upsert`: create what is missing and update
   * what differs (new versions, one history entry each); identical records are left alone.
   */
  readonly mode?: 'restore' | 'upsert';
  /** Called after each batch with the number of records written so far. */
  readonly onProgress?: (done: number, total: number) => void;
}

/** What an import did. */
export interface ImportReport {
  readonly created: number;
  readonly updated: number;
  readonly unchanged: number;
}

/** Options for listing nodes of a kind. */
export interface ListQuery {
  readonly kinds?: readonly NodeKind[];
  readonly first?: number;
  readonly after?: string;
}

/** A page of a list ordered by id: at most `first` items, starting after the id `after`. */
export interface PageQuery {
  readonly first?: number;
  readonly after?: string;
}

/** Options for listing proposals or reports, newest first. */
export interface ReviewRecordQuery {
  readonly collection: ReviewRecord['collection'];
  /** Only these statuses (any when empty or absent). */
  readonly statuses?: readonly string[];
  readonly targetId?: string;
  readonly actor?: string;
  /** Default 50, at most 200. */
  readonly first?: number;
  /** An id from the previous page: records opened before it. */
  readonly after?: string;
}

/** Options for the activity feed, newest first. */
export interface ActivityQuery {
  /** Only what this person did. */
  readonly actor?: string;
  /** Only entries about this graph record, proposal, report or release (`release:N`). */
  readonly targetId?: string;
  /** Default 50, at most 200. */
  readonly first?: number;
  /** Cursor from a previous page's `nextCursor`. */
  readonly after?: string;
}

/** One page of the activity feed. */
export interface ActivityPage {
  readonly events: readonly ActivityEvent[];
  readonly nextCursor: string | null;
}

/** The port. All methods are async; writes resolve only after the change is durable. */
export interface GraphStore {
  readonly kind: StoreKind;

  getNode(id: string): Promise<GraphNode | null>;
  getNodes(ids: readonly string[]): Promise<GraphNode[]>;
  getSource(id: string): Promise<SourceNode | null>;
  getClaim(id: string): Promise<Claim | null>;
  getClaims(ids: readonly string[]): Promise<Claim[]>;
  /** Nodes sorted by id, optionally of some kinds, paginated by id cursor. */
  listNodes(query?: ListQuery): Promise<GraphNode[]>;
  /** Claims touching a node: `out` (node is `from`), `in`, or `both`. */
  claimsOf(nodeId: string, direction?: 'out' | 'in' | 'both'): Promise<Claim[]>;
  /**
   * Claims with at least one evidence item citing a source, by claim id (first default 100, at most
   * QUERY_CAPS.maxList). NotFoundError for an unknown id, ValidationError for a concept node.
   */
  claimsCiting(sourceId: string, page?: PageQuery): Promise<Claim[]>;

  search(text: string, query?: SearchQuery): Promise<SearchHit[]>;
  neighborhood(id: string, query?: NeighborhoodQuery): Promise<Subgraph>;
  paths(fromId: string, toId: string, query?: PathQuery): Promise<PathsResult>;
  /** A theory, the mechanisms it proposes, what it explains, the claims among them and therapies acting on them. */
  theorySubgraph(theoryId: string): Promise<Subgraph>;
  /** Claims with evidence of both stances, strongest disputes first. */
  contested(first?: number): Promise<Claim[]>;

  createNode(input: NodeInput, context: WriteContext): Promise<ConceptNode>;
  updateNode(
    id: string,
    patch: NodePatch,
    expectedVersion: number,
    context: WriteContext,
  ): Promise<ConceptNode>;
  /** Deletes a node or source; refuses while claims or evidence still refer to it. */
  deleteNode(id: string, expectedVersion: number, context: WriteContext): Promise<void>;
  createSource(input: SourceInput, context: WriteContext): Promise<SourceNode>;
  updateSource(
    id: string,
    patch: SourcePatch,
    expectedVersion: number,
    context: WriteContext,
  ): Promise<SourceNode>;
  createClaim(input: ClaimInput, context: WriteContext): Promise<Claim>;
  updateClaim(id: string, patch: ClaimPatch, expectedVersion: number, context: WriteContext): Promise<Claim>;
  deleteClaim(id: string, expectedVersion: number, context: WriteContext): Promise<void>;
  addEvidence(
    claimId: string,
    evidence: EvidenceInput,
    expectedVersion: number,
    context: WriteContext,
  ): Promise<Claim>;
  /** Removes one evidence item; refuses to remove a claim's last one (delete the claim instead). */
  removeEvidence(
    claimId: string,
    evidenceId: string,
    expectedVersion: number,
    context: WriteContext,
  ): Promise<Claim>;

  /**
   * Puts a claim's relation, summary and evidence list (in order, ids kept) back as `restore` says, at
   * the expected version, in one write with one change: how an admin's revert restores a claim. The
   * change is recorded as `add-evidence` or `remove-evidence` when that is all it amounts to, else as
   * `update`.
   */
  restoreClaim(
    id: string,
    restore: ClaimRestore,
    expectedVersion: number,
    context: WriteContext,
  ): Promise<Claim>;
  history(query?: HistoryQuery): Promise<HistoryPage>;

  // ── the editorial workflow (review/): records beside the graph, never part of it ──

  /**
   * Saves a proposal or report at `record.version` if the stored one is at `expectedVersion` (0: it
   * must not exist yet; else VersionConflictError), and appends `event` to the activity feed in the
   * same transaction.
   */
  saveReviewRecord<T extends ReviewRecord>(
    record: T,
    expectedVersion: number,
    event: ActivityDraft,
  ): Promise<T>;
  getReviewRecord(id: string): Promise<ReviewRecord | null>;
  listReviewRecords(query: ReviewRecordQuery): Promise<ReviewRecord[]>;
  activity(query?: ActivityQuery): Promise<ActivityPage>;
  /**
   * Freezes the graph as it is now as the next numbered release (AlreadyExistsError for a name in
   * use) and records it in the activity feed, in one transaction.
   */
  createRelease(draft: ReleaseDraft): Promise<Release>;
  /** Every release, oldest first. */
  releases(): Promise<Release[]>;
  /** The graph as release `number` froze it, or null when there is no such release. */
  releaseSnapshot(number: number): Promise<GraphSnapshot | null>;
  /** The change with this sequence number, or null when there is none. */
  getChange(seq: number): Promise<Change | null>;
  stats(): Promise<GraphStats>;
  importGraph(snapshot: GraphSnapshot, context: WriteContext, options?: ImportOptions): Promise<ImportReport>;
  exportGraph(): Promise<GraphSnapshot>;
  /**
   * A number that moves on with every write to the graph and never with a read, or null when the
   * store cannot vouch for that. Caches of answers key on it, read before the reads an answer makes.
   * Neo4j's lives in the database, so API replicas sharing it agree on it.
   */
  revision(): Promise<number | null>;
  /**
   * Present when several API processes may share the store (Neo4j): records one event for `key` if
   * fewer than `max` happened in the last `windowMs`, in the store, so a rate limit holds across them.
   */
  takeRateSlot?(key: string, max: number, windowMs: number): Promise<RateSlot>;
  /**
   * Present when API replicas may answer one client (Neo4j): runs `work` with its reads after the
   * writes `after` names (bookmarks a client got back from an earlier write, through any replica).
   */
  withBookmarks?<T>(after: readonly string[], work: () => Promise<T>): Promise<T>;
  /** Inside withBookmarks: the bookmarks after the writes `work` made so far (empty when none). */
  writtenBookmarks?(): readonly string[];
  close(): Promise<void>;
}

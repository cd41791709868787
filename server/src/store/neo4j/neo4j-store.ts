/**
 * The Neo4j store: the GraphStore port over a Neo4j 5 database. Claims are typed relationships,
 * evidence and history are nodes, walks reuse the shared traversal code, and every write is one
 * managed transaction that locks, checks the expected version, writes and records its change.
 */
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
import type { Change, Claim, ConceptNode, GraphNode, GraphSnapshot, SourceNode } from '../../domain/model.ts';
import type { SearchHit } from '../../domain/search-rank.ts';
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
  RateSlot,
} from '../graph-store.ts';
import * as claimWrites from './claim-writes.ts';
import { CypherRunner, type Neo4jConfig } from './cypher-runner.ts';
import { refreshDerivedFigures } from './derived-figures.ts';
import { importGraph } from './neo4j-import.ts';
import * as reads from './neo4j-reads.ts';
import { search } from './neo4j-search.ts';
import * as walks from './neo4j-walks.ts';
import * as nodeWrites from './node-writes.ts';
import * as reviewRecords from './review-records.ts';
import { countOf } from './records.ts';

/** Connects to Neo4j, applies the schema in cypher/schema and returns the store; it owns the driver. */
export async function openNeo4jStore(config: Neo4jConfig): Promise<GraphStore> {
  const runner = await CypherRunner.open(config);
  try {
    await refreshDerivedFigures(runner);
  } catch (error) {
    await runner.close();
    throw error;
  }
  return new Neo4jStore(runner);
}

class Neo4jStore implements GraphStore {
  readonly kind = 'neo4j' as const;

  constructor(private readonly runner: CypherRunner) {}

  async getNode(id: string): Promise<GraphNode | null> {
    return (await reads.getNodes(this.runner, [id]))[0] ?? null;
  }

  getNodes(ids: readonly string[]): Promise<GraphNode[]> {
    return reads.getNodes(this.runner, ids);
  }

  getSource(id: string): Promise<SourceNode | null> {
    return reads.getSource(this.runner, id);
  }

  async getClaim(id: string): Promise<Claim | null> {
    return (await reads.getClaims(this.runner, [id]))[0] ?? null;
  }

  getClaims(ids: readonly string[]): Promise<Claim[]> {
    return reads.getClaims(this.runner, ids);
  }

  listNodes(query?: ListQuery): Promise<GraphNode[]> {
    return reads.listNodes(this.runner, query);
  }

  claimsOf(nodeId: string, direction?: 'out' | 'in' | 'both'): Promise<Claim[]> {
    return reads.claimsOf(this.runner, nodeId, direction);
  }

  claimsCiting(sourceId: string, page?: PageQuery): Promise<Claim[]> {
    return reads.claimsCiting(this.runner, sourceId, page);
  }

  search(text: string, query?: SearchQuery): Promise<SearchHit[]> {
    return search(this.runner, text, query);
  }

  neighborhood(id: string, query?: NeighborhoodQuery): Promise<Subgraph> {
    return walks.neighborhood(this.runner, id, query);
  }

  paths(fromId: string, toId: string, query?: PathQuery): Promise<PathsResult> {
    return walks.paths(this.runner, fromId, toId, query);
  }

  theorySubgraph(theoryId: string): Promise<Subgraph> {
    return walks.theorySubgraph(this.runner, theoryId);
  }

  contested(first?: number): Promise<Claim[]> {
    return reads.contested(this.runner, first);
  }

  createNode(input: NodeInput, context: WriteContext): Promise<ConceptNode> {
    return nodeWrites.createNode(this.runner, input, context);
  }

  updateNode(
    id: string,
    patch: NodePatch,
    expectedVersion: number,
    context: WriteContext,
  ): Promise<ConceptNode> {
    return nodeWrites.updateNode(this.runner, id, patch, expectedVersion, context);
  }

  deleteNode(id: string, expectedVersion: number, context: WriteContext): Promise<void> {
    return nodeWrites.deleteNode(this.runner, id, expectedVersion, context);
  }

  createSource(input: SourceInput, context: WriteContext): Promise<SourceNode> {
    return nodeWrites.createSource(this.runner, input, context);
  }

  updateSource(
    id: string,
    patch: SourcePatch,
    expectedVersion: number,
    context: WriteContext,
  ): Promise<SourceNode> {
    return nodeWrites.updateSource(this.runner, id, patch, expectedVersion, context);
  }

  createClaim(input: ClaimInput, context: WriteContext): Promise<Claim> {
    return claimWrites.createClaim(this.runner, input, context);
  }

  updateClaim(id: string, patch: ClaimPatch, expectedVersion: number, context: WriteContext): Promise<Claim> {
    return claimWrites.updateClaim(this.runner, id, patch, expectedVersion, context);
  }

  restoreClaim(
    id: string,
    restore: ClaimRestore,
    expectedVersion: number,
    context: WriteContext,
  ): Promise<Claim> {
    return claimWrites.restoreClaim(this.runner, id, restore, expectedVersion, context);
  }

  deleteClaim(id: string, expectedVersion: number, context: WriteContext): Promise<void> {
    return claimWrites.deleteClaim(this.runner, id, expectedVersion, context);
  }

  addEvidence(
    claimId: string,
    evidence: EvidenceInput,
    expectedVersion: number,
    context: WriteContext,
  ): Promise<Claim> {
    return claimWrites.addEvidence(this.runner, claimId, evidence, expectedVersion, context);
  }

  removeEvidence(
    claimId: string,
    evidenceId: string,
    expectedVersion: number,
    context: WriteContext,
  ): Promise<Claim> {
    return claimWrites.removeEvidence(this.runner, claimId, evidenceId, expectedVersion, context);
  }

  history(query?: HistoryQuery): Promise<HistoryPage> {
    return reads.history(this.runner, query);
  }

  saveReviewRecord<T extends ReviewRecord>(
    record: T,
    expectedVersion: number,
    event: ActivityDraft,
  ): Promise<T> {
    return reviewRecords.saveReviewRecord(this.runner, record, expectedVersion, event);
  }

  getReviewRecord(id: string): Promise<ReviewRecord | null> {
    return reviewRecords.getReviewRecord(this.runner, id);
  }

  listReviewRecords(query: ReviewRecordQuery): Promise<ReviewRecord[]> {
    return reviewRecords.listReviewRecords(this.runner, query);
  }

  activity(query?: ActivityQuery): Promise<ActivityPage> {
    return reviewRecords.activity(this.runner, query);
  }

  createRelease(draft: ReleaseDraft): Promise<Release> {
    return reviewRecords.createRelease(this.runner, draft);
  }

  releases(): Promise<Release[]> {
    return reviewRecords.releases(this.runner);
  }

  releaseSnapshot(number: number): Promise<GraphSnapshot | null> {
    return reviewRecords.releaseSnapshot(this.runner, number);
  }

  getChange(seq: number): Promise<Change | null> {
    return reads.getChange(this.runner, seq);
  }

  stats(): Promise<GraphStats> {
    return reads.stats(this.runner);
  }

  /**
   * The revision every FibroGraph write transaction moves on (bump-revision.cypher), read from the
   * database, so it holds across API replicas. Cypher writes made outside FibroGraph must bump it too.
   */
  async revision(): Promise<number> {
    const [row] = await this.runner.readQuery('read-revision');
    return countOf(row, 'value');
  }

  withBookmarks<T>(after: readonly string[], work: () => Promise<T>): Promise<T> {
    return this.runner.withBookmarks(after, work);
  }

  writtenBookmarks(): readonly string[] {
    return this.runner.writtenBookmarks();
  }

  takeRateSlot(key: string, max: number, windowMs: number): Promise<RateSlot> {
    return reads.takeRateSlot(this.runner, key, max, windowMs);
  }

  importGraph(
    snapshot: GraphSnapshot,
    context: WriteContext,
    options?: ImportOptions,
  ): Promise<ImportReport> {
    return importGraph(this.runner, snapshot, context, options);
  }

  exportGraph(): Promise<GraphSnapshot> {
    return reads.exportGraph(this.runner);
  }

  close(): Promise<void> {
    return this.runner.close();
  }
}

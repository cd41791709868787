/** What resolvers return for the schema types that have no domain record of their own (codegen mappers). */
import type { Claim, ConceptNode, GraphNode, StoredClaim } from '../domain/model.ts';
import type { ClaimDifference, SnapshotDiff } from '../review/releases.ts';
import type { Release } from '../review/review-model.ts';
import type { PathHop } from '../domain/traversal.ts';
import type { Subgraph } from '../store/graph-store.ts';

/** A path hop with its claim resolved. */
export interface PathHopModel {
  readonly hop: PathHop;
  readonly claim: Claim;
}

/** A theory and its subgraph. */
export interface TheoryViewModel extends Subgraph {
  readonly theory: GraphNode;
}

/** The mechanisms only one compared theory proposes. */
export interface TheoryMechanismsModel {
  readonly theory: GraphNode;
  readonly mechanisms: readonly GraphNode[];
}

/** One row of the coverage matrix. */
export interface SymptomCoverageModel {
  readonly symptom: GraphNode;
  readonly explainedBy: readonly GraphNode[];
  readonly covered: readonly boolean[];
}

/** A question on the research agenda, with the theories its TESTS claims name. */
export interface AgendaItemModel {
  readonly question: ConceptNode;
  readonly theories: readonly GraphNode[];
  readonly separates: number;
  readonly claims: readonly Claim[];
}

/** Several theories side by side. */
export interface TheoryComparisonModel {
  readonly theories: readonly GraphNode[];
  readonly sharedMechanisms: readonly GraphNode[];
  readonly uniqueMechanisms: readonly TheoryMechanismsModel[];
  readonly coverage: readonly SymptomCoverageModel[];
}

/** What changed between two releases, with the releases it compares. */
export interface ReleaseDiffModel extends SnapshotDiff {
  readonly from: Release;
  /** Null: the graph as it is now. */
  readonly to: Release | null;
  /** Node names by id from both versions (the newer wins), for claims' readings. */
  readonly names: ReadonlyMap<string, string>;
}

/** A node that differs (added, removed or changed) between two versions of the graph. */
export interface NodeDifferenceModel {
  readonly node: GraphNode;
  readonly fields: readonly string[];
}

/** A claim that differs: the claim (the newer version when it has one), its ends' names and what changed. */
export interface ClaimDifferenceModel {
  readonly claim: StoredClaim;
  readonly names: ReadonlyMap<string, string>;
  readonly difference: ClaimDifference | null;
}

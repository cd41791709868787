/** What resolvers return for the schema types that have no domain record of their own (codegen mappers). */
import type { Claim, ConceptNode, GraphNode } from '../domain/model.ts';
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

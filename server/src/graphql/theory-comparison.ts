/** Compares theories from what each proposes and explains: shared and unique mechanisms, symptom coverage. */
import type { GraphNode } from '../domain/model.ts';
import type { TheoryComparisonModel } from './models.ts';

/** What one theory proposes and explains. */
export interface TheoryFacts {
  readonly theory: GraphNode;
  /** Mechanisms it PROPOSES. */
  readonly mechanisms: readonly GraphNode[];
  /** Ids of symptoms it EXPLAINS, directly or through a mechanism it proposes that CAUSES them. */
  readonly explains: ReadonlySet<string>;
}

/** Builds the comparison; `symptoms` are the matrix rows, in the order given. */
export function compareTheoryFacts(
  facts: readonly TheoryFacts[],
  symptoms: readonly GraphNode[],
): TheoryComparisonModel {
  const proposers = new Map<string, { mechanism: GraphNode; count: number }>();
  for (const { mechanisms } of facts) {
    for (const mechanism of mechanisms) {
      const entry = proposers.get(mechanism.id) ?? { mechanism, count: 0 };
      entry.count += 1;
      proposers.set(mechanism.id, entry);
    }
  }
  const byId = (a: GraphNode, b: GraphNode) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
  const sharedMechanisms = [...proposers.values()]
    .filter((entry) => entry.count === facts.length)
    .map((entry) => entry.mechanism)
    .sort(byId);
  const uniqueMechanisms = facts.map(({ theory, mechanisms }) => ({
    theory,
    mechanisms: mechanisms.filter((mechanism) => proposers.get(mechanism.id)?.count === 1).sort(byId),
  }));
  const coverage = symptoms.map((symptom) => {
    const covered = facts.map(({ explains }) => explains.has(symptom.id));
    return { symptom, covered, explainedBy: facts.filter((_, i) => covered[i]).map((f) => f.theory) };
  });
  return { theories: facts.map((f) => f.theory), sharedMechanisms, uniqueMechanisms, coverage };
}

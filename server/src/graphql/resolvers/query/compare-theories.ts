/** Query.compareTheories: shared and unique mechanisms, and a symptom coverage matrix. */
import type { GraphNode } from '../../../domain/model.ts';
import type { FibroGraphContext } from '../../context.ts';
import type { QueryResolvers } from '../../generated/resolvers-types.ts';
import { loadNodes } from '../../node-loading.ts';
import { compareTheoryFacts, type TheoryFacts } from '../../theory-comparison.ts';
import { requireTheories } from '../../theory-ids.ts';
import { listAll } from './theories.ts';

/** At most this many theories side by side. */
export const MAX_COMPARED_THEORIES = 10;

/** Resolves Query.compareTheories for 1 to 10 distinct theory ids. */
export const compareTheories: NonNullable<QueryResolvers['compareTheories']> = async (
  _parent,
  { ids },
  context,
) => {
  const theories = await requireTheories(context, ids, 'ids', { min: 1, max: MAX_COMPARED_THEORIES });
  const facts = await Promise.all(theories.map((theory) => factsOf(context, theory)));
  return compareTheoryFacts(facts, await listAll(context.store, 'symptom'));
};

async function factsOf(context: FibroGraphContext, theory: GraphNode): Promise<TheoryFacts> {
  const claims = await context.store.claimsOf(theory.id, 'out');
  const mechanismIds = claims.filter((c) => c.relation === 'PROPOSES').map((c) => c.to);
  const explained = claims.filter((c) => c.relation === 'EXPLAINS').map((c) => c.to);
  const caused = await Promise.all(
    mechanismIds.map(async (id) =>
      (await context.store.claimsOf(id, 'out')).filter((c) => c.relation === 'CAUSES').map((c) => c.to),
    ),
  );
  const candidates = await loadNodes(context, [...new Set([...explained, ...caused.flat()])]);
  return {
    theory,
    mechanisms: await loadNodes(context, mechanismIds),
    explains: new Set(candidates.filter((node) => node.kind === 'symptom').map((node) => node.id)),
  };
}

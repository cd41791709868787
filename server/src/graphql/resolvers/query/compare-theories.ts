/** Query.compareTheories: shared and unique mechanisms, and a symptom coverage matrix. */
import { NotFoundError, ValidationError } from '../../../domain/errors.ts';
import type { GraphNode } from '../../../domain/model.ts';
import type { FibroGraphContext } from '../../context.ts';
import type { QueryResolvers } from '../../generated/resolvers-types.ts';
import { loadNodes } from '../../node-loading.ts';
import { compareTheoryFacts, type TheoryFacts } from '../../theory-comparison.ts';
import { listAll } from './theories.ts';

/** At most this many theories side by side. */
export const MAX_COMPARED_THEORIES = 10;

/** Resolves Query.compareTheories for 1 to 10 distinct theory ids. */
export const compareTheories: NonNullable<QueryResolvers['compareTheories']> = async (
  _parent,
  { ids },
  context,
) => {
  if (ids.length === 0 || ids.length > MAX_COMPARED_THEORIES) {
    throw new ValidationError('ids', `name 1 to ${MAX_COMPARED_THEORIES} theories`);
  }
  if (new Set(ids).size !== ids.length) throw new ValidationError('ids', 'names a theory twice');
  const theories = await Promise.all(ids.map((id) => requireTheory(context, id)));
  const facts = await Promise.all(theories.map((theory) => factsOf(context, theory)));
  return compareTheoryFacts(facts, await listAll(context.store, 'symptom'));
};

async function requireTheory(context: FibroGraphContext, id: string): Promise<GraphNode> {
  const node = await context.loaders.nodes.load(id);
  if (node === null) throw new NotFoundError('theory', id);
  if (node.kind !== 'theory') {
    throw new ValidationError('ids', `${JSON.stringify(id)} is not the id of a theory`);
  }
  return node;
}

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

/** Query.theory: a theory and its subgraph. */
import type { QueryResolvers } from '../../generated/resolvers-types.ts';

/** Resolves Query.theory; null when there is no node with the id, BAD_USER_INPUT when it is no theory. */
export const theory: NonNullable<QueryResolvers['theory']> = async (_parent, { id }, context) => {
  const node = await context.loaders.nodes.load(id);
  if (node === null) return null;
  return { theory: node, ...(await context.store.theorySubgraph(id)) };
};

/** Query.theory: a theory and its subgraph. */
import type { QueryResolvers } from '../../generated/resolvers-types.ts';
import { rememberNodes } from '../../node-loading.ts';

/** Resolves Query.theory; null when there is no node with the id, BAD_USER_INPUT when it is no theory. */
export const theory: NonNullable<QueryResolvers['theory']> = async (_parent, { id }, context) => {
  const node = await context.loaders.nodes.load(id);
  if (node === null) return null;
  const subgraph = await context.store.theorySubgraph(id);
  rememberNodes(context, subgraph.nodes);
  return { theory: node, ...subgraph };
};

/** Query.neighborhood: the filtered subgraph around a node. */
import type { QueryResolvers } from '../../generated/resolvers-types.ts';
import { rememberNodes } from '../../node-loading.ts';

/** Resolves Query.neighborhood; NOT_FOUND when the centre does not exist. */
export const neighborhood: NonNullable<QueryResolvers['neighborhood']> = async (
  _parent,
  { id, depth, kinds, relations, minLevel },
  context,
) => {
  const subgraph = await context.store.neighborhood(id, {
    ...(depth == null ? {} : { depth }),
    ...(kinds ? { kinds } : {}),
    ...(relations ? { relations } : {}),
    ...(minLevel ? { minLevel } : {}),
  });
  rememberNodes(context, subgraph.nodes);
  return subgraph;
};

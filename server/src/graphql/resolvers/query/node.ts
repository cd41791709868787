/** Query.node: a node or source by id. */
import type { QueryResolvers } from '../../generated/resolvers-types.ts';

/** Resolves Query.node; null when there is no such node. */
export const node: NonNullable<QueryResolvers['node']> = (_parent, { id }, context) =>
  context.loaders.nodes.load(id);

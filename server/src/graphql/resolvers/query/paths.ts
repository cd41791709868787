/** Query.paths: ranked chains of claims between two nodes. */
import type { QueryResolvers } from '../../generated/resolvers-types.ts';

/** Resolves Query.paths; NOT_FOUND when either end does not exist. */
export const paths: NonNullable<QueryResolvers['paths']> = (
  _parent,
  { from, to, maxHops, first, throughTheoryRelations },
  { store },
) =>
  store.paths(from, to, {
    ...(maxHops == null ? {} : { maxHops }),
    ...(first == null ? {} : { first }),
    ...(throughTheoryRelations == null ? {} : { throughTheoryRelations }),
  });

/** Query.stats: counts of what is in the graph. */
import type { QueryResolvers } from '../../generated/resolvers-types.ts';

/** Resolves Query.stats. */
export const stats: NonNullable<QueryResolvers['stats']> = (_parent, _args, { store }) => store.stats();

/** Query.source: a source by id. */
import type { QueryResolvers } from '../../generated/resolvers-types.ts';

/** Resolves Query.source; null when there is no such source. */
export const source: NonNullable<QueryResolvers['source']> = (_parent, { id }, { store }) =>
  store.getSource(id);

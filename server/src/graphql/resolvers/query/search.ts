/** Query.search: ranked hits over names, aliases, CURIEs and summaries. */
import type { QueryResolvers } from '../../generated/resolvers-types.ts';

/** Resolves Query.search. */
export const search: NonNullable<QueryResolvers['search']> = (_parent, { text, kinds, first }, { store }) =>
  store.search(text, { ...(kinds ? { kinds } : {}), ...(first == null ? {} : { first }) });

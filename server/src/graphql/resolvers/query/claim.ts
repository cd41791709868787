/** Query.claim: a claim by id. */
import type { QueryResolvers } from '../../generated/resolvers-types.ts';

/** Resolves Query.claim; null when there is no such claim. */
export const claim: NonNullable<QueryResolvers['claim']> = (_parent, { id }, { store }) => store.getClaim(id);

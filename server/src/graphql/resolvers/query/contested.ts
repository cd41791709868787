/** Query.contested: claims with evidence of both stances. */
import type { QueryResolvers } from '../../generated/resolvers-types.ts';

/** Resolves Query.contested, strongest disputes first. */
export const contested: NonNullable<QueryResolvers['contested']> = (_parent, { first }, { store }) =>
  store.contested(first ?? undefined);

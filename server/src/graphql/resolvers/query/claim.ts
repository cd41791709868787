/** Query.claim: a claim by id. */
import { weighClaimForReading } from '../../../domain/weighting.ts';
import type { QueryResolvers } from '../../generated/resolvers-types.ts';
import { weightingArg } from '../../weighting-input.ts';

/** Resolves Query.claim; null when there is no such claim; weighed when the caller asks for a what-if. */
export const claim: NonNullable<QueryResolvers['claim']> = async (_parent, { id, weighting }, { store }) => {
  const leftOut = weightingArg(weighting);
  const stored = await store.getClaim(id);
  if (stored === null || leftOut === null) return stored;
  return weighClaimForReading(stored, leftOut);
};

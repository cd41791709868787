/** Query.claim: a claim by id. */
import type { Claim } from '../../../domain/model.ts';
import { weighClaim, type WeighedClaim } from '../../../domain/weighting.ts';
import type { QueryResolvers } from '../../generated/resolvers-types.ts';
import { weightingArg } from '../../weighting-input.ts';

/**
 * Resolves Query.claim; null when there is no such claim. With a weighting that leaves every item
 * out, the claim comes back with no evidence and very low certainty (it exists; nothing is kept).
 */
export const claim: NonNullable<QueryResolvers['claim']> = async (_parent, { id, weighting }, { store }) => {
  const leftOut = weightingArg(weighting);
  const stored = await store.getClaim(id);
  if (stored === null || leftOut === null) return stored;
  return weighClaim(stored, leftOut) ?? nothingKept(stored);
};

function nothingKept(stored: Claim): WeighedClaim {
  return {
    ...stored,
    evidence: [],
    certainty: 'very-low',
    strength: 0,
    contested: false,
    supportCount: 0,
    disputeCount: 0,
    setAside: stored.evidence.length,
  };
}

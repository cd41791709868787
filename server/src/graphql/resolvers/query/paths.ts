/** Query.paths: ranked chains of claims between two nodes. */
import type { QueryResolvers } from '../../generated/resolvers-types.ts';
import { weightingInput } from '../../weighting-input.ts';

/** Resolves Query.paths; NOT_FOUND when either end does not exist. */
export const paths: NonNullable<QueryResolvers['paths']> = (
  _parent,
  { from, to, maxHops, first, throughTheoryRelations, weighting },
  { store },
) => {
  const leftOut = weightingInput(weighting);
  return store.paths(from, to, {
    ...(maxHops == null ? {} : { maxHops }),
    ...(first == null ? {} : { first }),
    ...(throughTheoryRelations == null ? {} : { throughTheoryRelations }),
    ...(leftOut === undefined ? {} : { weighting: leftOut }),
  });
};

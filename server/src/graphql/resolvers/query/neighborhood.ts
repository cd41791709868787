/** Query.neighborhood: the filtered subgraph around a node. */
import type { QueryResolvers } from '../../generated/resolvers-types.ts';

/** Resolves Query.neighborhood; NOT_FOUND when the centre does not exist. */
export const neighborhood: NonNullable<QueryResolvers['neighborhood']> = (
  _parent,
  { id, depth, kinds, relations, minLevel },
  { store },
) =>
  store.neighborhood(id, {
    ...(depth == null ? {} : { depth }),
    ...(kinds ? { kinds } : {}),
    ...(relations ? { relations } : {}),
    ...(minLevel ? { minLevel } : {}),
  });

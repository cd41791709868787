/** Query.neighborhood: the filtered subgraph around a node. */
import type { QueryResolvers } from '../../generated/resolvers-types.ts';
import { weighNeighbourhood } from '../../../domain/weighting.ts';
import { rememberNodes } from '../../node-loading.ts';
import { weightingArg } from '../../weighting-input.ts';

/** Resolves Query.neighborhood; NOT_FOUND when the centre does not exist. */
export const neighborhood: NonNullable<QueryResolvers['neighborhood']> = async (
  _parent,
  { id, depth, kinds, relations, minLevel, weighting },
  context,
) => {
  const leftOut = weightingArg(weighting);
  const query = {
    ...(depth == null ? {} : { depth }),
    ...(kinds ? { kinds } : {}),
    ...(relations ? { relations } : {}),
    ...(minLevel ? { minLevel } : {}),
  };
  const stored = await context.store.neighborhood(id, query);
  const subgraph =
    leftOut === null ? stored : weighNeighbourhood(stored, id, { depth: 1, ...query }, leftOut);
  rememberNodes(context, subgraph.nodes);
  return subgraph;
};

/** Query.neighborhood: the filtered subgraph around a node. */
import type { QueryResolvers } from '../../generated/resolvers-types.ts';
import { weighNeighbourhood } from '../../../domain/weighting.ts';
import { rememberNodes } from '../../node-loading.ts';
import { weightingArg } from '../../weighting-input.ts';
import { QUERY_CAPS, resolveNeighborhoodQuery } from '../../../store/query-options.ts';

/** The budget checked as a store checks it (same errors), with its defaults. */
function resolvedBudget(budget: { limit?: number; offset?: number }): { limit: number; offset: number } {
  const { limit, offset } = resolveNeighborhoodQuery(budget);
  return { limit, offset };
}

/** Resolves Query.neighborhood; NOT_FOUND when the centre does not exist. */
export const neighborhood: NonNullable<QueryResolvers['neighborhood']> = async (
  _parent,
  { id, depth, kinds, relations, minLevel, weighting, limit, offset },
  context,
) => {
  const leftOut = weightingArg(weighting);
  const query = {
    ...(depth == null ? {} : { depth }),
    ...(kinds ? { kinds } : {}),
    ...(relations ? { relations } : {}),
    ...(minLevel ? { minLevel } : {}),
  };
  const budget = {
    ...(limit == null ? {} : { limit }),
    ...(offset == null ? {} : { offset }),
  };
  let subgraph;
  if (leftOut === null) subgraph = await context.store.neighborhood(id, { ...query, ...budget });
  else {
    // A what-if ranks what is left, so it weighs the whole neighbourhood and applies the budget after.
    const resolved = resolvedBudget(budget);
    const whole = await context.store.neighborhood(id, { ...query, limit: QUERY_CAPS.maxNeighborhoodNodes });
    subgraph = weighNeighbourhood(whole, id, { depth: 1, ...query, ...resolved }, leftOut);
  }
  rememberNodes(context, subgraph.nodes);
  return subgraph;
};

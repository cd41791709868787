/** Query.theory: a theory and its subgraph. */
import type { QueryResolvers } from '../../generated/resolvers-types.ts';
import { weighClaims } from '../../../domain/weighting.ts';
import { rememberNodes } from '../../node-loading.ts';
import { weightingArg } from '../../weighting-input.ts';

/** Resolves Query.theory; null when there is no node with the id, BAD_USER_INPUT when it is no theory. */
export const theory: NonNullable<QueryResolvers['theory']> = async (_parent, { id, weighting }, context) => {
  const leftOut = weightingArg(weighting);
  const node = await context.loaders.nodes.load(id);
  if (node === null) return null;
  const subgraph = await context.store.theorySubgraph(id);
  rememberNodes(context, subgraph.nodes);
  // The members stay: a theory's subgraph is what it proposes, whatever the evidence for each claim.
  return { theory: node, ...subgraph, claims: weighClaims(subgraph.claims, leftOut) };
};

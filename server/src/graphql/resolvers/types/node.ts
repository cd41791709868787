/** Field resolvers of the Node interface and its two implementations. */
import { weighClaims } from '../../../domain/weighting.ts';
import type { ConceptResolvers, NodeResolvers, SourceResolvers } from '../../generated/resolvers-types.ts';
import { weightingArg } from '../../weighting-input.ts';

/** Node: a source is a Source, everything else a Concept. */
export const Node: NodeResolvers = {
  __resolveType: (node) => (node.kind === 'source' ? 'Source' : 'Concept'),
};

/** Concept: its claims, in the direction asked for. */
export const Concept: ConceptResolvers = {
  claims: async (node, { direction, weighting }, { store }) =>
    weighClaims(await store.claimsOf(node.id, direction), weightingArg(weighting)),
};

/** Source: claims never connect sources; evidence cites them, and `citedBy` lists those claims. */
export const Source: SourceResolvers = {
  claims: () => [],
  citedBy: (source, { first, after }, { store }) =>
    store.claimsCiting(source.id, { first: first ?? undefined, after: after ?? undefined }),
};

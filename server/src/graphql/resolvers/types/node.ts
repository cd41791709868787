/** Field resolvers of the Node interface and its two implementations. */
import type { ConceptResolvers, NodeResolvers, SourceResolvers } from '../../generated/resolvers-types.ts';

/** Node: a source is a Source, everything else a Concept. */
export const Node: NodeResolvers = {
  __resolveType: (node) => (node.kind === 'source' ? 'Source' : 'Concept'),
};

/** Concept: its claims, in the direction asked for. */
export const Concept: ConceptResolvers = {
  claims: (node, { direction }, { store }) => store.claimsOf(node.id, direction),
};

/** Source: claims never connect sources; evidence cites them, and `citedBy` lists those claims. */
export const Source: SourceResolvers = {
  claims: () => [],
  citedBy: (source, { first, after }, { store }) =>
    store.claimsCiting(source.id, { first: first ?? undefined, after: after ?? undefined }),
};

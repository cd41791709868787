/** Field resolvers of Path and PathHop. */
import type { PathHopResolvers, PathResolvers } from '../../generated/resolvers-types.ts';
import { loadNode, loadNodes } from '../../node-loading.ts';
import { pathReading } from '../../../domain/path-reading.ts';

/** Path: nodes in walk order, hops with their claims, and the path as one sentence. */
export const Path: PathResolvers = {
  nodes: (path, _args, context) => loadNodes(context, path.nodeIds),
  hops: (path) =>
    path.hops.map((hop, index) => {
      const claim = path.claims[index];
      if (claim === undefined) throw new Error(`path hop ${index} has no claim`);
      return { hop, claim };
    }),
  // The weakest hop's certainty: the claim whose strength is the path's score.
  certainty: (path) =>
    path.claims.reduce((weakest, claim) => (claim.strength < weakest.strength ? claim : weakest)).certainty,
  reading: async (path, _args, context) => {
    const nodes = await loadNodes(context, path.nodeIds);
    return pathReading(
      nodes.map((node) => node.name),
      path.hops,
    );
  },
};

/** PathHop: the claim, and the nodes the hop leaves and reaches. */
export const PathHop: PathHopResolvers = {
  claim: ({ claim }) => claim,
  forward: ({ hop }) => hop.forward,
  start: ({ hop }, _args, context) => loadNode(context, hop.forward ? hop.from : hop.to),
  end: ({ hop }, _args, context) => loadNode(context, hop.forward ? hop.to : hop.from),
};

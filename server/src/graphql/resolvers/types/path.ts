/** Field resolvers of Path and PathHop. */
import type { PathHopResolvers, PathResolvers } from '../../generated/resolvers-types.ts';
import { loadNode, loadNodes } from '../../node-loading.ts';
import { pathReading } from '../../../domain/path-reading.ts';
import type { Certainty } from '../../../domain/certainty.ts';
import type { Claim } from '../../../domain/model.ts';

function weakestGraded(claims: readonly Claim[]): Certainty | null {
  let weakest: Claim | null = null;
  for (const claim of claims) {
    if (claim.certainty !== null && (weakest === null || claim.strength < weakest.strength)) weakest = claim;
  }
  return weakest?.certainty ?? null;
}

/** Path: nodes in walk order, hops with their claims, and the path as one sentence. */
export const Path: PathResolvers = {
  nodes: (path, _args, context) => loadNodes(context, path.nodeIds),
  hops: (path) =>
    path.hops.map((hop, index) => {
      const claim = path.claims[index];
      if (claim === undefined) throw new Error(`path hop ${index} has no claim`);
      return { hop, claim };
    }),
  // The weakest graded hop's certainty: the claim whose strength is the path's score. Ungraded hops
  // (what a theory proposes) are neutral; a chain of only those has no certainty.
  certainty: (path) => weakestGraded(path.claims),
  gradedHops: (path) => path.claims.filter((claim) => claim.certainty !== null).length,
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

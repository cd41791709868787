/** Query.overview: the map of theories a first screen shows. */
import type { Claim, GraphNode } from '../../../domain/model.ts';
import type { QueryResolvers } from '../../generated/resolvers-types.ts';
import { weighClaims } from '../../../domain/weighting.ts';
import { rememberNodes } from '../../node-loading.ts';
import { weightingArg } from '../../weighting-input.ts';
import { listAll } from './theories.ts';

/** The kinds on the map; therapies, anatomy and findings are one expand away. */
const MAP_KINDS: ReadonlySet<GraphNode['kind']> = new Set(['theory', 'mechanism', 'symptom']);

/**
 * Resolves Query.overview: the union of every theory's subgraph, cut down to theories, mechanisms
 * and symptoms and the claims among them. Built from the port's theorySubgraph so both stores agree.
 */
export const overview: NonNullable<QueryResolvers['overview']> = async (_parent, { weighting }, context) => {
  const leftOut = weightingArg(weighting);
  const theories = await listAll(context.store, 'theory');
  const subgraphs = await Promise.all(theories.map((theory) => context.store.theorySubgraph(theory.id)));
  const nodes = new Map<string, GraphNode>();
  const claims = new Map<string, Claim>();
  let truncated = false;
  for (const subgraph of subgraphs) {
    truncated ||= subgraph.truncated;
    for (const node of subgraph.nodes) if (MAP_KINDS.has(node.kind)) nodes.set(node.id, node);
    for (const claim of subgraph.claims) claims.set(claim.id, claim);
  }
  const onMap = weighClaims(
    [...claims.values()].filter((claim) => nodes.has(claim.from) && nodes.has(claim.to)),
    leftOut,
  );
  const sortedNodes = [...nodes.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  rememberNodes(context, sortedNodes);
  return {
    nodes: sortedNodes,
    claims: onMap.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)),
    truncated,
  };
};

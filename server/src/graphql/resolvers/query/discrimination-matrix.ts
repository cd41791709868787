/** Query.discriminationMatrix: theories against findings, symptoms and therapy effects (domain/discrimination.ts). */
import { buildMatrix, MAX_MATRIX_THEORIES } from '../../../domain/discrimination.ts';
import { ValidationError } from '../../../domain/errors.ts';
import type { Claim, GraphNode } from '../../../domain/model.ts';
import { weighClaims } from '../../../domain/weighting.ts';
import type { FibroGraphContext } from '../../context.ts';
import type { QueryResolvers } from '../../generated/resolvers-types.ts';
import { loadNodes, rememberNodes } from '../../node-loading.ts';
import { requireTheories } from '../../theory-ids.ts';
import { weightingArg } from '../../weighting-input.ts';
import { listAll } from './theories.ts';

/** Resolves Query.discriminationMatrix for 2 to 30 named theories, or every theory. */
export const discriminationMatrix: NonNullable<QueryResolvers['discriminationMatrix']> = async (
  _parent,
  { theories: ids, weighting },
  context,
) => {
  const leftOut = weightingArg(weighting);
  const theories = await chosenTheories(context, ids ?? null);
  const claims = weighClaims(await claimsAround(context, theories), leftOut);
  const nodes = await loadNodes(context, [...new Set(claims.flatMap((claim) => [claim.from, claim.to]))]);
  rememberNodes(context, nodes);
  return buildMatrix({ theories, nodes: new Map(nodes.map((node) => [node.id, node])), claims });
};

async function chosenTheories(
  context: FibroGraphContext,
  ids: readonly string[] | null,
): Promise<GraphNode[]> {
  if (ids === null) {
    const all = await listAll(context.store, 'theory');
    if (all.length > MAX_MATRIX_THEORIES) {
      throw new ValidationError(
        'theories',
        `the graph has ${all.length} theories; name at most ${MAX_MATRIX_THEORIES} to set side by side`,
      );
    }
    if (all.length < 2) throw new ValidationError('theories', 'the graph needs two theories to compare');
    return all;
  }
  return requireTheories(context, ids, 'theories', { min: 2, max: MAX_MATRIX_THEORIES });
}

/**
 * The claims the matrix reads: each theory's own, the claims at the mechanisms it proposes, and the
 * claims of therapies acting on those mechanisms. A store call per node, batched level by level.
 */
async function claimsAround(context: FibroGraphContext, theories: readonly GraphNode[]): Promise<Claim[]> {
  const { store } = context;
  const found = new Map<string, Claim>();
  const keep = (claims: readonly Claim[]) => {
    for (const claim of claims) found.set(claim.id, claim);
    return claims;
  };
  const own = (await Promise.all(theories.map((theory) => store.claimsOf(theory.id, 'out')))).flatMap(keep);
  const mechanisms = [...new Set(own.filter((c) => c.relation === 'PROPOSES').map((c) => c.to))];
  const atMechanisms = (await Promise.all(mechanisms.map((id) => store.claimsOf(id, 'both')))).flatMap(keep);
  const therapies = [...new Set(atMechanisms.filter((c) => c.relation === 'TARGETS').map((c) => c.from))];
  for (const claims of await Promise.all(therapies.map((id) => store.claimsOf(id, 'out')))) keep(claims);
  return [...found.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

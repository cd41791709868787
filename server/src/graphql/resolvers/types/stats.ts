/** Field resolvers of counts: Stats (every value of each enum, zeros included) and NeighbourhoodPage. */
import { CERTAINTIES } from '../../../domain/certainty.ts';
import { EVIDENCE_LEVELS, STANCES } from '../../../domain/evidence-levels.ts';
import { NODE_KINDS } from '../../../domain/kinds.ts';
import { RELATIONS } from '../../../domain/relations.ts';
import type { NeighbourhoodPageResolvers, StatsResolvers } from '../../generated/resolvers-types.ts';

/** Stats: counts keyed by domain value become lists in enum order. */
export const Stats: StatsResolvers = {
  nodesByKind: (stats) => NODE_KINDS.map((kind) => ({ kind, count: stats.nodesByKind[kind] ?? 0 })),
  claimsByRelation: (stats) =>
    RELATIONS.map((relation) => ({ relation, count: stats.claimsByRelation[relation] ?? 0 })),
  evidenceByLevel: (stats) =>
    EVIDENCE_LEVELS.map((level) => ({ level, count: stats.evidenceByLevel[level] ?? 0 })),
  evidenceByStance: (stats) =>
    STANCES.map((stance) => ({ stance, count: stats.evidenceByStance[stance] ?? 0 })),
  // The grades in order, then the claims that are not graded (certainty null).
  claimsByCertainty: (stats) => [
    ...CERTAINTIES.map((certainty) => ({ certainty, count: stats.claimsByCertainty[certainty] ?? 0 })),
    { certainty: null, count: stats.claimsByCertainty['ungraded'] ?? 0 },
  ],
};

/** NeighbourhoodPage: the left-out counts as a list of the kinds that have any, in kind order. */
export const NeighbourhoodPage: NeighbourhoodPageResolvers = {
  leftOut: (page) => ({
    nodes: page.leftOut.nodes,
    byKind: NODE_KINDS.flatMap((kind) => {
      const count = page.leftOut.byKind[kind] ?? 0;
      return count > 0 ? [{ kind, count }] : [];
    }),
  }),
};

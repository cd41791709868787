/** Field resolvers of Stats: every breakdown lists every value of its enum, zeros included. */
import { EVIDENCE_LEVELS, STANCES } from '../../../domain/evidence-levels.ts';
import { NODE_KINDS } from '../../../domain/kinds.ts';
import { RELATIONS } from '../../../domain/relations.ts';
import type { StatsResolvers } from '../../generated/resolvers-types.ts';

/** Stats: counts keyed by domain value become lists in enum order. */
export const Stats: StatsResolvers = {
  nodesByKind: (stats) => NODE_KINDS.map((kind) => ({ kind, count: stats.nodesByKind[kind] ?? 0 })),
  claimsByRelation: (stats) =>
    RELATIONS.map((relation) => ({ relation, count: stats.claimsByRelation[relation] ?? 0 })),
  evidenceByLevel: (stats) =>
    EVIDENCE_LEVELS.map((level) => ({ level, count: stats.evidenceByLevel[level] ?? 0 })),
  evidenceByStance: (stats) =>
    STANCES.map((stance) => ({ stance, count: stats.evidenceByStance[stance] ?? 0 })),
};

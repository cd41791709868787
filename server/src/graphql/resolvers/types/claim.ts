/** Field resolvers of Claim and Evidence. */
import { assessCertainty, describeRecommendation, ungradedNote } from '../../../domain/certainty.ts';
import { LEVEL_LABELS } from '../../../domain/evidence-levels.ts';
import { relationClass } from '../../../domain/relations.ts';
import { setAsideOf } from '../../../domain/weighting.ts';
import type {
  ClaimResolvers,
  EvidenceResolvers,
  RecommendationResolvers,
} from '../../generated/resolvers-types.ts';
import { loadNode, loadSource } from '../../node-loading.ts';
import { evidenceReading } from '../../../domain/path-reading.ts';

/** Claim: its two ends through the request's loader, and its plain-language reading. */
export const Claim: ClaimResolvers = {
  from: (claim, _args, context) => loadNode(context, claim.from),
  to: (claim, _args, context) => loadNode(context, claim.to),
  relationClass: (claim) => relationClass(claim.relation),
  certaintySummary: (claim) =>
    claim.evidence.length === 0
      ? 'very low: the what-if leaves none of its evidence in'
      : assessCertainty(claim.relation, claim.evidence).summary,
  certaintyReasons: (claim) =>
    claim.evidence.length === 0 ? [] : [...assessCertainty(claim.relation, claim.evidence).reasons],
  certaintyNote: (claim) => ungradedNote(claim.relation),
  setAside: (claim) => setAsideOf(claim),
  reading: async (claim, _args, context) => {
    const [from, to] = await Promise.all([loadNode(context, claim.from), loadNode(context, claim.to)]);
    return evidenceReading(from.name, claim, to.name);
  },
};

/** Evidence: the cited source and the level in plain language. */
export const Evidence: EvidenceResolvers = {
  source: (evidence, _args, context) => loadSource(context, evidence.sourceId),
  levelLabel: (evidence) => LEVEL_LABELS[evidence.level],
};

/** Recommendation: a guideline's recommendation in words, beside (never part of) the certainty. */
export const Recommendation: RecommendationResolvers = {
  text: (recommendation) => describeRecommendation(recommendation),
};

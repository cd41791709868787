/**
 * What a claim's evidence adds up to: its certainty (certainty.ts), strength, "contested" flag and
 * best level. Derived on every load and write, never stored by hand.
 */
import {
  CERTAINTY_STRENGTH,
  certaintyOf,
  UNGRADED_STRENGTH,
  type Certainty,
  type GradedEvidence,
} from './certainty.ts';
import { EVIDENCE_LEVELS, levelRank, type EvidenceLevel } from './evidence-levels.ts';
import type { Relation } from './relations.ts';

/** What a claim's evidence adds up to. */
export interface EvidenceSummary {
  /**
   * How sure one can be that the claim holds (certainty.ts), from the whole body of evidence; null
   * for a claim that asserts no effect (a theory's proposal, a research link), which is not graded.
   */
  readonly certainty: Certainty | null;
  /**
   * 0..1, the certainty as a number (CERTAINTY_STRENGTH): edge width, and path ranking. An ungraded
   * claim has UNGRADED_STRENGTH (1), so it never weakens a chain.
   */
  readonly strength: number;
  /** True when the claim has evidence of both stances. */
  readonly contested: boolean;
  /** Strongest level among all evidence items (either stance). */
  readonly bestLevel: EvidenceLevel;
  readonly supportCount: number;
  readonly disputeCount: number;
}

/** Derives certainty, strength, contested flag and best level from a claim's non-empty evidence list. */
export function summarizeEvidence(relation: Relation, evidence: readonly GradedEvidence[]): EvidenceSummary {
  let bestRank = EVIDENCE_LEVELS.length - 1;
  let supportCount = 0;
  let disputeCount = 0;
  for (const item of evidence) {
    bestRank = Math.min(bestRank, levelRank(item.level));
    if (item.stance === 'supports') supportCount += 1;
    else disputeCount += 1;
  }
  const certainty = certaintyOf(relation, evidence);
  return {
    certainty,
    strength: certainty === null ? UNGRADED_STRENGTH : CERTAINTY_STRENGTH[certainty],
    contested: supportCount > 0 && disputeCount > 0,
    bestLevel: EVIDENCE_LEVELS[bestRank] ?? 'anecdote',
    supportCount,
    disputeCount,
  };
}

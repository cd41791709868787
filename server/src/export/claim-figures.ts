/** Figures derived from a stored claim that the exports write next to it. */
import { summarizeEvidence, type EvidenceSummary } from '../domain/evidence-summary.ts';
import type { StoredClaim } from '../domain/model.ts';

/** A claim's evidence summary plus the distinct sources its evidence cites, in order. */
export function claimFigures(
  claim: StoredClaim,
): EvidenceSummary & { evidenceCount: number; sourceIds: string[] } {
  return {
    ...summarizeEvidence(claim.relation, claim.evidence),
    evidenceCount: claim.evidence.length,
    sourceIds: [...new Set(claim.evidence.map((item) => item.sourceId))],
  };
}

/** Hand-built evidence and claims for the domain tables, with the figures derived as a store would. */
import { summarizeEvidence } from '../../server/src/domain/evidence-summary.ts';
import { NO_APPRAISAL, type Claim, type Evidence } from '../../server/src/domain/model.ts';

/** An unappraised curator's note; the caller names what matters to the test. */
export function evidenceItem(
  fields: Pick<Evidence, 'id' | 'sourceId' | 'level' | 'stance'> & Partial<Evidence>,
): Evidence {
  return { quote: null, note: 'n', locator: null, unverified: false, ...NO_APPRAISAL, ...fields };
}

/** A claim at version 1 with its certainty, strength and counts derived from `evidence`. */
export function builtClaim(fields: Pick<Claim, 'id' | 'relation' | 'from' | 'to' | 'evidence'>): Claim {
  return {
    summary: null,
    version: 1,
    createdAt: '2026-01-01T00:00:00.000Z',
    updatedAt: '2026-01-01T00:00:00.000Z',
    ...fields,
    ...summarizeEvidence(fields.relation, fields.evidence),
  };
}

/** A what-if in words: "leaving out hypothesis papers; items the curator could not verify". Pure; unit-tested. */
import type { EvidenceLevel, Stance } from '../api/generated.ts';
import { EVIDENCE_LEVEL_ORDER } from '../graph/vocabulary.ts';
import type { Weighting } from '../state/view-state.ts';

/** Each level as a plural, for "leaving out …" and the what-if checkboxes. */
export const LEVELS_LEFT_OUT: Record<EvidenceLevel, string> = {
  GUIDELINE: 'clinical guidelines',
  SYSTEMATIC_REVIEW: 'systematic reviews',
  RCT: 'randomised trials',
  OBSERVATIONAL: 'observational studies',
  NARRATIVE_REVIEW: 'narrative reviews',
  MECHANISTIC: 'mechanistic studies',
  HYPOTHESIS: 'hypothesis papers',
  REGULATORY: 'regulatory records',
  ANECDOTE: 'personal accounts and blog posts',
};

export const STANCES_LEFT_OUT: Record<Stance, string> = {
  SUPPORTS: 'supporting evidence',
  DISPUTES: 'disputing evidence',
};

export const UNVERIFIED_LEFT_OUT = 'items the curator could not verify';

/** "leaving out a; b; c", levels strongest first; "leaving nothing out" when the weighting is empty. */
export function weightingText(weighting: Weighting): string {
  const levels = EVIDENCE_LEVEL_ORDER.filter((level) => weighting.levels.includes(level));
  const parts = [
    ...levels.map((level) => LEVELS_LEFT_OUT[level]),
    ...weighting.stances.map((stance) => STANCES_LEFT_OUT[stance]),
    ...(weighting.unverified ? [UNVERIFIED_LEFT_OUT] : []),
  ];
  if (parts.length === 0) return 'leaving nothing out';
  // Semicolons: a level's own name may hold "and" ("personal accounts and blog posts").
  return `leaving out ${parts.join('; ')}`;
}

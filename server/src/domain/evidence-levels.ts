/**
 * The ordered evidence vocabulary, strongest first. The grading is in certainty.ts, and what a
 * claim's evidence adds up to (certainty, strength, contested) in evidence-summary.ts.
 */

/** Evidence levels, strongest first (see shared/reference/domain-notes.md §1). */
export const EVIDENCE_LEVELS = [
  'guideline',
  'systematic-review',
  'rct',
  'observational',
  // A review that summarises others' studies without a systematic search (Clauw 2014 in JAMA).
  'narrative-review',
  'mechanistic',
  'hypothesis',
  'regulatory',
  'anecdote',
] as const;
/** One evidence level. */
export type EvidenceLevel = (typeof EVIDENCE_LEVELS)[number];

/** Whether an evidence item supports or disputes its claim. */
export const STANCES = ['supports', 'disputes'] as const;
/** A stance. */
export type Stance = (typeof STANCES)[number];

/** Plain-language names for each level, for readers. */
export const LEVEL_LABELS: Record<EvidenceLevel, string> = {
  guideline: 'clinical guideline',
  'systematic-review': 'systematic review or meta-analysis',
  rct: 'randomised controlled trial',
  observational: 'observational study',
  'narrative-review': "narrative review (a summary of others' studies, not a systematic one)",
  mechanistic: 'mechanistic study (animal, lab or imaging)',
  hypothesis: 'hypothesis paper (no new data)',
  regulatory: 'regulatory record (what a product may be marketed for)',
  anecdote: 'personal account or blog post',
};

/**
 * Weight of each level in [0, 1]. Regulatory sits below hypothesis because a clearance says what a
 * product may be sold for, not that it works.
 */
export const LEVEL_WEIGHTS: Record<EvidenceLevel, number> = {
  guideline: 1,
  'systematic-review': 0.9,
  rct: 0.8,
  observational: 0.6,
  'narrative-review': 0.5,
  mechanistic: 0.45,
  hypothesis: 0.3,
  regulatory: 0.2,
  anecdote: 0.1,
};

/** True when `value` names an evidence level. */
export function isEvidenceLevel(value: unknown): value is EvidenceLevel {
  return typeof value === 'string' && (EVIDENCE_LEVELS as readonly string[]).includes(value);
}

/** True when `value` names a stance. */
export function isStance(value: unknown): value is Stance {
  return typeof value === 'string' && (STANCES as readonly string[]).includes(value);
}

/** Position in the ordered vocabulary: 0 is strongest (guideline). */
export function levelRank(level: EvidenceLevel): number {
  return LEVEL_RANKS[level];
}

// A table rather than indexOf: walks rank every claim they cross.
const LEVEL_RANKS = Object.fromEntries(EVIDENCE_LEVELS.map((level, rank) => [level, rank])) as Record<
  EvidenceLevel,
  number
>;

/** True when `level` is at least as strong as `minimum`. */
export function isAtLeast(level: EvidenceLevel, minimum: EvidenceLevel): boolean {
  return levelRank(level) <= levelRank(minimum);
}

/**
 * How sure one can be that a claim holds, from the whole body of its evidence, after GRADE (Guyatt
 * et al., BMJ 2008): start from the design of the best supporting evidence, rate down for what
 * weakens it, rate up when several independent sources agree. Every step is kept as a reason, so a
 * reader can see why a claim is "low" and not just that it is. Pure; both stores and the explorer
 * use it, so a grade means the same wherever it is shown.
 *
 * This is GRADE-like, not GRADE: a curator's graph has no effect sizes or confidence intervals, so
 * imprecision and publication bias are flags a curator sets (`concerns`), not computed.
 */
import { LEVEL_LABELS, type EvidenceLevel, type Stance } from './evidence-levels.ts';

/** Certainty grades, highest first. */
export const CERTAINTIES = ['high', 'moderate', 'low', 'very-low'] as const;
/** One grade. */
export type Certainty = (typeof CERTAINTIES)[number];

/** Reasons a curator may give to rate an item's evidence down (GRADE's domains, as flags). */
export const EVIDENCE_CONCERNS = ['indirect', 'risk-of-bias', 'imprecise'] as const;
/** One concern. */
export type EvidenceConcern = (typeof EVIDENCE_CONCERNS)[number];

/** Plain words for each concern. */
export const CONCERN_LABELS: Record<EvidenceConcern, string> = {
  indirect: 'indirect (about a related population, drug class or outcome, not this claim itself)',
  'risk-of-bias': 'risk of bias (design, conduct, funding or conflicts of interest)',
  imprecise: 'imprecise (few participants or events)',
};

/** Plain words for each grade, as a reader meets them. */
export const CERTAINTY_LABELS: Record<Certainty, string> = {
  high: 'high',
  moderate: 'moderate',
  low: 'low',
  'very-low': 'very low',
};

/** The part of an evidence item certainty needs. */
export interface GradedEvidence {
  readonly sourceId: string;
  readonly level: EvidenceLevel;
  readonly stance: Stance;
  readonly unverified: boolean;
  readonly concerns: readonly EvidenceConcern[];
}

/** Which rule moved the grade. */
export type CertaintyFactor =
  | 'design'
  | 'no-support'
  | 'inconsistency'
  | 'single-source'
  | 'unverified'
  | EvidenceConcern
  | 'concordant-sources';

/** One step of the grading: where it started, or what rated it down or up, in plain words. */
export interface CertaintyReason {
  readonly factor: CertaintyFactor;
  /** -2, -1, 0 (the start) or +1 steps. */
  readonly change: number;
  readonly text: string;
}

/** A claim's certainty with its reasons. */
export interface CertaintyAssessment {
  readonly certainty: Certainty;
  /** The grading step by step: the start first, then every rating down or up. */
  readonly reasons: readonly CertaintyReason[];
  /** One line for readers: "low: two observational studies, one disputing". */
  readonly summary: string;
}

/** Where each level starts: trials, reviews and guidelines high; observational low; the rest very low. */
const STARTING_GRADE: Record<EvidenceLevel, Certainty> = {
  guideline: 'high',
  'systematic-review': 'high',
  rct: 'high',
  observational: 'low',
  mechanistic: 'very-low',
  hypothesis: 'very-low',
  regulatory: 'very-low',
  anecdote: 'very-low',
};

/**
 * The most reasons a grading can give: the start, inconsistency, single source, unverified, each
 * concern, and concordant sources.
 */
export const MAX_CERTAINTY_REASONS = 5 + EVIDENCE_CONCERNS.length;

/** Distinct sources, all at the starting design and none disputing, that rate a claim up. */
export const CONCORDANT_SOURCES_TO_RATE_UP = 3;

/** How `strength` (0..1, drawn as edge width and used to rank paths) follows from the grade. */
export const CERTAINTY_STRENGTH: Record<Certainty, number> = {
  high: 1,
  moderate: 0.75,
  low: 0.5,
  'very-low': 0.25,
};

/** Grades a non-empty body of evidence. */
export function assessCertainty(evidence: readonly GradedEvidence[]): CertaintyAssessment {
  const supporting = evidence.filter((item) => item.stance === 'supports');
  const disputing = evidence.filter((item) => item.stance === 'disputes');
  const counted = describeCounts(evidence);
  if (supporting.length === 0) {
    const reasons: CertaintyReason[] = [
      { factor: 'no-support', change: 0, text: 'no evidence supports the claim; every item disputes it' },
    ];
    return { certainty: 'very-low', reasons, summary: `very low: ${counted}` };
  }
  const bestRank = Math.min(...supporting.map((item) => gradeRank(STARTING_GRADE[item.level])));
  // The best supporting items: those whose design sets the starting grade.
  const best = supporting.filter((item) => gradeRank(STARTING_GRADE[item.level]) === bestRank);
  const start = CERTAINTIES[bestRank] ?? 'very-low';
  const labels = [...new Set(best.map((item) => LEVEL_LABELS[item.level]))];
  const bestLevels = `${article(labels[0] ?? '')} ${labels.join(' or ')}`;
  const reasons: CertaintyReason[] = [
    {
      factor: 'design',
      change: 0,
      text: `starts ${CERTAINTY_LABELS[start]}: the best support is ${bestLevels}`,
    },
  ];
  let rank = bestRank;
  const down = (factor: CertaintyFactor, steps: number, text: string) => {
    reasons.push({ factor, change: -steps, text });
    rank = Math.min(CERTAINTIES.length - 1, rank + steps);
  };

  if (disputing.length > 0) {
    const strongestDispute = Math.min(...disputing.map((item) => gradeRank(STARTING_GRADE[item.level])));
    // A dispute from evidence as good as the best support is serious; a weaker one still counts once.
    const steps = strongestDispute <= bestRank ? 2 : 1;
    down(
      'inconsistency',
      steps,
      `${count(disputing.length, 'item disputes', 'items dispute')} it${steps === 2 ? ', at least as strong as the support' : ''}`,
    );
  }
  const sources = new Set(supporting.map((item) => item.sourceId));
  if (sources.size === 1 && rank < CERTAINTIES.length - 1) {
    down('single-source', 1, 'all the support comes from a single source');
  }
  if (best.some((item) => item.unverified) && rank < CERTAINTIES.length - 1) {
    down('unverified', 1, 'part of the best support could not be verified by the curator');
  }
  for (const concern of EVIDENCE_CONCERNS) {
    // A concern counts when it applies to at least half of the best support.
    const flagged = best.filter((item) => item.concerns.includes(concern)).length;
    if (flagged * 2 >= best.length && flagged > 0 && rank < CERTAINTIES.length - 1) {
      down(concern, 1, `the best support is ${CONCERN_LABELS[concern]}`);
    }
  }
  const bestSources = new Set(best.map((item) => item.sourceId));
  if (disputing.length === 0 && bestSources.size >= CONCORDANT_SOURCES_TO_RATE_UP && rank > 0) {
    reasons.push({
      factor: 'concordant-sources',
      change: 1,
      text: `${bestSources.size} independent sources agree, none disputes`,
    });
    rank -= 1;
  }
  const certainty = CERTAINTIES[rank] ?? 'very-low';
  return { certainty, reasons, summary: `${CERTAINTY_LABELS[certainty]}: ${counted}` };
}

/** Position of a grade: 0 is high. */
export function gradeRank(certainty: Certainty): number {
  return CERTAINTY_RANKS[certainty];
}

const CERTAINTY_RANKS = Object.fromEntries(CERTAINTIES.map((grade, rank) => [grade, rank])) as Record<
  Certainty,
  number
>;

/** True when `value` names a grade. */
export function isCertainty(value: unknown): value is Certainty {
  return typeof value === 'string' && (CERTAINTIES as readonly string[]).includes(value);
}

/** True when `value` names a concern. */
export function isEvidenceConcern(value: unknown): value is EvidenceConcern {
  return typeof value === 'string' && (EVIDENCE_CONCERNS as readonly string[]).includes(value);
}

/** Short plural nouns per level, for summaries ("two observational studies"). */
const LEVEL_NOUNS: Record<EvidenceLevel, [string, string]> = {
  guideline: ['guideline', 'guidelines'],
  'systematic-review': ['systematic review', 'systematic reviews'],
  rct: ['randomised trial', 'randomised trials'],
  observational: ['observational study', 'observational studies'],
  mechanistic: ['mechanistic study', 'mechanistic studies'],
  hypothesis: ['hypothesis paper', 'hypothesis papers'],
  regulatory: ['regulatory record', 'regulatory records'],
  anecdote: ['personal account', 'personal accounts'],
};

/** "two observational studies, one disputing; a personal account": the evidence by level, strongest first. */
function describeCounts(evidence: readonly GradedEvidence[]): string {
  const byLevel = new Map<EvidenceLevel, { total: number; disputing: number }>();
  for (const item of evidence) {
    const entry = byLevel.get(item.level) ?? { total: 0, disputing: 0 };
    entry.total += 1;
    if (item.stance === 'disputes') entry.disputing += 1;
    byLevel.set(item.level, entry);
  }
  const parts: string[] = [];
  for (const level of Object.keys(LEVEL_NOUNS) as EvidenceLevel[]) {
    const entry = byLevel.get(level);
    if (entry === undefined) continue;
    const [one, many] = LEVEL_NOUNS[level];
    const head = entry.total === 1 ? `${article(one)} ${one}` : `${numberWord(entry.total)} ${many}`;
    const tail =
      entry.disputing === 0
        ? ''
        : entry.total === 1
          ? ', disputing'
          : entry.disputing === entry.total
            ? `, all disputing`
            : `, ${numberWord(entry.disputing)} disputing`;
    parts.push(head + tail);
  }
  return parts.join('; ');
}

function count(n: number, one: string, many: string): string {
  return `${numberWord(n)} ${n === 1 ? one : many}`;
}

function article(noun: string): string {
  return /^[aeiou]/.test(noun) ? 'an' : 'a';
}

const NUMBER_WORDS = ['no', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten'];

function numberWord(n: number): string {
  return NUMBER_WORDS[n] ?? String(n);
}

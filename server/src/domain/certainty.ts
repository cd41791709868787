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
  // It reports others' findings, chosen without a systematic search: no better than the studies it picks.
  'narrative-review': 'low',
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

/** The grade a stored strength stands for (the inverse of CERTAINTY_STRENGTH); null for any other number. */
export function certaintyOfStrength(strength: number): Certainty | null {
  return CERTAINTIES.find((certainty) => CERTAINTY_STRENGTH[certainty] === strength) ?? null;
}

/** Grades a non-empty body of evidence, with every step explained and a one-line summary. */
export function assessCertainty(evidence: readonly GradedEvidence[]): CertaintyAssessment {
  const reasons: CertaintyReason[] = [];
  const certainty = grade(evidence, reasons);
  return { certainty, reasons, summary: `${CERTAINTY_LABELS[certainty]}: ${describeCounts(evidence)}` };
}

/**
 * The grade alone, as assessCertainty gives it: what every claim carries. Stores derive it for
 * every claim they load (half a million on a large graph), so it builds no sentences.
 */
export function certaintyOf(evidence: readonly GradedEvidence[]): Certainty {
  return grade(evidence, null);
}

/**
 * The grading rules. Each step is told to `reasons`, its text built only then, unless `reasons` is
 * null. Two passes over the items and no closures: stores grade every claim they load.
 */
function grade(evidence: readonly GradedEvidence[], reasons: CertaintyReason[] | null): Certainty {
  const floor = CERTAINTIES.length - 1;
  // Pass 1: the best supporting design, the strongest dispute, and whether support has two sources.
  let bestRank = floor + 1;
  let strongestDispute = floor + 1;
  let disputes = 0;
  let firstSource: string | null = null;
  let severalSources = false;
  for (const item of evidence) {
    const start = STARTING_RANK[item.level];
    if (item.stance === 'disputes') {
      disputes += 1;
      if (start < strongestDispute) strongestDispute = start;
      continue;
    }
    if (start < bestRank) bestRank = start;
    if (firstSource === null) firstSource = item.sourceId;
    else if (item.sourceId !== firstSource) severalSources = true;
  }
  if (bestRank > floor) {
    reasons?.push({
      factor: 'no-support',
      change: 0,
      text: 'no evidence supports the claim; every item disputes it',
    });
    return 'very-low';
  }
  // Pass 2: the best supporting items, those whose design sets the starting grade.
  let best = 0;
  let unverified = false;
  const flagged = [0, 0, 0];
  const bestSources: string[] = [];
  for (const item of evidence) {
    if (item.stance === 'disputes' || STARTING_RANK[item.level] !== bestRank) continue;
    best += 1;
    if (item.unverified) unverified = true;
    for (const concern of item.concerns)
      flagged[CONCERN_INDEX[concern]] = (flagged[CONCERN_INDEX[concern]] ?? 0) + 1;
    if (bestSources.length < CONCORDANT_SOURCES_TO_RATE_UP && !bestSources.includes(item.sourceId)) {
      bestSources.push(item.sourceId);
    }
  }
  if (reasons !== null) {
    const labels = [
      ...new Set(
        evidence
          .filter((item) => item.stance === 'supports' && STARTING_RANK[item.level] === bestRank)
          .map((item) => LEVEL_LABELS[item.level]),
      ),
    ];
    const start = CERTAINTY_LABELS[CERTAINTIES[bestRank] ?? 'very-low'];
    const text = `starts ${start}: the best support is ${article(labels[0] ?? '')} ${labels.join(' or ')}`;
    reasons.push({ factor: 'design', change: 0, text });
  }
  let rank = bestRank;
  if (disputes > 0) {
    // A dispute from evidence as good as the best support is serious; a weaker one still counts once.
    const steps = strongestDispute <= bestRank ? 2 : 1;
    reasons?.push({
      factor: 'inconsistency',
      change: -steps,
      text: `${count(disputes, 'item disputes', 'items dispute')} it${steps === 2 ? ', at least as strong as the support' : ''}`,
    });
    rank = Math.min(floor, rank + steps);
  }
  if (rank < floor && !severalSources) {
    reasons?.push({
      factor: 'single-source',
      change: -1,
      text: 'all the support comes from a single source',
    });
    rank += 1;
  }
  if (rank < floor && unverified) {
    reasons?.push({
      factor: 'unverified',
      change: -1,
      text: 'part of the best support could not be verified by the curator',
    });
    rank += 1;
  }
  for (const [index, concern] of EVIDENCE_CONCERNS.entries()) {
    if (rank >= floor) break;
    // A concern counts when it applies to at least half of the best support.
    const times = flagged[index] ?? 0;
    if (times > 0 && times * 2 >= best) {
      reasons?.push({ factor: concern, change: -1, text: `the best support is ${CONCERN_LABELS[concern]}` });
      rank += 1;
    }
  }
  if (disputes === 0 && rank > 0 && bestSources.length >= CONCORDANT_SOURCES_TO_RATE_UP) {
    reasons?.push({
      factor: 'concordant-sources',
      change: 1,
      text: `${count(bestSources.length, 'independent source agrees', 'or more independent sources agree')}, none disputes`,
    });
    rank -= 1;
  }
  return CERTAINTIES[rank] ?? 'very-low';
}

const STARTING_RANK = Object.fromEntries(
  Object.entries(STARTING_GRADE).map(([level, start]) => [level, CERTAINTIES.indexOf(start)]),
) as Record<EvidenceLevel, number>;

const CONCERN_INDEX = Object.fromEntries(
  EVIDENCE_CONCERNS.map((concern, index) => [concern, index]),
) as Record<EvidenceConcern, number>;

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
  'narrative-review': ['narrative review', 'narrative reviews'],
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

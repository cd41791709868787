/**
 * How sure one can be that a claim holds, from its whole body of evidence, after GRADE (Guyatt et
 * al., BMJ 2008; the GRADE handbook) as Cochrane and EULAR apply it:
 *
 * 1. Start from the design of the best supporting evidence: randomised trials high, observational
 *    studies low, everything else very low, a narrative review's word on the evidence included. A
 *    systematic review starts at the design of the studies it pools; a guideline item at the
 *    evidence its recommendation rests on (its stated level:
 *    EULAR Ia/Ib trials, IIa–III observational, IV expert opinion). The strength and direction of a
 *    recommendation ("weak for") are recorded beside the certainty, never turned into it.
 * 2. Rate down for GRADE's five domains: risk of bias, inconsistency (disputing evidence at least as
 *    strong as the best support, from another study; or a curator's concern such as a high I²),
 *    indirectness, imprecision (a curator's concern, or fewer participants than GRADE's rule of
 *    thumb for a therapy's effect) and publication bias; and, FibroGraph's addition, for best
 *    support the curator could not verify.
 * 3. Rate up (a large effect, a dose-response gradient) only a body of observational evidence
 *    whose domains were judged and that nothing rated down.
 * 4. "High" and "moderate" are findings that the domains are not serious, so a body nobody
 *    appraised (no review's own rating, no curator's judgement of the domains: `domainsAssessed`)
 *    is held at low.
 *
 * The body is judged by its appraisal. A systematic review (or guideline) that rates the evidence
 * for this outcome itself (`reportedCertainty`, e.g. a Cochrane summary of findings) has appraised
 * the body, so its rating is where the grade stands before FibroGraph's own checks (disputes,
 * verification); it is not graded again. Otherwise, when the best support includes a systematic
 * review, the review's domain judgements decide (a guideline restating the same trials adds no
 * independent information); items from one study (`studyId`) count once. Claims that assert no
 * effect (what a theory proposes or explains, how theories relate, what a question would test) are
 * not graded at all: `certainty` is null with a note saying why.
 *
 * Pure; both stores and the explorer use it, so a grade means the same wherever it is shown.
 */
import { LEVEL_LABELS, type EvidenceLevel, type Stance } from './evidence-levels.ts';
import { relationClass, type Relation } from './relations.ts';

/**
 * The version of these rules, bumped whenever a rule changes what grade a body of evidence gets:
 * 3, GRADE's domains and ungraded claims; 2, the first GRADE-like rules (a single source rated down,
 * concordant sources up); 1, a weighted sum of evidence levels.
 */
export const CERTAINTY_RULES_VERSION = 3;

/** Certainty grades, highest first. */
export const CERTAINTIES = ['high', 'moderate', 'low', 'very-low'] as const;
/** One grade. */
export type Certainty = (typeof CERTAINTIES)[number];

/** GRADE's five reasons to rate a body of evidence down, as a curator flags them on an item. */
export const EVIDENCE_CONCERNS = [
  'risk-of-bias',
  'inconsistency',
  'indirect',
  'imprecise',
  'publication-bias',
] as const;
/** One concern. */
export type EvidenceConcern = (typeof EVIDENCE_CONCERNS)[number];

/** Plain words for each concern. */
export const CONCERN_LABELS: Record<EvidenceConcern, string> = {
  'risk-of-bias': 'risk of bias (design, conduct, funding or conflicts of interest)',
  inconsistency: 'inconsistent (the studies disagree more than chance explains, such as a high I²)',
  indirect: 'indirect (about a related population, drug class or outcome, not this claim itself)',
  imprecise: 'imprecise (few participants or events, or a wide confidence interval)',
  'publication-bias': 'open to publication bias (small or industry-funded studies, missing results)',
};

/** GRADE's reasons to rate observational evidence up, as a curator flags them on an item. */
export const RATING_UP_FACTORS = ['large-effect', 'dose-response'] as const;
/** One reason to rate up. */
export type RatingUpFactor = (typeof RATING_UP_FACTORS)[number];

/** Plain words for each reason to rate up. */
export const RATING_UP_LABELS: Record<RatingUpFactor, string> = {
  'large-effect': 'a large effect, unlikely to be explained by confounding alone',
  'dose-response': 'a dose-response gradient',
};

/** What the studies pooled by a systematic review or meta-analysis were. */
export const POOLED_DESIGNS = ['rct', 'observational'] as const;
/** One pooled design. */
export type PooledDesign = (typeof POOLED_DESIGNS)[number];

/** How strongly a guideline recommends (GRADE's two strengths). */
export const RECOMMENDATION_STRENGTHS = ['strong', 'weak'] as const;
/** One strength. */
export type RecommendationStrength = (typeof RECOMMENDATION_STRENGTHS)[number];

/** Which way a guideline recommends. */
export const RECOMMENDATION_DIRECTIONS = ['for', 'against'] as const;
/** One direction. */
export type RecommendationDirection = (typeof RECOMMENDATION_DIRECTIONS)[number];

/**
 * What a guideline's recommendation rests on, from its own level of evidence: EULAR Ia/Ib (meta-
 * analyses of trials, trials) → `trials`; IIa/IIb/III (non-randomised, observational) →
 * `observational`; IV (expert opinion) → `expert-opinion`.
 */
export const RECOMMENDATION_BASES = ['trials', 'observational', 'expert-opinion'] as const;
/** One basis. */
export type RecommendationBasis = (typeof RECOMMENDATION_BASES)[number];

/** A guideline's recommendation as printed: strength, direction and what it rests on. */
export interface Recommendation {
  /** Null when the guideline rates none (an overarching principle; guidelines before GRADE). */
  readonly strength: RecommendationStrength | null;
  readonly direction: RecommendationDirection;
  readonly evidenceBasis: RecommendationBasis;
}

/** Plain words for a recommendation: "weak recommendation for (based on trials)". */
export function describeRecommendation(recommendation: Recommendation): string {
  const basis = BASIS_WORDS[recommendation.evidenceBasis];
  return recommendation.strength === null
    ? `recommendation ${recommendation.direction}, strength not rated (based on ${basis})`
    : `${recommendation.strength} recommendation ${recommendation.direction} (based on ${basis})`;
}

const BASIS_WORDS: Record<RecommendationBasis, string> = {
  trials: 'trials',
  observational: 'observational studies',
  'expert-opinion': 'expert opinion',
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
  /** Items with the same study (a trial registration, a cohort's name) count once. */
  readonly studyId?: string | null;
  /** Systematic reviews: the design of the studies pooled. */
  readonly pooledDesign?: PooledDesign | null;
  /** Guidelines: the recommendation and what it rests on. */
  readonly recommendation?: Recommendation | null;
  /** How many people were studied (for a review, pooled). */
  readonly participants?: number | null;
  readonly ratingUp?: readonly RatingUpFactor[];
  /** Reviews and guidelines: the certainty the source itself reports for this outcome under GRADE. */
  readonly reportedCertainty?: Certainty | null;
  /** True when the curator judged all five GRADE domains for this item (its concerns are the serious ones). */
  readonly domainsAssessed?: boolean;
}

/** Levels whose items may report their own GRADE rating of the evidence. */
export const APPRAISING_LEVELS: readonly EvidenceLevel[] = ['systematic-review', 'guideline'];

/** Which rule moved the grade. */
export type CertaintyFactor =
  'design' | 'no-support' | EvidenceConcern | 'unverified' | 'unappraised' | RatingUpFactor;

/** One step of the grading: where it started, or what rated it down or up, in plain words. */
export interface CertaintyReason {
  readonly factor: CertaintyFactor;
  /** -2, -1, 0 (the start) or +1 steps. */
  readonly change: number;
  readonly text: string;
}

/** A claim's certainty with its reasons. */
export interface CertaintyAssessment {
  /** Null when the claim asserts no effect and is not graded (see `note`). */
  readonly certainty: Certainty | null;
  /** The grading step by step: the start first, then every rating down or up. Empty when ungraded. */
  readonly reasons: readonly CertaintyReason[];
  /** One line for readers: "low: two observational studies, one disputing", or "not graded: …". */
  readonly summary: string;
  /** Why a claim is not graded; null when it is. */
  readonly note: string | null;
}

/**
 * Relation classes whose claims assert no effect, and so are not graded: a theory-level claim says
 * what a theory holds (its evidence is that someone proposed it), a between-theories claim how two
 * accounts relate, a research claim what a question would test. Causal, associative, therapeutic
 * and structural claims (where something is felt or happens, which a post can get wrong) are graded.
 */
const UNGRADED_NOTES: Partial<Record<ReturnType<typeof relationClass>, string>> = {
  'theory-level': 'not graded: it says what a theory holds, not that an effect exists',
  'between-theories': 'not graded: it says how two theories relate',
  research: 'not graded: a research link (what a question would test)',
};

/** Why claims of `relation` are not graded, or null when they are. */
export function ungradedNote(relation: Relation): string | null {
  return UNGRADED_NOTES[relationClass(relation)] ?? null;
}

/** True when claims of `relation` assert an effect or an association, and so carry a grade. */
export function isGradedRelation(relation: Relation): boolean {
  return UNGRADED_NOTES[relationClass(relation)] === undefined;
}

/**
 * GRADE's optimal information size, as its handbook puts the rule of thumb for continuous outcomes:
 * fewer than 400 participants in the best evidence for a therapy's effect rates it down for imprecision.
 */
export const OPTIMAL_INFORMATION_SIZE = 400;

/** How `strength` (0..1, drawn as edge width and used to rank paths) follows from the grade. */
export const CERTAINTY_STRENGTH: Record<Certainty, number> = {
  high: 1,
  moderate: 0.75,
  low: 0.5,
  'very-low': 0.25,
};

/** The strength of an ungraded claim: it never weakens a chain it is part of. */
export const UNGRADED_STRENGTH = 1;

/** The most reasons a grading can give: the start, each domain, unverified, unappraised and each reason to rate up. */
export const MAX_CERTAINTY_REASONS = 3 + EVIDENCE_CONCERNS.length + RATING_UP_FACTORS.length;

/** Grades a claim's non-empty body of evidence, with every step explained and a one-line summary. */
export function assessCertainty(
  relation: Relation,
  evidence: readonly GradedEvidence[],
): CertaintyAssessment {
  const note = ungradedNote(relation);
  if (note !== null) return { certainty: null, reasons: [], summary: note, note };
  const reasons: CertaintyReason[] = [];
  const certainty = grade(relation, evidence, reasons);
  return {
    certainty,
    reasons,
    summary: `${CERTAINTY_LABELS[certainty]}: ${describeCounts(evidence)}`,
    note: null,
  };
}

/**
 * The grade alone, as assessCertainty gives it: what every claim carries. Stores derive it for
 * every claim they load (half a million on a large graph), so it builds no sentences.
 */
export function certaintyOf(relation: Relation, evidence: readonly GradedEvidence[]): Certainty | null {
  return ungradedNote(relation) === null ? grade(relation, evidence, null) : null;
}

/** Where each level starts, as a rank (0 high … 3 very low). */
const LEVEL_START: Record<EvidenceLevel, number> = {
  guideline: 3, // replaced by the recommendation's basis (designRank)
  'systematic-review': 2, // replaced by the pooled design
  rct: 0,
  observational: 2,
  // "Supported by good evidence" in a review without a systematic search is expert opinion pointing at
  // studies the graph does not hold (GRADE rates the studies, not the review's word for them).
  'narrative-review': 3,
  mechanistic: 3,
  hypothesis: 3,
  regulatory: 3,
  anecdote: 3,
};

const BASIS_START: Record<RecommendationBasis, number> = { trials: 0, observational: 2, 'expert-opinion': 3 };
const POOLED_START: Record<PooledDesign, number> = { rct: 0, observational: 2 };
const FLOOR = CERTAINTIES.length - 1;
/** The best grade evidence nobody appraised can have: low (see the unappraised rule). */
const UNAPPRAISED_CEILING = CERTAINTIES.indexOf('low');

/**
 * Where one item starts. A guideline without a recorded basis starts as expert opinion, and a review
 * without a recorded pooled design as observational: an unrecorded design never raises a grade.
 */
function designRank(item: GradedEvidence): number {
  if (item.level === 'guideline') {
    const basis = item.recommendation?.evidenceBasis;
    return basis === undefined ? FLOOR : BASIS_START[basis];
  }
  if (item.level === 'systematic-review') {
    const pooled = item.pooledDesign ?? null;
    return pooled === null ? POOLED_START.observational : POOLED_START[pooled];
  }
  return LEVEL_START[item.level];
}

/**
 * The lead, merged by study: how many studies it has and what they say together. Built without
 * per-claim maps or sets in the common case (no item names its study), since stores grade every
 * claim they load.
 */
interface Lead {
  /** Distinct studies among the lead items. */
  readonly studies: number;
  /** Per concern (EVIDENCE_CONCERNS order): how many studies flag it. */
  readonly concernCounts: number[];
  /** Per reason to rate up (RATING_UP_FACTORS order): whether any study gives it. */
  readonly ratingUp: boolean[];
  readonly unverified: boolean;
  readonly assessed: boolean;
  /** Participants summed over the studies (a study's largest count); null when any study lacks one. */
  readonly participants: number | null;
  /** The lead's study ids, so a same-study dispute is recognised; null when no item names one. */
  readonly studyIds: ReadonlySet<string> | null;
}

function isLeadItem(item: GradedEvidence, start: number, reviewsOnly: boolean): boolean {
  return (
    item.stance !== 'disputes' &&
    designRank(item) === start &&
    (!reviewsOnly || item.level === 'systematic-review')
  );
}

function leadOf(evidence: readonly GradedEvidence[], start: number, reviewsOnly: boolean): Lead {
  const concernCounts = EVIDENCE_CONCERNS.map(() => 0);
  const ratingUp = RATING_UP_FACTORS.map(() => false);
  let named = false;
  for (const item of evidence) {
    if (item.studyId != null && isLeadItem(item, start, reviewsOnly)) named = true;
  }
  if (!named) {
    // Each item is its own study.
    let studies = 0;
    let unverified = false;
    let assessed = false;
    let participants: number | null = 0;
    for (const item of evidence) {
      if (!isLeadItem(item, start, reviewsOnly)) continue;
      studies += 1;
      for (const concern of item.concerns)
        concernCounts[CONCERN_INDEX[concern]] = (concernCounts[CONCERN_INDEX[concern]] ?? 0) + 1;
      for (const factor of item.ratingUp ?? []) ratingUp[RATING_UP_INDEX[factor]] = true;
      if (item.unverified) unverified = true;
      if (item.domainsAssessed === true) assessed = true;
      const count = item.participants ?? null;
      participants = participants === null || count === null ? null : participants + count;
    }
    return { studies, concernCounts, ratingUp, unverified, assessed, participants, studyIds: null };
  }
  // Items that report one study merge: a concern, a reason to rate up or a check counts once for it.
  const merged = new Map<string, { concerns: Set<EvidenceConcern>; participants: number | null }>();
  let unverified = false;
  let assessed = false;
  for (const [index, item] of evidence.entries()) {
    if (!isLeadItem(item, start, reviewsOnly)) continue;
    const key = item.studyId ?? `item ${index}`;
    const study = merged.get(key) ?? { concerns: new Set<EvidenceConcern>(), participants: null };
    merged.set(key, study);
    for (const concern of item.concerns) study.concerns.add(concern);
    for (const factor of item.ratingUp ?? []) ratingUp[RATING_UP_INDEX[factor]] = true;
    if (item.unverified) unverified = true;
    if (item.domainsAssessed === true) assessed = true;
    const count = item.participants ?? null;
    if (count !== null) study.participants = Math.max(study.participants ?? 0, count);
  }
  let participants: number | null = 0;
  for (const study of merged.values()) {
    for (const concern of study.concerns)
      concernCounts[CONCERN_INDEX[concern]] = (concernCounts[CONCERN_INDEX[concern]] ?? 0) + 1;
    participants =
      participants === null || study.participants === null ? null : participants + study.participants;
  }
  return {
    studies: merged.size,
    concernCounts,
    ratingUp,
    unverified,
    assessed,
    participants,
    studyIds: new Set(merged.keys()),
  };
}

/**
 * The disputes that rate the lead down for inconsistency: those at least as strong as it (`strength`
 * gives an item's rank, 0 strongest) and from another study. A weaker dispute does not outweigh the
 * best evidence, and a study's finding on another comparison is not a disagreement with itself; both
 * stay on the claim (it is contested) and are named, not counted.
 */
function weighDisputes(
  evidence: readonly GradedEvidence[],
  leadRank: number,
  leadStudies: ReadonlySet<string> | null,
  strength: (item: GradedEvidence) => number,
): { readonly counted: number; readonly shown: number } {
  let counted = 0;
  let shown = 0;
  for (const item of evidence) {
    if (item.stance !== 'disputes') continue;
    const sameStudy = item.studyId != null && leadStudies !== null && leadStudies.has(item.studyId);
    if (!sameStudy && strength(item) <= leadRank) counted += 1;
    else shown += 1;
  }
  return { counted, shown };
}

/** The reason for the inconsistency domain, or for disputes shown and not counted (change 0). */
function disputeReason(counted: number, shown: number, flaggedToo: boolean): CertaintyReason | null {
  const notCounted =
    shown === 0
      ? ''
      : `${counted > 0 || flaggedToo ? '; ' : ''}${count(shown, 'weaker or same-study item disputes', 'weaker or same-study items dispute')} it, shown but not counted`;
  if (counted === 0 && !flaggedToo) {
    return shown === 0 ? null : { factor: 'inconsistency', change: 0, text: notCounted.replace(/^; /, '') };
  }
  const parts: string[] = [];
  if (counted > 0)
    parts.push(
      `${count(counted, 'item disputes', 'items dispute')} it, at least as strong as the best support`,
    );
  if (flaggedToo) parts.push(`the best evidence is ${CONCERN_LABELS.inconsistency}`);
  return {
    factor: 'inconsistency',
    change: -(counted > 0 && flaggedToo ? 2 : 1),
    text: parts.join('; ') + notCounted,
  };
}

/**
 * The grading rules. Each step is told to `reasons`, its text built only then, unless `reasons` is
 * null: stores grade every claim they load, so that path builds no text and few objects.
 */
function grade(
  relation: Relation,
  evidence: readonly GradedEvidence[],
  reasons: CertaintyReason[] | null,
): Certainty {
  const appraised = appraisedStart(evidence);
  if (appraised !== null) return gradeAppraised(evidence, appraised, reasons);
  // The best supporting design.
  let start = FLOOR + 1;
  let leadHasReview = false;
  for (const item of evidence) {
    if (item.stance === 'disputes') continue;
    const rank = designRank(item);
    if (rank < start) {
      start = rank;
      leadHasReview = item.level === 'systematic-review';
    } else if (rank === start && item.level === 'systematic-review') {
      leadHasReview = true;
    }
  }
  if (start > FLOOR) {
    reasons?.push({
      factor: 'no-support',
      change: 0,
      text: 'no evidence supports the claim; every item disputes it',
    });
    return 'very-low';
  }
  // The lead: the supporting items at the starting design (only the reviews among them, when there
  // are any), merged by study.
  const lead = leadOf(evidence, start, leadHasReview);
  if (reasons !== null)
    reasons.push({ factor: 'design', change: 0, text: startText(evidence, start, leadHasReview) });
  // A domain counts when it applies to at least half of the lead studies.
  const flagged = (concern: EvidenceConcern) =>
    (lead.concernCounts[CONCERN_INDEX[concern]] ?? 0) * 2 >= lead.studies;

  let rank = start;
  const step = (factor: CertaintyFactor, steps: number, text: () => string) => {
    if (rank >= FLOOR) return;
    const change = Math.min(steps, FLOOR - rank);
    reasons?.push({ factor, change: -change, text: text() });
    rank += change;
  };
  if (flagged('risk-of-bias'))
    step('risk-of-bias', 1, () => `the best evidence is at ${CONCERN_LABELS['risk-of-bias']}`);
  // Inconsistency: disputing evidence as strong as the lead (−1) and a curator's concern such as a
  // high I² (−1); GRADE rates one domain down at most twice.
  const disputes = weighDisputes(evidence, start, lead.studyIds, designRank);
  const heterogeneous = flagged('inconsistency');
  const inconsistencySteps = (disputes.counted > 0 ? 1 : 0) + (heterogeneous ? 1 : 0);
  if (inconsistencySteps > 0 && rank < FLOOR) {
    step(
      'inconsistency',
      inconsistencySteps,
      () => disputeReason(disputes.counted, disputes.shown, heterogeneous)?.text ?? '',
    );
  } else if (reasons !== null && disputes.counted + disputes.shown > 0) {
    const shown = disputeReason(disputes.counted, disputes.shown, heterogeneous);
    if (shown !== null) reasons.push({ ...shown, change: 0 });
  }
  if (flagged('indirect')) step('indirect', 1, () => `the best evidence is ${CONCERN_LABELS.indirect}`);
  if (flagged('imprecise')) {
    step('imprecise', 1, () => `the best evidence is ${CONCERN_LABELS.imprecise}`);
  } else if (
    relation === 'RELIEVES' &&
    lead.participants !== null &&
    lead.participants < OPTIMAL_INFORMATION_SIZE
  ) {
    const participants = lead.participants;
    step(
      'imprecise',
      1,
      () =>
        `the best evidence studied ${participants} people, fewer than the ${OPTIMAL_INFORMATION_SIZE} GRADE's rule of thumb asks for a precise estimate`,
    );
  }
  if (flagged('publication-bias'))
    step('publication-bias', 1, () => `the best evidence is ${CONCERN_LABELS['publication-bias']}`);
  if (lead.unverified)
    step('unverified', 1, () => 'part of the best support could not be verified by the curator');
  // Rating up: observational evidence whose domains were judged and that nothing rated down.
  if (lead.assessed && start === POOLED_START.observational && rank === start) {
    for (const [index, factor] of RATING_UP_FACTORS.entries()) {
      if (rank === 0 || lead.ratingUp[index] !== true) continue;
      reasons?.push({ factor, change: 1, text: `the evidence shows ${RATING_UP_LABELS[factor]}` });
      rank -= 1;
    }
  }
  // GRADE's "high" and "moderate" are findings that the domains are not serious, not a default: a
  // body nobody appraised (no review's rating, no curator's judgement of the domains) stays low.
  if (!lead.assessed && rank < UNAPPRAISED_CEILING) {
    reasons?.push({
      factor: 'unappraised',
      change: rank - UNAPPRAISED_CEILING,
      text: "not appraised: no review's rating and no judgement of GRADE's domains is recorded for the best evidence, so it is held at low",
    });
    rank = UNAPPRAISED_CEILING;
  }
  return CERTAINTIES[rank] ?? 'very-low';
}

/**
 * The certainty the supporting reviews (or guidelines) report for this outcome, as a rank; null if
 * none does. When they differ the lowest is taken: GRADE would take the most relevant review, which
 * the graph cannot tell, and a disagreement between reviews is itself a reason for caution.
 */
function appraisedStart(evidence: readonly GradedEvidence[]): number | null {
  let lowest: number | null = null;
  for (const item of evidence) {
    const reported = item.reportedCertainty ?? null;
    if (item.stance === 'disputes' || reported === null) continue;
    const rank = CERTAINTY_RANKS[reported];
    if (lowest === null || rank > lowest) lowest = rank;
  }
  return lowest;
}

/**
 * A body a review has already rated: its rating stands (the review weighed risk of bias, consistency,
 * directness, precision and publication bias across the studies it pooled). FibroGraph still rates
 * down for what the review may not have weighed: a question wider than the claim (indirectness),
 * disputing evidence at least as certain as the rating from another study, and unverified support.
 */
function gradeAppraised(
  evidence: readonly GradedEvidence[],
  start: number,
  reasons: CertaintyReason[] | null,
): Certainty {
  let unverified = false;
  let sources = 0;
  let indirect = 0;
  const leadStudies = new Set<string>();
  for (const item of evidence) {
    const reported = item.reportedCertainty ?? null;
    if (item.stance === 'disputes' || reported === null || CERTAINTY_RANKS[reported] !== start) continue;
    if (item.unverified) unverified = true;
    if (item.concerns.includes('indirect')) indirect += 1;
    if (item.studyId != null) leadStudies.add(item.studyId);
    sources += 1;
  }
  if (reasons !== null) {
    const grade = CERTAINTY_LABELS[CERTAINTIES[start] ?? 'very-low'];
    const who = sources === 1 ? 'the review itself rates' : 'the reviews themselves rate';
    reasons.push({
      factor: 'design',
      change: 0,
      text: `starts ${grade}: ${who} the evidence ${grade} (GRADE)`,
    });
  }
  let rank = start;
  const rateDown = (factor: CertaintyFactor, text: string) => {
    if (rank >= FLOOR) return;
    reasons?.push({ factor, change: -1, text });
    rank += 1;
  };
  // The review answered its own question; a claim narrower than it (one drug of a class) is indirect.
  if (indirect > 0 && indirect * 2 >= sources) {
    rateDown('indirect', `the review's question is ${CONCERN_LABELS.indirect}`);
  }
  // A dispute counts when it is at least as certain as the rating: its own reported rating, or else
  // its design.
  const disputes = weighDisputes(evidence, start, leadStudies, (item) =>
    item.reportedCertainty == null ? designRank(item) : CERTAINTY_RANKS[item.reportedCertainty],
  );
  const inconsistency = disputeReason(disputes.counted, disputes.shown, false);
  if (inconsistency !== null) {
    if (inconsistency.change === 0 || rank >= FLOOR) reasons?.push({ ...inconsistency, change: 0 });
    else rateDown('inconsistency', inconsistency.text);
  }
  if (unverified) rateDown('unverified', 'part of the best support could not be verified by the curator');
  return CERTAINTIES[rank] ?? 'very-low';
}

/** "starts high: the best support is a systematic review of randomised trials". */
function startText(evidence: readonly GradedEvidence[], start: number, reviewsOnly: boolean): string {
  const labels = new Set<string>();
  for (const item of evidence) {
    if (item.stance === 'disputes' || designRank(item) !== start) continue;
    if (reviewsOnly && item.level !== 'systematic-review') continue;
    labels.add(designLabel(item));
  }
  const list = [...labels];
  const first = list[0] ?? '';
  const grade = CERTAINTY_LABELS[CERTAINTIES[start] ?? 'very-low'];
  return `starts ${grade}: the best support is ${article(first)} ${list.join(' or ')}`;
}

function designLabel(item: GradedEvidence): string {
  if (item.level === 'systematic-review') {
    const pooled = item.pooledDesign ?? null;
    if (pooled === null)
      return 'systematic review whose pooled studies are not recorded (taken as observational)';
    return `systematic review of ${pooled === 'rct' ? 'randomised trials' : 'observational studies'}`;
  }
  if (item.level === 'guideline') {
    const recommendation = item.recommendation ?? null;
    if (recommendation === null)
      return 'guideline whose evidence basis is not recorded (taken as expert opinion)';
    return `guideline resting on ${BASIS_WORDS[recommendation.evidenceBasis]}`;
  }
  return LEVEL_LABELS[item.level];
}

/** Position of a grade: 0 is high. */
export function gradeRank(certainty: Certainty): number {
  return CERTAINTY_RANKS[certainty];
}

const CONCERN_INDEX = Object.fromEntries(
  EVIDENCE_CONCERNS.map((concern, index) => [concern, index]),
) as Record<EvidenceConcern, number>;

const RATING_UP_INDEX = Object.fromEntries(
  RATING_UP_FACTORS.map((factor, index) => [factor, index]),
) as Record<RatingUpFactor, number>;

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

/** True when `value` names a reason to rate up. */
export function isRatingUpFactor(value: unknown): value is RatingUpFactor {
  return typeof value === 'string' && (RATING_UP_FACTORS as readonly string[]).includes(value);
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

/**
 * How the explorer names and draws the graph's vocabulary. Kinds differ by shape and by colour from
 * the Okabe–Ito palette, which stays distinguishable under the common colour-vision deficiencies, so
 * no kind is told apart by colour alone. Levels and relations come from the server's domain tables,
 * renamed to the GraphQL enum spelling the API speaks (SYSTEMATIC_REVIEW, not systematic-review).
 */
import {
  EVIDENCE_LEVELS,
  LEVEL_LABELS,
  LEVEL_WEIGHTS,
  type EvidenceLevel as DomainLevel,
} from '../../../server/src/domain/evidence-levels.ts';
import { isSymmetric, RELATION_RULES, RELATIONS } from '../../../server/src/domain/relations.ts';
import type { EvidenceLevel, NodeKind, Relation } from '../api/generated.ts';

/** Every node kind, in legend order. */
export const NODE_KINDS: readonly NodeKind[] = [
  'THEORY',
  'MECHANISM',
  'SYMPTOM',
  'THERAPY',
  'ANATOMY',
  'FINDING',
  'QUESTION',
  'SOURCE',
];

/** A Cytoscape node shape that the legend can also draw as SVG. */
export type KindShape =
  'hexagon' | 'round-rectangle' | 'ellipse' | 'diamond' | 'triangle' | 'rectangle' | 'octagon' | 'star';

/** The look and plain names of one kind. */
export interface KindLook {
  readonly label: string;
  readonly plural: string;
  readonly colour: string;
  readonly shape: KindShape;
}

export const KIND_LOOKS: Readonly<Record<NodeKind, KindLook>> = {
  THEORY: { label: 'Theory', plural: 'Theories', colour: '#E69F00', shape: 'hexagon' },
  MECHANISM: { label: 'Mechanism', plural: 'Mechanisms', colour: '#56B4E9', shape: 'round-rectangle' },
  SYMPTOM: { label: 'Symptom', plural: 'Symptoms', colour: '#CC79A7', shape: 'ellipse' },
  THERAPY: { label: 'Therapy', plural: 'Therapies', colour: '#009E73', shape: 'diamond' },
  ANATOMY: { label: 'Anatomy', plural: 'Anatomy', colour: '#F0E442', shape: 'triangle' },
  FINDING: { label: 'Finding', plural: 'Findings', colour: '#0072B2', shape: 'rectangle' },
  QUESTION: { label: 'Question', plural: 'Questions', colour: '#D55E00', shape: 'octagon' },
  SOURCE: { label: 'Source', plural: 'Sources', colour: '#999999', shape: 'star' },
};

/** Edge colours: ordinary claims in dark grey, contested ones in vermillion (plus a marker, not colour alone). */
export const CLAIM_COLOUR = '#4D4D4D';
export const CONTESTED_COLOUR = '#D55E00';
export const HIGHLIGHT_COLOUR = '#000000';

/** The API's spelling of a domain level: 'systematic-review' → 'SYSTEMATIC_REVIEW'. */
function apiLevel(level: DomainLevel): EvidenceLevel {
  return level.toUpperCase().replace(/-/g, '_') as EvidenceLevel;
}

/** Evidence levels, strongest first. */
export const EVIDENCE_LEVEL_ORDER: readonly EvidenceLevel[] = EVIDENCE_LEVELS.map(apiLevel);

/** Plain-language level names ("randomised controlled trial"). */
export const LEVEL_TEXT: Readonly<Record<EvidenceLevel, string>> = Object.fromEntries(
  EVIDENCE_LEVELS.map((level) => [apiLevel(level), LEVEL_LABELS[level]]),
) as Record<EvidenceLevel, string>;

/** Short badge text per level. */
export const LEVEL_BADGE: Readonly<Record<EvidenceLevel, string>> = {
  GUIDELINE: 'Guideline',
  SYSTEMATIC_REVIEW: 'Systematic review',
  RCT: 'RCT',
  OBSERVATIONAL: 'Observational',
  NARRATIVE_REVIEW: 'Narrative review',
  MECHANISTIC: 'Mechanistic',
  HYPOTHESIS: 'Hypothesis',
  REGULATORY: 'Regulatory',
  ANECDOTE: 'Anecdote',
};

/** Level weights in [0, 1], as the server derives claim strength from them. */
export const LEVEL_WEIGHT: Readonly<Record<EvidenceLevel, number>> = Object.fromEntries(
  EVIDENCE_LEVELS.map((level) => [apiLevel(level), LEVEL_WEIGHTS[level]]),
) as Record<EvidenceLevel, number>;

/**
 * Levels that on their own make a claim "weak-only": ideas, marketing clearances and personal
 * accounts, with no observational, trial or mechanistic data behind them. Drawn dashed.
 */
export const WEAK_LEVELS: ReadonlySet<EvidenceLevel> = new Set(['HYPOTHESIS', 'REGULATORY', 'ANECDOTE']);

/** True when `level` is at least as strong as `minimum`. */
export function isAtLeast(level: EvidenceLevel, minimum: EvidenceLevel): boolean {
  return EVIDENCE_LEVEL_ORDER.indexOf(level) <= EVIDENCE_LEVEL_ORDER.indexOf(minimum);
}

/** Every relation, in the server's table order. */
export const RELATION_ORDER: readonly Relation[] = RELATIONS;

/** How a relation reads between two names: "may relieve". */
export function relationVerb(relation: Relation, forward = true): string {
  const rule = RELATION_RULES[relation];
  return forward ? rule.reads : rule.readsBackwards;
}

/**
 * True when a relation claims no direction (ASSOCIATED_WITH, CONFLICTS_WITH): drawn without an
 * arrowhead, so a correlation does not look like a cause.
 */
export function isUndirected(relation: Relation): boolean {
  return isSymmetric(relation);
}

/** A relation as a heading: CONFLICTS_WITH → "Conflicts with". */
export function relationTitle(relation: Relation): string {
  const words = relation.toLowerCase().replace(/_/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** True when a string is one of the API's node kinds. */
export function isNodeKind(value: string): value is NodeKind {
  return (NODE_KINDS as readonly string[]).includes(value);
}

/** True when a string is one of the API's evidence levels. */
export function isLevel(value: string): value is EvidenceLevel {
  return (EVIDENCE_LEVEL_ORDER as readonly string[]).includes(value);
}

/** True when a string is one of the API's relations. */
export function isRelationName(value: string): value is Relation {
  return (RELATION_ORDER as readonly string[]).includes(value);
}

/**
 * The one place GraphQL enum values meet the domain's strings: SYSTEMATIC_REVIEW ↔ 'systematic-review',
 * BLOG_POST ↔ 'blog-post'. The server uses these maps as enum resolvers and codegen uses them as
 * `enumValues`, so resolvers only ever see domain strings.
 */
import {
  CERTAINTIES,
  EVIDENCE_CONCERNS,
  POOLED_DESIGNS,
  RATING_UP_FACTORS,
  RECOMMENDATION_BASES,
  RECOMMENDATION_DIRECTIONS,
  RECOMMENDATION_STRENGTHS,
} from '../domain/certainty.ts';
import { EVIDENCE_LEVELS, STANCES } from '../domain/evidence-levels.ts';
import { NODE_KINDS, QUESTION_STATUSES, SOURCE_KINDS } from '../domain/kinds.ts';
import { RELATION_CLASSES, RELATIONS } from '../domain/relations.ts';
import { REPORT_PROBLEMS } from '../review/review-model.ts';

/** The GraphQL name of a domain value: 'systematic-review' → 'SYSTEMATIC_REVIEW', 'BUILDS_ON' stays. */
export function toEnumName(value: string): string {
  return value.toUpperCase().replace(/-/g, '_');
}

/** 'add-evidence' → 'add_evidence', at the type level. */
type Snake<S extends string> = S extends `${infer Head}-${infer Tail}` ? `${Head}_${Snake<Tail>}` : S;

/** { GRAPHQL_VALUE: 'domain-value' } for a list of domain values. */
export type EnumMap<V extends string> = { readonly [K in V as Uppercase<Snake<K>>]: K };

/** Maps each GraphQL enum value name to its domain string. */
function enumOf<const V extends string>(values: readonly V[]): EnumMap<V> {
  // The runtime twin of EnumMap: the same renaming, value by value.
  return Object.freeze(Object.fromEntries(values.map((value) => [toEnumName(value), value]))) as EnumMap<V>;
}

/** GraphQL enum name → { GRAPHQL_VALUE: 'domain-value' }, for every enum in the schema. */
export const ENUM_VALUES = {
  NodeKind: enumOf(NODE_KINDS),
  SourceKind: enumOf(SOURCE_KINDS),
  QuestionStatus: enumOf(QUESTION_STATUSES),
  Relation: enumOf(RELATIONS),
  RelationClass: enumOf(RELATION_CLASSES),
  EvidenceLevel: enumOf(EVIDENCE_LEVELS),
  Stance: enumOf(STANCES),
  Certainty: enumOf(CERTAINTIES),
  EvidenceConcern: enumOf(EVIDENCE_CONCERNS),
  RatingUpFactor: enumOf(RATING_UP_FACTORS),
  PooledDesign: enumOf(POOLED_DESIGNS),
  RecommendationStrength: enumOf(RECOMMENDATION_STRENGTHS),
  RecommendationDirection: enumOf(RECOMMENDATION_DIRECTIONS),
  RecommendationBasis: enumOf(RECOMMENDATION_BASES),
  CertaintyFactor: enumOf([
    'design',
    'no-support',
    ...EVIDENCE_CONCERNS,
    'unverified',
    'unappraised',
    ...RATING_UP_FACTORS,
  ] as const),
  Direction: enumOf(['out', 'in', 'both'] as const),
  CellVerdict: enumOf(['consistent', 'inconsistent', 'silent'] as const),
  MatrixRowKind: enumOf(['finding', 'symptom', 'therapy-effect'] as const),
  PathNature: enumOf(['directed', 'undirected', 'associative'] as const),
  SearchField: enumOf(['id', 'xref', 'name', 'alias', 'summary'] as const),
  ChangeAction: enumOf(['create', 'update', 'delete', 'add-evidence', 'remove-evidence', 'import'] as const),
  ChangeTarget: enumOf(['node', 'source', 'claim', 'graph'] as const),
  Role: enumOf(['reader', 'editor', 'admin'] as const),
  ProposalStatus: enumOf(['open', 'published', 'rejected', 'withdrawn', 'conflict'] as const),
  ChangeKind: enumOf([
    'create-node',
    'update-node',
    'delete-node',
    'create-source',
    'update-source',
    'create-claim',
    'update-claim',
    'delete-claim',
    'add-evidence',
    'remove-evidence',
  ] as const),
  ReportProblem: enumOf(REPORT_PROBLEMS),
  ReportStatus: enumOf(['open', 'resolved'] as const),
  ReviewMode: enumOf(['reviewed', 'direct'] as const),
} as const;

/** The name of a GraphQL enum the schema declares. */
export type EnumName = keyof typeof ENUM_VALUES;

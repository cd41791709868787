/** Node kinds, source kinds and the display labels used by Neo4j and the exports. */

/** Kinds of concept node that claims connect. */
export const CONCEPT_KINDS = [
  'theory',
  'mechanism',
  'symptom',
  'therapy',
  'anatomy',
  'finding',
  // A theory's testable prediction or an open question; its TESTS claims name the theories it would separate.
  'question',
] as const;
/** A kind of concept node. */
export type ConceptKind = (typeof CONCEPT_KINDS)[number];

/** Every node kind: the concepts plus `source`, which evidence cites and which can be browsed like a node. */
export const NODE_KINDS = [...CONCEPT_KINDS, 'source'] as const;
/** Any node kind. */
export type NodeKind = (typeof NODE_KINDS)[number];

/** What kind of publication a source is. */
export const SOURCE_KINDS = [
  'paper',
  'guideline',
  'review',
  'blog-post',
  'regulatory-record',
  'book',
  'web-page',
] as const;
/** A kind of source. */
export type SourceKind = (typeof SOURCE_KINDS)[number];

/**
 * Where a question or prediction stands: still open, or answered for or against what it predicts.
 * Only `question` nodes have a status.
 */
export const QUESTION_STATUSES = ['open', 'supported', 'refuted'] as const;
/** A question's status. */
export type QuestionStatus = (typeof QUESTION_STATUSES)[number];

/** True when `value` names a question status. */
export function isQuestionStatus(value: unknown): value is QuestionStatus {
  return typeof value === 'string' && (QUESTION_STATUSES as readonly string[]).includes(value);
}

/** True when `value` names a node kind. */
export function isNodeKind(value: unknown): value is NodeKind {
  return typeof value === 'string' && (NODE_KINDS as readonly string[]).includes(value);
}

/** True when `value` names a concept kind (a node that claims can connect). */
export function isConceptKind(value: unknown): value is ConceptKind {
  return typeof value === 'string' && (CONCEPT_KINDS as readonly string[]).includes(value);
}

/** True when `value` names a source kind. */
export function isSourceKind(value: unknown): value is SourceKind {
  return typeof value === 'string' && (SOURCE_KINDS as readonly string[]).includes(value);
}

/** The label a kind carries in Neo4j and in exports: `theory` → `Theory`. */
export function kindLabel(kind: NodeKind): string {
  return kind.charAt(0).toUpperCase() + kind.slice(1);
}

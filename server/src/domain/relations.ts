/**
 * The relation table: which claim types exist and which node kinds each may connect.
 * Anything outside this table is rejected, so the graph stays interpretable.
 */
import { ValidationError } from './errors.ts';
import type { ConceptKind } from './kinds.ts';

/**
 * What kind of statement a relation makes, which decides how it may be chained and read:
 * - causal: one thing brings about another (mechanism CAUSES symptom);
 * - associative: two things go together, cause unknown (correlational evidence);
 * - therapeutic: a therapy acts on a mechanism or relieves a symptom;
 * - structural: where something happens or is felt (anatomy);
 * - theory-level: what a theory proposes or explains;
 * - between-theories: how theories stand to each other (builds on, conflicts with). A chain through
 *   one of these is no explanation of anything, so paths leave them out unless asked.
 * - research: which theories a question or prediction would test. It says what is not yet known, so
 *   paths never chain through it.
 */
export const RELATION_CLASSES = [
  'causal',
  'associative',
  'therapeutic',
  'structural',
  'theory-level',
  'between-theories',
  'research',
] as const;

/** One relation class. */
export type RelationClass = (typeof RELATION_CLASSES)[number];

/** What a relation may connect and how it reads in a sentence. */
export interface RelationRule {
  /** What kind of statement it makes (RELATION_CLASSES). */
  readonly class: RelationClass;
  readonly from: readonly ConceptKind[];
  readonly to: readonly ConceptKind[];
  /** Verb phrase for plain-language readings: "<from> may relieve <to>". */
  readonly reads: string;
  /** Reading when the hop is walked against the claim's direction. */
  readonly readsBackwards: string;
  /** True when the relation says the same read either way (A is associated with B, B with A). */
  readonly symmetric?: boolean;
}

/** Every relation and the kinds it may connect (from → to). */
export const RELATION_RULES = {
  PROPOSES: {
    class: 'theory-level',
    from: ['theory'],
    to: ['mechanism'],
    reads: 'proposes',
    readsBackwards: 'is proposed by',
  },
  EXPLAINS: {
    class: 'theory-level',
    from: ['theory'],
    to: ['symptom', 'finding'],
    reads: 'is proposed to explain',
    readsBackwards: 'is explained by',
  },
  CAUSES: {
    class: 'causal',
    from: ['mechanism', 'symptom'],
    to: ['mechanism', 'symptom', 'finding'],
    reads: 'is proposed to cause',
    readsBackwards: 'is proposed to result from',
  },
  // For evidence that two things go together without showing which (if either) drives the other.
  ASSOCIATED_WITH: {
    class: 'associative',
    from: ['mechanism', 'symptom', 'finding'],
    to: ['mechanism', 'symptom', 'finding'],
    reads: 'is associated with',
    readsBackwards: 'is associated with',
    symmetric: true,
  },
  TARGETS: {
    class: 'therapeutic',
    from: ['therapy'],
    to: ['mechanism'],
    reads: 'may act on',
    readsBackwards: 'is acted on by',
  },
  RELIEVES: {
    class: 'therapeutic',
    from: ['therapy'],
    to: ['symptom'],
    reads: 'may relieve',
    readsBackwards: 'may be relieved by',
  },
  BUILDS_ON: {
    class: 'between-theories',
    from: ['theory'],
    to: ['theory'],
    reads: 'builds on',
    readsBackwards: 'is built on by',
  },
  CONFLICTS_WITH: {
    class: 'between-theories',
    from: ['theory'],
    to: ['theory'],
    reads: 'conflicts with',
    readsBackwards: 'conflicts with',
    symmetric: true,
  },
  INVOLVES: {
    class: 'structural',
    from: ['theory', 'mechanism', 'therapy'],
    to: ['anatomy'],
    reads: 'involves',
    readsBackwards: 'is involved in',
  },
  LOCATED_IN: {
    class: 'structural',
    from: ['symptom', 'finding'],
    to: ['anatomy'],
    reads: 'is felt in',
    readsBackwards: 'is where one feels',
  },
  // A question TESTS each theory whose fate its answer bears on; two or more such claims make it a
  // question that would tell those theories apart.
  TESTS: {
    class: 'research',
    from: ['question'],
    to: ['theory'],
    reads: 'would test',
    readsBackwards: 'would be tested by',
  },
} as const satisfies Record<string, RelationRule>;

/** A claim type. */
export type Relation = keyof typeof RELATION_RULES;

/** All relations, in table order. */
export const RELATIONS = Object.keys(RELATION_RULES) as Relation[];

/** True when `value` names a relation. */
export function isRelation(value: unknown): value is Relation {
  return typeof value === 'string' && Object.hasOwn(RELATION_RULES, value);
}

/** The rule for a relation. */
export function relationRule(relation: Relation): RelationRule {
  return RELATION_RULES[relation];
}

/** The class of a relation. */
export function relationClass(relation: Relation): RelationClass {
  return RELATION_RULES[relation].class;
}

/** True when a relation reads the same either way (no direction claimed). */
export function isSymmetric(relation: Relation): boolean {
  const rule: RelationRule = RELATION_RULES[relation];
  return rule.symmetric === true;
}

/** True when the relation table allows `relation` from a `fromKind` node to a `toKind` node. */
export function isRelationAllowed(relation: Relation, fromKind: string, toKind: string): boolean {
  const rule: RelationRule = RELATION_RULES[relation];
  return (
    (rule.from as readonly string[]).includes(fromKind) && (rule.to as readonly string[]).includes(toKind)
  );
}

/** Throws a ValidationError naming the allowed kinds when the table forbids the connection. */
export function assertRelationAllowed(relation: Relation, fromKind: string, toKind: string): void {
  if (isRelationAllowed(relation, fromKind, toKind)) return;
  const rule: RelationRule = RELATION_RULES[relation];
  throw new ValidationError(
    'relation',
    `${relation} cannot connect a ${fromKind} to a ${toKind}; it connects ${rule.from.join('|')} → ${rule.to.join('|')}`,
  );
}

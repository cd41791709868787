/**
 * The relation table: which claim types exist and which node kinds each may connect.
 * Anything outside this table is rejected, so the graph stays interpretable.
 */
import { ValidationError } from './errors.ts';
import type { ConceptKind } from './kinds.ts';

/** What a relation may connect and how it reads in a sentence. */
export interface RelationRule {
  readonly from: readonly ConceptKind[];
  readonly to: readonly ConceptKind[];
  /** Verb phrase for plain-language readings: "<from> may relieve <to>". */
  readonly reads: string;
  /** Reading when the hop is walked against the claim's direction. */
  readonly readsBackwards: string;
}

/** Every relation and the kinds it may connect (from → to). */
export const RELATION_RULES = {
  PROPOSES: { from: ['theory'], to: ['mechanism'], reads: 'proposes', readsBackwards: 'is proposed by' },
  EXPLAINS: {
    from: ['theory'],
    to: ['symptom', 'finding'],
    reads: 'is proposed to explain',
    readsBackwards: 'is explained by',
  },
  CAUSES: {
    from: ['mechanism', 'symptom'],
    to: ['mechanism', 'symptom', 'finding'],
    reads: 'is proposed to cause',
    readsBackwards: 'is proposed to result from',
  },
  TARGETS: { from: ['therapy'], to: ['mechanism'], reads: 'may act on', readsBackwards: 'is acted on by' },
  RELIEVES: {
    from: ['therapy'],
    to: ['symptom'],
    reads: 'may relieve',
    readsBackwards: 'may be relieved by',
  },
  BUILDS_ON: { from: ['theory'], to: ['theory'], reads: 'builds on', readsBackwards: 'is built on by' },
  CONFLICTS_WITH: {
    from: ['theory'],
    to: ['theory'],
    reads: 'conflicts with',
    readsBackwards: 'conflicts with',
  },
  INVOLVES: {
    from: ['theory', 'mechanism', 'therapy'],
    to: ['anatomy'],
    reads: 'involves',
    readsBackwards: 'is involved in',
  },
  LOCATED_IN: {
    from: ['symptom', 'finding'],
    to: ['anatomy'],
    reads: 'is felt in',
    readsBackwards: 'is where one feels',
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

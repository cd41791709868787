/** How the reader panels present claims: grouped under relation headings, strength as text. */
import type { Relation } from '../api/generated.ts';
import { RELATION_ORDER } from '../graph/vocabulary.ts';

/** The claims under one relation heading. */
export interface ClaimGroup<T> {
  readonly relation: Relation;
  readonly claims: readonly T[];
}

/** Claims grouped by relation, in the relation table's order; each group keeps the claims' order. */
export function groupClaimsByRelation<T extends { readonly relation: Relation }>(
  claims: readonly T[],
): ClaimGroup<T>[] {
  return RELATION_ORDER.map((relation) => ({
    relation,
    claims: claims.filter((claim) => claim.relation === relation),
  })).filter((group) => group.claims.length > 0);
}

/** A claim strength in [0, 1] as the text tables and details show: "0.80 of 1". */
export function strengthText(strength: number): string {
  return `${Math.min(1, Math.max(0, strength)).toFixed(2)} of 1`;
}

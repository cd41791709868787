/** How the reader panels present claims: grouped under relation headings, certainty in words. */
import type {
  Certainty,
  EvidenceConcern,
  RatingUpFactor,
  EvidenceLevel,
  PathNature,
  Relation,
  Stance,
} from '../api/generated.ts';
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

/** A certainty grade in plain words: VERY_LOW → "very low"; null (a claim that asserts no effect) → "not graded". */
export function certaintyText(certainty: Certainty | null): string {
  return certainty === null ? 'not graded' : certainty.toLowerCase().replace(/_/g, ' ');
}

/** A curator's concern in plain words. */
export const CONCERN_TEXT: Readonly<Record<EvidenceConcern, string>> = {
  RISK_OF_BIAS: 'risk of bias',
  INCONSISTENCY: 'inconsistent: the studies disagree',
  INDIRECT: 'indirect: about a related population, drug class or outcome',
  IMPRECISE: 'imprecise: few participants or events',
  PUBLICATION_BIAS: 'open to publication bias',
};

/** A reason to rate observational evidence up, in plain words. */
export const RATING_UP_TEXT: Readonly<Record<RatingUpFactor, string>> = {
  LARGE_EFFECT: 'a large effect',
  DOSE_RESPONSE: 'a dose-response gradient',
};

/** What a path can be read as, in words a reader can act on. */
export const PATH_NATURE_TEXT: Readonly<Record<PathNature, string>> = {
  DIRECTED: 'a chain from cause to effect',
  UNDIRECTED: 'not a chain: some step runs backwards, so the two share a cause or an effect',
  ASSOCIATIVE: 'includes an association: things that go together, not a shown cause',
};

/** The study behind an evidence item in one line: "case-control; 60 people; adults with fibromyalgia". */
export function studyText(item: {
  readonly design?: string | null;
  readonly participants?: number | null;
  readonly population?: string | null;
}): string | null {
  const parts = [
    item.design ?? null,
    item.participants == null
      ? null
      : `${item.participants} ${item.participants === 1 ? 'person' : 'people'}`,
    item.population ?? null,
  ].filter((part): part is string => part !== null && part !== '');
  return parts.length === 0 ? null : parts.join('; ');
}

/**
 * An evidence item's stance in words. A guideline on a therapy recommends for or against it, and a
 * reader should see that as such ("Recommended against") rather than as a bare "Disputes".
 */
export function stanceText(stance: Stance, level: EvidenceLevel, relation: Relation): string {
  const supports = stance === 'SUPPORTS';
  if (level === 'GUIDELINE' && (relation === 'RELIEVES' || relation === 'TARGETS')) {
    return supports ? 'Guideline recommends' : 'Guideline recommends against';
  }
  return supports ? 'Supports' : 'Disputes';
}

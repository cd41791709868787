/**
 * How FibroGraph's kinds, relations and evidence levels map onto the Biolink Model for KGX export.
 * FibroGraph's own relation stays in an extra column because several relations share a broad predicate.
 */
import type { EvidenceLevel } from '../domain/evidence-levels.ts';
import type { ConceptKind, NodeKind, SourceKind } from '../domain/kinds.ts';
import type { Relation } from '../domain/relations.ts';

/** Biolink category for each concept kind. */
export const BIOLINK_CATEGORY: Readonly<Record<ConceptKind, string>> = {
  // Biolink has no class for a scientific theory or hypothesis; NamedThing is the honest root.
  theory: 'biolink:NamedThing',
  mechanism: 'biolink:PathologicalProcess',
  symptom: 'biolink:PhenotypicFeature',
  therapy: 'biolink:Treatment',
  anatomy: 'biolink:AnatomicalEntity',
  finding: 'biolink:ClinicalFinding',
  // A question or prediction is about the literature, not the body: the root again.
  question: 'biolink:NamedThing',
};

/** Biolink category for each kind of source (all are Publication or one of its subclasses). */
export const BIOLINK_SOURCE_CATEGORY: Readonly<Record<SourceKind, string>> = {
  paper: 'biolink:Article',
  review: 'biolink:Article',
  guideline: 'biolink:Publication',
  'blog-post': 'biolink:WebPage',
  'web-page': 'biolink:WebPage',
  book: 'biolink:Book',
  'regulatory-record': 'biolink:Publication',
};

/** Biolink predicate for each relation. */
export const BIOLINK_PREDICATE: Readonly<Record<Relation, string>> = {
  PROPOSES: 'biolink:related_to',
  EXPLAINS: 'biolink:related_to',
  // Claims are "proposed to cause"; contributes_to is the weaker parent of biolink:causes.
  CAUSES: 'biolink:contributes_to',
  // A statistical association, no direction of cause claimed.
  ASSOCIATED_WITH: 'biolink:associated_with',
  TARGETS: 'biolink:affects',
  // The catch-all treats predicate; biolink reserves `treats` for strong evidence.
  RELIEVES: 'biolink:treats_or_applied_or_studied_to_treat',
  BUILDS_ON: 'biolink:related_to',
  CONFLICTS_WITH: 'biolink:related_to',
  INVOLVES: 'biolink:related_to',
  LOCATED_IN: 'biolink:located_in',
  TESTS: 'biolink:related_to',
};

/** Biolink predicate for a claim; a mechanism INVOLVES an anatomy by occurring in it. */
export function biolinkPredicate(relation: Relation, fromKind: NodeKind | undefined): string {
  if (relation === 'INVOLVES' && fromKind === 'mechanism') return 'biolink:occurs_in';
  return BIOLINK_PREDICATE[relation];
}

/** Biolink knowledge level from the strongest supporting evidence (null when nothing supports the claim). */
export function biolinkKnowledgeLevel(bestSupport: EvidenceLevel | null): string {
  switch (bestSupport) {
    case null:
      return 'not_provided';
    case 'hypothesis':
      return 'prediction';
    case 'anecdote':
      return 'observation';
    case 'guideline':
    case 'systematic-review':
    case 'rct':
    case 'observational':
    case 'narrative-review':
    case 'mechanistic':
    case 'regulatory':
      return 'knowledge_assertion';
  }
}

/** Every FibroGraph claim is curated by a person. */
export const BIOLINK_AGENT_TYPE = 'manual_agent';

/** The knowledge source FibroGraph names itself as (a local infores id, not yet registered in the Information Resource Registry). */
export const FIBROGRAPH_INFORES = 'infores:fibrograph';

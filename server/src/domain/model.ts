/** The records FibroGraph stores and returns: nodes, sources, claims, evidence and changes. */
import type {
  Certainty,
  EvidenceConcern,
  PooledDesign,
  RatingUpFactor,
  Recommendation,
} from './certainty.ts';
import type { EvidenceLevel, Stance } from './evidence-levels.ts';
import type { EvidenceSummary } from './evidence-summary.ts';
import type { ConceptKind, QuestionStatus, SourceKind } from './kinds.ts';
import type { Relation } from './relations.ts';

/** Fields every node has. Timestamps are ISO-8601 UTC strings. */
export interface NodeBase {
  readonly id: string;
  readonly name: string;
  /** Two to four plain-language sentences: what it is and how sure we are. */
  readonly summary: string;
  readonly aliases: readonly string[];
  /** Ontology cross-references as CURIEs: `HP:0033630`, `MESH:D005356`, `DOI:10.…`. */
  readonly xrefs: readonly string[];
  readonly version: number;
  readonly createdAt: string;
  readonly updatedAt: string;
}

/** What only a question (a testable prediction or an open question) records. */
export interface QuestionFields {
  /** Open until an observation answers it for (`supported`) or against (`refuted`) what it predicts. */
  readonly status: QuestionStatus;
  /** The observation that would settle it: what to measure, in whom, and what each answer would mean. */
  readonly decisiveObservation: string;
}

/**
 * A theory, mechanism, symptom, therapy, anatomy, finding or question. The question fields are
 * present exactly when the kind is `question` (validate.ts enforces it).
 */
export interface ConceptNode extends NodeBase, Partial<QuestionFields> {
  readonly kind: ConceptKind;
}

/** Bibliographic fields of a source. */
export interface SourceFields {
  readonly sourceKind: SourceKind;
  readonly title: string;
  readonly authors: readonly string[];
  readonly year: number | null;
  /** Journal, blog, publisher or agency. */
  readonly venue: string | null;
  readonly url: string | null;
  readonly doi: string | null;
  readonly pmid: string | null;
  /** Publication date when known more precisely than the year (YYYY-MM-DD). */
  readonly published: string | null;
}

/** A question's own fields, or nothing for any other node: for spreading into records and exports. */
export function questionFieldsOf(node: Partial<QuestionFields>): Partial<QuestionFields> {
  return node.status === undefined || node.decisiveObservation === undefined
    ? {}
    : { status: node.status, decisiveObservation: node.decisiveObservation };
}

/** A paper, guideline, blog post or other source that evidence cites; browsable like any node. */
export interface SourceNode extends NodeBase, SourceFields {
  readonly kind: 'source';
}

/** Any node. */
export type GraphNode = ConceptNode | SourceNode;

/** True when the node is a source. */
export function isSourceNode(node: GraphNode): node is SourceNode {
  return node.kind === 'source';
}

/**
 * What a curator recorded about the study behind an evidence item, and how they rate it. All optional:
 * a blog post has no design or participants. `concerns` rate the claim's certainty down and
 * `ratingUp` rates observational evidence up (certainty.ts); `ratingNote` gives the reasons.
 */
export interface EvidenceAppraisal {
  /** The study design in the paper's words: "double-blind RCT", "case-control", "narrative review". */
  readonly design: string | null;
  /** How many people were studied. */
  readonly participants: number | null;
  /** Who was studied: "women with fibromyalgia (ACR 1990) and healthy controls". */
  readonly population: string | null;
  /** Funding and conflicts of interest, as the source declares them. */
  readonly funding: string | null;
  /** The curator's reasons to rate this evidence down (GRADE's domains). */
  readonly concerns: readonly EvidenceConcern[];
  /** The curator's reasons to rate observational evidence up (GRADE's large effect, dose-response). */
  readonly ratingUp: readonly RatingUpFactor[];
  /**
   * The curator's reasons for the level, the concerns and any rating up: each quoted from, or pointing
   * to, the stored text it rests on.
   */
  readonly ratingNote: string | null;
  /** The study the item reports (a trial registration, a cohort's name): items of one study count once. */
  readonly studyId: string | null;
  /** Systematic reviews and meta-analyses: the design of the studies pooled, where the grade starts. */
  readonly pooledDesign: PooledDesign | null;
  /** Guidelines: the recommendation as printed (strength, direction, what it rests on). */
  readonly recommendation: Recommendation | null;
  /**
   * Reviews and guidelines: the certainty the source itself gives this outcome under GRADE (a Cochrane
   * summary of findings), quoted in `ratingNote`. It stands for the source's appraisal of the body.
   */
  readonly reportedCertainty: Certainty | null;
  /**
   * True when the curator judged all five GRADE domains for this item, so `concerns` lists the
   * serious ones (none: none serious). Without it, or a reported rating, a body is held at low.
   */
  readonly domainsAssessed: boolean;
}

/** The appraisal of an item that has none recorded. */
export const NO_APPRAISAL: EvidenceAppraisal = {
  design: null,
  participants: null,
  population: null,
  funding: null,
  concerns: [],
  ratingUp: [],
  ratingNote: null,
  studyId: null,
  pooledDesign: null,
  recommendation: null,
  reportedCertainty: null,
  domainsAssessed: false,
};

const NO_CONCERNS: readonly EvidenceConcern[] = Object.freeze([]);
const NO_RATING_UP: readonly RatingUpFactor[] = Object.freeze([]);

/** The appraisal fields of an evidence item, each present (records stored before they existed lack them). */
export function appraisalOf(item: Partial<EvidenceAppraisal>): EvidenceAppraisal {
  return {
    design: item.design ?? null,
    participants: item.participants ?? null,
    population: item.population ?? null,
    funding: item.funding ?? null,
    // Most items have no concern and no reason to rate up: one shared empty list each, not one per
    // item, keeps a large graph's read model smaller.
    concerns: item.concerns === undefined || item.concerns.length === 0 ? NO_CONCERNS : item.concerns,
    ratingUp: item.ratingUp === undefined || item.ratingUp.length === 0 ? NO_RATING_UP : item.ratingUp,
    ratingNote: item.ratingNote ?? null,
    studyId: item.studyId ?? null,
    pooledDesign: item.pooledDesign ?? null,
    recommendation: item.recommendation ?? null,
    reportedCertainty: item.reportedCertainty ?? null,
    domainsAssessed: item.domainsAssessed ?? false,
  };
}

/** One piece of evidence for or against a claim. */
export interface Evidence extends EvidenceAppraisal {
  readonly id: string;
  readonly sourceId: string;
  /** Verbatim text from the source; null when the evidence is a curator's note only. */
  readonly quote: string | null;
  /** A curator's note in their own words. */
  readonly note: string | null;
  /** Where in the source: page, section or paragraph. */
  readonly locator: string | null;
  readonly stance: Stance;
  readonly level: EvidenceLevel;
  /** True when the curator could not verify part of the citation or finding. */
  readonly unverified: boolean;
}

/** A claim as stored: a typed, directed relationship with its evidence. */
export interface StoredClaim {
  readonly id: string;
  readonly relation: Relation;
  readonly from: string;
  readonly to: string;
  /** Optional plain-language statement of the claim. */
  readonly summary: string | null;
  readonly evidence: readonly Evidence[];
  readonly version: number;
  readonly createdAt: string;
  readonly updatedAt: string;
}

/** A claim with the figures derived from its evidence. */
export interface Claim extends StoredClaim, EvidenceSummary {}

/** What a change did. */
export type ChangeAction = 'create' | 'update' | 'delete' | 'add-evidence' | 'remove-evidence' | 'import';

/** What a change touched. */
export type ChangeTarget = 'node' | 'source' | 'claim' | 'graph';

/** One entry in the append-only change history. */
export interface Change {
  /** Monotonic sequence number; newer changes have larger numbers. */
  readonly seq: number;
  readonly at: string;
  /** Who made the change (user name, `seed`, `import`, …). */
  readonly actor: string;
  readonly action: ChangeAction;
  readonly targetType: ChangeTarget;
  readonly targetId: string;
  /** The record before the change (null for a create). */
  readonly before: unknown;
  /** The record after the change (null for a delete). */
  readonly after: unknown;
  /** How the change was published when review is on (review/); null when it is off. */
  readonly review: ChangeReview | null;
}

/**
 * How a change reached the published graph: `reviewed`, a proposal that another editor approved;
 * `direct`, an admin publishing without review (allowed, and recorded as such).
 */
export interface ChangeReview {
  readonly mode: 'reviewed' | 'direct';
  /** The proposal it came from (`reviewed`), or null. */
  readonly proposalId: string | null;
  /** Who approved it (`reviewed`), or null. */
  readonly approvedBy: string | null;
}

/** A full, ordered copy of the graph: what export writes and import reads. */
export interface GraphSnapshot {
  readonly format: 'fibrograph-snapshot';
  readonly formatVersion: 1;
  /** Nodes including sources, sorted by id. */
  readonly nodes: readonly GraphNode[];
  /** Claims sorted by id, evidence in stored order. */
  readonly claims: readonly StoredClaim[];
  /** On an export of a release: which release it is (import ignores it). */
  readonly release?: {
    readonly number: number;
    readonly name: string;
    readonly createdAt: string;
    readonly citation: string;
  };
}

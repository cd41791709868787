/** What callers send to create or change records; checked and normalised by ./validate.ts. */
import type {
  Certainty,
  EvidenceConcern,
  PooledDesign,
  RatingUpFactor,
  Recommendation,
} from './certainty.ts';
import type { EvidenceLevel, Stance } from './evidence-levels.ts';
import type { ChangeReview } from './model.ts';
import type { ConceptKind, QuestionStatus, SourceKind } from './kinds.ts';
import type { Relation } from './relations.ts';

/** A new concept node. `id` defaults to `kind:slug-of-name`. */
export interface NodeInput {
  readonly id?: string;
  readonly kind: ConceptKind;
  readonly name: string;
  readonly summary?: string;
  readonly aliases?: readonly string[];
  readonly xrefs?: readonly string[];
  /** Questions only: default `open`. */
  readonly status?: QuestionStatus;
  /** Questions only, and required for them. */
  readonly decisiveObservation?: string;
}

/** Changes to a concept node; omitted fields stay as they are. */
export interface NodePatch {
  readonly name?: string;
  readonly summary?: string;
  readonly aliases?: readonly string[];
  readonly xrefs?: readonly string[];
  /** Questions only. */
  readonly status?: QuestionStatus;
  /** Questions only. */
  readonly decisiveObservation?: string;
}

/** A new source. `name` defaults to a short citation ("Katz et al. 2007"), `id` to `source:slug-of-name`. */
export interface SourceInput {
  readonly id?: string;
  readonly sourceKind: SourceKind;
  readonly title: string;
  readonly name?: string;
  readonly summary?: string;
  readonly aliases?: readonly string[];
  readonly xrefs?: readonly string[];
  readonly authors?: readonly string[];
  readonly year?: number | null;
  readonly venue?: string | null;
  readonly url?: string | null;
  readonly doi?: string | null;
  readonly pmid?: string | null;
  readonly published?: string | null;
}

/** Changes to a source; omitted fields stay as they are, null clears an optional field. */
export type SourcePatch = Partial<Omit<SourceInput, 'id'>>;

/** A new evidence item; needs a quote, a note or both. `id` defaults to a hash of its content. */
export interface EvidenceInput {
  readonly id?: string;
  readonly sourceId: string;
  readonly quote?: string | null;
  readonly note?: string | null;
  readonly locator?: string | null;
  readonly stance: Stance;
  readonly level: EvidenceLevel;
  readonly unverified?: boolean;
  readonly design?: string | null;
  readonly participants?: number | null;
  readonly population?: string | null;
  readonly funding?: string | null;
  readonly concerns?: readonly EvidenceConcern[];
  readonly ratingUp?: readonly RatingUpFactor[];
  readonly ratingNote?: string | null;
  readonly studyId?: string | null;
  /** Systematic reviews only. */
  readonly pooledDesign?: PooledDesign | null;
  /** Guidelines only. */
  readonly recommendation?: Recommendation | null;
  /** Reviews and guidelines only: the certainty the source itself reports (GRADE). */
  readonly reportedCertainty?: Certainty | null;
  /** The curator judged all five GRADE domains (the concerns are the serious ones). */
  readonly domainsAssessed?: boolean;
}

/** A new claim with at least one evidence item. `id` defaults to one derived from its ends and relation. */
export interface ClaimInput {
  readonly id?: string;
  readonly relation: Relation;
  readonly from: string;
  readonly to: string;
  readonly summary?: string | null;
  readonly evidence: readonly EvidenceInput[];
}

/** Changes to a claim's own fields (its evidence changes through add/remove evidence). */
export interface ClaimPatch {
  readonly relation?: Relation;
  readonly summary?: string | null;
}

/**
 * A claim's content as it should be again (a revert): relation, summary and the whole evidence list,
 * in order, with the items' ids. Its ends never change.
 */
export interface ClaimRestore {
  readonly relation: Relation;
  readonly summary: string | null;
  readonly evidence: readonly EvidenceInput[];
}

/** Who is making a write; recorded in the change history. */
export interface WriteContext {
  readonly actor: string;
  /** Recorded on the change when review is on: the proposal and approver, or an admin's direct publish. */
  readonly review?: ChangeReview;
}

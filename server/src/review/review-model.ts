/**
 * The records of the editorial workflow kept beside the graph: proposals (a change waiting for a
 * second pair of eyes), reader reports, the activity feed and releases. The graph itself only ever
 * holds published content; these say how it got there and what people think is wrong with it.
 */
import type { ChangeOperation } from './change-operation.ts';

/** What every workflow record shares; the stores keep the whole record as JSON with these as keys. */
export interface ReviewRecord {
  readonly collection: 'proposal' | 'report';
  /** `proposal:…` or `report:…`; sorts by creation time. */
  readonly id: string;
  /** Starts at 1 and moves on with every step; steps name the version they saw (as graph edits do). */
  readonly version: number;
  readonly status: string;
  /** The graph record concerned (a node, source or claim id). */
  readonly targetId: string;
  /** Who opened it: the proposer, or `reader` for an anonymous report. */
  readonly actor: string;
  readonly createdAt: string;
  readonly updatedAt: string;
}

/**
 * `open`: waiting for review. `published`: approved and applied. `rejected` (with a reason) and
 * `withdrawn` (by its proposer) are final. `conflict`: the record changed after the proposal was made,
 * so approving it would overwrite someone else's work; the proposer amends it onto the current version.
 */
export type ProposalStatus = 'open' | 'published' | 'rejected' | 'withdrawn' | 'conflict';

/** A remark in a proposal's discussion. */
export interface ProposalComment {
  readonly at: string;
  readonly author: string;
  readonly text: string;
}

/** One change to the graph, waiting for (or past) review. */
export interface Proposal extends ReviewRecord {
  readonly collection: 'proposal';
  readonly status: ProposalStatus;
  /** The change, checked and normalised when proposed (create ids are fixed then). */
  readonly change: ChangeOperation;
  readonly targetType: 'node' | 'source' | 'claim';
  /** The record's name (a claim's reading) as it was when proposed; the label lists and feeds show. */
  readonly targetLabel: string;
  /** Why the change should be made; required. */
  readonly comment: string;
  readonly comments: readonly ProposalComment[];
  /** Who approved, rejected or withdrew it, when, and why (a rejection's reason, a conflict's cause). */
  readonly decidedBy: string | null;
  readonly decidedAt: string | null;
  readonly reason: string | null;
  /** The history entry that published it. */
  readonly publishedSeq: number | null;
}

/** What a reader says is wrong. */
export type ReportProblem = 'quote-wrong' | 'source-missing' | 'source-wrong' | 'overstated' | 'other';

export const REPORT_PROBLEMS: readonly ReportProblem[] = [
  'quote-wrong',
  'source-missing',
  'source-wrong',
  'overstated',
  'other',
];

/** A reader's flag on a claim or one of its evidence items. */
export interface Report extends ReviewRecord {
  readonly collection: 'report';
  readonly status: 'open' | 'resolved';
  /** The claim flagged. */
  readonly targetId: string;
  /** The evidence item flagged, when the reader chose one. */
  readonly evidenceId: string | null;
  readonly problem: ReportProblem;
  readonly text: string | null;
  readonly resolvedBy: string | null;
  readonly resolvedAt: string | null;
  /** What the editor did about it; required to resolve. */
  readonly note: string | null;
}

/** What the activity feed records. */
export type ActivityType =
  | 'proposal-opened'
  | 'proposal-amended'
  | 'proposal-commented'
  | 'proposal-approved'
  | 'proposal-rejected'
  | 'proposal-withdrawn'
  | 'proposal-conflict'
  | 'report-filed'
  | 'report-resolved'
  | 'release-created';

/** One entry of the activity feed, before the store numbers it. */
export interface ActivityDraft {
  readonly at: string;
  readonly actor: string;
  readonly type: ActivityType;
  /** The proposal, report or release (`release:N`) it is about. */
  readonly subjectId: string;
  /** The graph record concerned, when there is one. */
  readonly targetId: string | null;
  /** One line in words ("Proposed: edit node “Brain fog”"). */
  readonly summary: string;
}

/** An activity entry as stored, newest with the largest `seq`. */
export interface ActivityEvent extends ActivityDraft {
  readonly seq: number;
}

/** A frozen, numbered copy of the published graph that a paper can cite. */
export interface Release {
  readonly number: number;
  /** Unique, chosen by whoever made it ("2026.12", "v1"). */
  readonly name: string;
  readonly note: string | null;
  readonly createdAt: string;
  readonly createdBy: string;
  readonly counts: { readonly nodes: number; readonly claims: number; readonly evidence: number };
}

/** What a release is made from, before the store numbers it. */
export interface ReleaseDraft {
  readonly name: string;
  readonly note: string | null;
  readonly createdAt: string;
  readonly createdBy: string;
}

/**
 * The editorial workflow over any GraphStore: proposals and their review, reader reports, releases.
 * The rules live here once (nobody approves their own proposal, reasons are required, a changed
 * record is a conflict); the stores only keep records and apply changes, each in one transaction.
 *
 * Approving applies the proposal's change through the port with a review stamp naming the proposal,
 * so the history entry says who proposed and who approved. If the process stops between that write
 * and marking the proposal published, the next attempt finds the stamped entry and only marks it.
 */
import { randomBytes } from 'node:crypto';
import {
  AlreadyExistsError,
  FibroGraphError,
  InUseError,
  NotAllowedError,
  NotFoundError,
  ValidationError,
  VersionConflictError,
  WrongStateError,
} from '../domain/errors.ts';
import { checkExpectedVersion, checkOptionalText, checkRequiredText } from '../domain/validate.ts';
import type { GraphStore } from '../store/graph-store.ts';
import { nowIso } from '../store/write-plans.ts';
import {
  applyOperation,
  checkOperation,
  describeOperation,
  type ChangeOperation,
} from './change-operation.ts';
import { checkReleaseName } from './releases.ts';
import {
  REPORT_PROBLEMS,
  type ActivityType,
  type Proposal,
  type ProposalStatus,
  type Release,
  type Report,
  type ReportProblem,
} from './review-model.ts';

/** Someone acting in the workflow: a signed-in editor or admin. */
export interface Reviewer {
  readonly name: string;
  readonly role: 'editor' | 'admin';
}

/** Length limits for the workflow's free text. */
export const REVIEW_LIMITS = { comment: 4000, comments: 200, reportText: 2000 } as const;

/** Statuses from which a proposal can still move. */
const LIVE: readonly ProposalStatus[] = ['open', 'conflict'];

/** How far back approve looks in a target's history for an entry it already wrote. */
const RECOVERY_WINDOW = 50;

export class ReviewService {
  constructor(private readonly store: GraphStore) {}

  // ── proposals ──────────────────────────────────────────────────────────────────────────────

  /** Opens a proposal after checking the change against the graph as it is now. */
  async propose(by: Reviewer, change: ChangeOperation, comment: string): Promise<Proposal> {
    const text = checkRequiredText('comment', comment, REVIEW_LIMITS.comment);
    const checked = await checkOperation(this.store, change);
    const now = nowIso();
    const proposal: Proposal = {
      collection: 'proposal',
      id: newId('proposal'),
      version: 1,
      status: 'open',
      targetId: checked.target.id,
      targetType: checked.target.type,
      targetLabel: checked.target.label,
      actor: by.name,
      createdAt: now,
      updatedAt: now,
      change: checked.change,
      comment: text,
      comments: [],
      decidedBy: null,
      decidedAt: null,
      reason: null,
      publishedSeq: null,
    };
    const summary = `${describeOperation(checked.change)} “${checked.target.label}”: ${text}`;
    return this.save(proposal, 0, by.name, 'proposal-opened', summary);
  }

  /**
   * The proposer replaces the change; it is open again. With `change` null the same change is rebased
   * onto the record's current version: the proposer, having seen what changed meanwhile, puts their
   * change on top of it (an explicit step, never an automatic merge).
   */
  async amend(
    by: Reviewer,
    id: string,
    expectedVersion: number,
    change: ChangeOperation | null,
    comment: string,
  ): Promise<Proposal> {
    const text = checkRequiredText('comment', comment, REVIEW_LIMITS.comment);
    const current = await this.liveProposal(id, expectedVersion);
    if (current.actor !== by.name) throw new NotAllowedError('only the proposer can change a proposal');
    const checked = await checkOperation(this.store, change ?? (await rebased(this.store, current)));
    if (checked.target.id !== current.targetId) {
      throw new ValidationError('change', `the change must stay about "${current.targetId}"`);
    }
    const now = nowIso();
    const next: Proposal = {
      ...current,
      version: current.version + 1,
      status: 'open',
      change: checked.change,
      targetLabel: checked.target.label,
      comment: text,
      comments: appendComment(current.comments, { at: now, author: by.name, text: `Changed: ${text}` }),
      reason: null,
      updatedAt: now,
    };
    return this.save(next, current.version, by.name, 'proposal-amended', `Changed the proposal: ${text}`);
  }

  /** Adds a remark to the discussion, whatever the status. */
  async comment(by: Reviewer, id: string, text: string): Promise<Proposal> {
    const remark = checkRequiredText('text', text, REVIEW_LIMITS.comment);
    // Remarks do not compete with each other: retry on a concurrent step rather than bounce the person.
    for (let attempt = 0; ; attempt += 1) {
      const current = await this.requireProposal(id);
      const now = nowIso();
      const next: Proposal = {
        ...current,
        version: current.version + 1,
        comments: appendComment(current.comments, { at: now, author: by.name, text: remark }),
        updatedAt: now,
      };
      try {
        return await this.save(next, current.version, by.name, 'proposal-commented', remark);
      } catch (error) {
        if (!(error instanceof VersionConflictError) || attempt >= 3) throw error;
      }
    }
  }

  /** The proposer takes it back. */
  async withdraw(
    by: Reviewer,
    id: string,
    expectedVersion: number,
    reason?: string | null,
  ): Promise<Proposal> {
    const why = checkOptionalText('reason', reason, REVIEW_LIMITS.comment);
    const current = await this.liveProposal(id, expectedVersion);
    if (current.actor !== by.name) throw new NotAllowedError('only the proposer can withdraw a proposal');
    return this.decide(
      current,
      by,
      'withdrawn',
      why,
      'proposal-withdrawn',
      `Withdrew${why ? `: ${why}` : ''}`,
    );
  }

  /** Another editor or an admin turns it down, saying why. */
  async reject(by: Reviewer, id: string, expectedVersion: number, reason: string): Promise<Proposal> {
    const why = checkRequiredText('reason', reason, REVIEW_LIMITS.comment);
    const current = await this.liveProposal(id, expectedVersion);
    if (current.actor === by.name) {
      throw new NotAllowedError('you cannot reject your own proposal; withdraw it instead');
    }
    return this.decide(current, by, 'rejected', why, 'proposal-rejected', `Rejected: ${why}`);
  }

  /**
   * Another editor or an admin approves it: the change is applied as its proposer's, stamped with the
   * proposal and the approver. If the record moved on since, the proposal becomes a `conflict` (with
   * the reason) and nothing is written; its proposer amends it onto the current version.
   */
  async approve(
    by: Reviewer,
    id: string,
    expectedVersion: number,
    comment?: string | null,
  ): Promise<Proposal> {
    const remark = checkOptionalText('comment', comment, REVIEW_LIMITS.comment);
    const current = await this.requireProposal(id);
    if (current.actor === by.name) {
      throw new NotAllowedError('nobody approves their own proposal; another editor or an admin must');
    }
    checkExpectedVersion(expectedVersion);
    if (current.version !== expectedVersion) {
      throw new VersionConflictError(id, expectedVersion, current.version);
    }
    if (current.status !== 'open') {
      throw new WrongStateError(
        id,
        current.status,
        `proposal is ${current.status}; only an open one can be approved`,
      );
    }
    const already = await this.publishedSeqOf(current);
    if (already !== null) return this.markPublished(current, by, already, remark);
    try {
      await applyOperation(this.store, current.change, {
        actor: current.actor,
        review: { mode: 'reviewed', proposalId: current.id, approvedBy: by.name },
      });
    } catch (error) {
      if (!isConflict(error)) throw error;
      // Someone may have published this very proposal a moment ago; that is not a conflict.
      const seq = await this.publishedSeqOf(current);
      if (seq !== null) return this.markPublished(current, by, seq, remark);
      const reason = conflictReason(error);
      return this.decide(
        current,
        by,
        'conflict',
        reason,
        'proposal-conflict',
        `Could not publish: ${reason}`,
        true,
      );
    }
    const seq = await this.publishedSeqOf(current);
    return this.markPublished(current, by, seq, remark);
  }

  async getProposal(id: string): Promise<Proposal | null> {
    const record = await this.store.getReviewRecord(id);
    return record?.collection === 'proposal' ? (record as Proposal) : null;
  }

  // ── reader reports ─────────────────────────────────────────────────────────────────────────

  /** A reader (signed in or not) flags a claim or one of its evidence items. */
  async report(
    claimId: string,
    evidenceId: string | null,
    problem: ReportProblem,
    text: string | null,
    reporter: string | null,
  ): Promise<Report> {
    if (!REPORT_PROBLEMS.includes(problem)) {
      throw new ValidationError('problem', `must be one of ${REPORT_PROBLEMS.join(', ')}`);
    }
    const words = checkOptionalText('text', text, REVIEW_LIMITS.reportText);
    if (problem === 'other' && words === null) throw new ValidationError('text', 'say what is wrong');
    const claim = await this.store.getClaim(claimId);
    if (claim === null) throw new NotFoundError('claim', claimId);
    if (evidenceId !== null && !claim.evidence.some((item) => item.id === evidenceId)) {
      throw new ValidationError('evidenceId', `claim "${claimId}" has no evidence "${evidenceId}"`);
    }
    const now = nowIso();
    const report: Report = {
      collection: 'report',
      id: newId('report'),
      version: 1,
      status: 'open',
      targetId: claim.id,
      evidenceId,
      actor: reporter ?? 'reader',
      createdAt: now,
      updatedAt: now,
      problem,
      text: words,
      resolvedBy: null,
      resolvedAt: null,
      note: null,
    };
    const summary = `Reported ${problem.replace('-', ' ')} on ${evidenceId ? `evidence “${evidenceId}” of ` : ''}claim “${claim.id}”`;
    await this.store.saveReviewRecord(
      report,
      0,
      event(report.actor, 'report-filed', report.id, claim.id, summary),
    );
    return report;
  }

  /** An editor closes a report, saying what was done. */
  async resolveReport(by: Reviewer, id: string, expectedVersion: number, note: string): Promise<Report> {
    const what = checkRequiredText('note', note, REVIEW_LIMITS.comment);
    const record = await this.store.getReviewRecord(id);
    if (record === null || record.collection !== 'report') throw new NotFoundError('report', id);
    const current = record as Report;
    checkExpectedVersion(expectedVersion);
    if (current.version !== expectedVersion)
      throw new VersionConflictError(id, expectedVersion, current.version);
    if (current.status !== 'open')
      throw new WrongStateError(id, current.status, 'report is already resolved');
    const now = nowIso();
    const next: Report = {
      ...current,
      version: current.version + 1,
      status: 'resolved',
      resolvedBy: by.name,
      resolvedAt: now,
      note: what,
      updatedAt: now,
    };
    return this.store.saveReviewRecord(
      next,
      current.version,
      event(by.name, 'report-resolved', id, current.targetId, `Resolved a report: ${what}`),
    );
  }

  // ── releases ───────────────────────────────────────────────────────────────────────────────

  /** Freezes the published graph as the next numbered release. */
  async createRelease(createdBy: string, name: string, note?: string | null): Promise<Release> {
    return this.store.createRelease({
      name: checkReleaseName(name),
      note: checkOptionalText('note', note, REVIEW_LIMITS.comment),
      createdAt: nowIso(),
      createdBy,
    });
  }

  // ── internals ──────────────────────────────────────────────────────────────────────────────

  private async requireProposal(id: string): Promise<Proposal> {
    const proposal = await this.getProposal(id);
    if (proposal === null) throw new NotFoundError('proposal', id);
    return proposal;
  }

  /** The proposal at the version the person saw, still open or in conflict. */
  private async liveProposal(id: string, expectedVersion: number): Promise<Proposal> {
    const current = await this.requireProposal(id);
    checkExpectedVersion(expectedVersion);
    if (current.version !== expectedVersion)
      throw new VersionConflictError(id, expectedVersion, current.version);
    if (!LIVE.includes(current.status)) {
      throw new WrongStateError(id, current.status, `proposal is already ${current.status}`);
    }
    return current;
  }

  private decide(
    current: Proposal,
    by: Reviewer,
    status: ProposalStatus,
    reason: string | null,
    type: ActivityType,
    summary: string,
    keepOpenForAmend = false,
  ): Promise<Proposal> {
    const now = nowIso();
    const next: Proposal = {
      ...current,
      version: current.version + 1,
      status,
      // A conflict is not a decision about the proposal: it waits for its proposer.
      decidedBy: keepOpenForAmend ? null : by.name,
      decidedAt: keepOpenForAmend ? null : now,
      reason,
      updatedAt: now,
    };
    return this.save(next, current.version, by.name, type, summary);
  }

  private async markPublished(
    current: Proposal,
    by: Reviewer,
    seq: number | null,
    remark: string | null,
  ): Promise<Proposal> {
    const now = nowIso();
    const next: Proposal = {
      ...current,
      version: current.version + 1,
      status: 'published',
      decidedBy: by.name,
      decidedAt: now,
      reason: null,
      publishedSeq: seq,
      comments:
        remark === null
          ? current.comments
          : appendComment(current.comments, { at: now, author: by.name, text: remark }),
      updatedAt: now,
    };
    return this.save(
      next,
      current.version,
      by.name,
      'proposal-approved',
      `Approved and published${remark ? `: ${remark}` : ''}`,
    );
  }

  /** The history entry this proposal's approval wrote, if it did. */
  private async publishedSeqOf(proposal: Proposal): Promise<number | null> {
    const page = await this.store.history({ targetId: proposal.targetId, first: RECOVERY_WINDOW });
    return page.changes.find((change) => change.review?.proposalId === proposal.id)?.seq ?? null;
  }

  private save(
    next: Proposal,
    expectedVersion: number,
    actor: string,
    type: ActivityType,
    summary: string,
  ): Promise<Proposal> {
    return this.store.saveReviewRecord(
      next,
      expectedVersion,
      event(actor, type, next.id, next.targetId, summary),
    );
  }
}

/** The proposal's change at its record's current version (a create cannot be rebased). */
async function rebased(store: GraphStore, proposal: Proposal): Promise<ChangeOperation> {
  const { change } = proposal;
  if (!('expectedVersion' in change)) {
    throw new ValidationError(
      'change',
      'a create has no version to rebase; send the change again with another id',
    );
  }
  const record =
    proposal.targetType === 'claim'
      ? await store.getClaim(proposal.targetId)
      : await store.getNode(proposal.targetId);
  if (record === null) throw new NotFoundError(proposal.targetType, proposal.targetId);
  return { ...change, expectedVersion: record.version };
}

/** The time part of the last id this process made: ids made in one millisecond still sort in order. */
let lastIdTime = 0;

/**
 * Ids that sort by creation time (so lists page newest first by id), with a random tail so that
 * replicas never collide. Within a process the time part strictly increases.
 */
function newId(prefix: 'proposal' | 'report'): string {
  lastIdTime = Math.max(Date.now(), lastIdTime + 1);
  return `${prefix}:${lastIdTime.toString(36).padStart(9, '0')}-${randomBytes(5).toString('hex')}`;
}

function event(
  actor: string,
  type: ActivityType,
  subjectId: string,
  targetId: string | null,
  summary: string,
) {
  return { at: nowIso(), actor, type, subjectId, targetId, summary: summary.slice(0, 300) };
}

function appendComment<T>(comments: readonly T[], comment: T): T[] {
  if (comments.length >= REVIEW_LIMITS.comments) {
    throw new ValidationError('text', `a proposal holds at most ${REVIEW_LIMITS.comments} comments`);
  }
  return [...comments, comment];
}

/** Errors that mean the graph moved on since the proposal was checked. */
function isConflict(error: unknown): error is FibroGraphError {
  return (
    error instanceof VersionConflictError ||
    error instanceof AlreadyExistsError ||
    error instanceof InUseError ||
    error instanceof NotFoundError ||
    error instanceof ValidationError
  );
}

function conflictReason(error: FibroGraphError): string {
  if (error instanceof VersionConflictError) {
    return `“${error.id}” changed after this proposal was made (version ${error.expectedVersion} → ${error.currentVersion}); amend it onto the current version`;
  }
  return error.message;
}

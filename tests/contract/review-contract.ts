/**
 * The editorial workflow's part of the store contract: proposals and their review, reader reports,
 * the activity feed and releases, run through ReviewService over each store.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import {
  AlreadyExistsError,
  NotAllowedError,
  NotFoundError,
  ValidationError,
  VersionConflictError,
  WrongStateError,
} from '../../server/src/domain/errors.ts';
import type { ConceptNode } from '../../server/src/domain/model.ts';
import { diffSnapshots } from '../../server/src/review/releases.ts';
import { ReviewService, type Reviewer } from '../../server/src/review/review-service.ts';
import type { Proposal, Report } from '../../server/src/review/review-model.ts';
import type { GraphStore } from '../../server/src/store/graph-store.ts';
import { buildFixtureGraph, IDS } from './fixture-graph.ts';

const ALICE: Reviewer = { name: 'alice', role: 'editor' };
const BOB: Reviewer = { name: 'bob', role: 'editor' };
const ADMIN: Reviewer = { name: 'root', role: 'admin' };

/** Registers the workflow contract; `store()` is the open store of the current test. */
export function describeReviewContract(store: () => GraphStore): void {
  describe('review workflow', () => {
    let review: ReviewService;
    beforeEach(async () => {
      await buildFixtureGraph(store());
      review = new ReviewService(store());
    });

    async function brainFog(): Promise<ConceptNode> {
      return (await store().getNode(IDS.brainFog)) as ConceptNode;
    }

    function proposeSummary(by: Reviewer, summary: string, version = 1): Promise<Proposal> {
      return review.propose(
        by,
        { kind: 'updateNode', id: IDS.brainFog, expectedVersion: version, patch: { summary } },
        'The summary should say what patients report.',
      );
    }

    it('keeps a proposal out of the graph until someone else approves it, then records both names', async () => {
      const proposal = await proposeSummary(ALICE, 'Trouble thinking and remembering.');
      expect(proposal).toMatchObject({
        status: 'open',
        version: 1,
        actor: 'alice',
        targetId: IDS.brainFog,
        targetType: 'node',
      });
      expect((await brainFog()).summary).not.toBe('Trouble thinking and remembering.');

      await expect(review.approve(ALICE, proposal.id, 1)).rejects.toBeInstanceOf(NotAllowedError);
      const published = await review.approve(BOB, proposal.id, 1, 'Reads well.');
      expect(published).toMatchObject({ status: 'published', decidedBy: 'bob', version: 2 });
      expect((await brainFog()).summary).toBe('Trouble thinking and remembering.');

      const [change] = (await store().history({ targetId: IDS.brainFog, first: 1 })).changes;
      expect(change).toMatchObject({
        seq: published.publishedSeq,
        actor: 'alice',
        action: 'update',
        review: { mode: 'reviewed', proposalId: proposal.id, approvedBy: 'bob' },
      });
      expect((await review.getProposal(proposal.id))?.comments.at(-1)).toMatchObject({
        author: 'bob',
        text: 'Reads well.',
      });
    });

    it('fixes a create’s id when proposed and creates exactly that record on approval', async () => {
      const proposal = await review.propose(
        ALICE,
        { kind: 'createNode', input: { kind: 'symptom', name: 'Cold intolerance' } },
        'Many patients report it.',
      );
      expect(proposal.targetId).toBe('symptom:cold-intolerance');
      expect(proposal.change).toMatchObject({
        kind: 'createNode',
        input: { id: 'symptom:cold-intolerance' },
      });
      expect(await store().getNode('symptom:cold-intolerance')).toBeNull();
      await review.approve(ADMIN, proposal.id, 1);
      expect(await store().getNode('symptom:cold-intolerance')).toMatchObject({ version: 1 });
    });

    it('refuses a proposal that is wrong already: bad input, unknown records, a stale version, no comment', async () => {
      await expect(
        review.propose(
          ALICE,
          { kind: 'updateNode', id: IDS.brainFog, expectedVersion: 1, patch: { name: ' ' } },
          'x',
        ),
      ).rejects.toBeInstanceOf(ValidationError);
      await expect(
        review.propose(ALICE, { kind: 'deleteNode', id: 'symptom:nothing', expectedVersion: 1 }, 'x'),
      ).rejects.toBeInstanceOf(NotFoundError);
      await expect(proposeSummary(ALICE, 'Stale.', 7)).rejects.toBeInstanceOf(VersionConflictError);
      await expect(
        review.propose(ALICE, { kind: 'createNode', input: { kind: 'symptom', name: 'Brain fog' } }, 'again'),
      ).rejects.toBeInstanceOf(AlreadyExistsError);
      await expect(
        review.propose(ALICE, { kind: 'updateNode', id: IDS.brainFog, expectedVersion: 1, patch: {} }, '  '),
      ).rejects.toMatchObject({ code: 'BAD_INPUT', field: 'comment' });
      expect((await store().listReviewRecords({ collection: 'proposal' })).length).toBe(0);
    });

    it('rejects with a reason only, never one’s own, and a rejected proposal stays rejected', async () => {
      const proposal = await proposeSummary(ALICE, 'Too strong a wording.');
      await expect(review.reject(BOB, proposal.id, 1, ' ')).rejects.toMatchObject({ field: 'reason' });
      await expect(review.reject(ALICE, proposal.id, 1, 'no')).rejects.toBeInstanceOf(NotAllowedError);
      const rejected = await review.reject(BOB, proposal.id, 1, 'The source does not say this.');
      expect(rejected).toMatchObject({
        status: 'rejected',
        reason: 'The source does not say this.',
        decidedBy: 'bob',
      });
      await expect(review.approve(ADMIN, proposal.id, 2)).rejects.toBeInstanceOf(WrongStateError);
      expect((await brainFog()).version).toBe(1);
    });

    it('lets only the proposer withdraw, and a withdrawn proposal cannot be approved', async () => {
      const proposal = await proposeSummary(ALICE, 'Second thoughts.');
      await expect(review.withdraw(BOB, proposal.id, 1)).rejects.toBeInstanceOf(NotAllowedError);
      const withdrawn = await review.withdraw(ALICE, proposal.id, 1, 'Found a better source.');
      expect(withdrawn).toMatchObject({ status: 'withdrawn', reason: 'Found a better source.' });
      await expect(review.approve(BOB, proposal.id, 2)).rejects.toMatchObject({ code: 'WRONG_STATE' });
    });

    it('detects a later change to the record as a conflict instead of merging, and publishes once amended', async () => {
      const proposal = await proposeSummary(ALICE, 'From the proposal.');
      const moved = await store().updateNode(IDS.brainFog, { summary: 'Edited meanwhile.' }, 1, {
        actor: 'carol',
      });
      expect(moved.version).toBe(2);

      const conflicted = await review.approve(BOB, proposal.id, 1);
      expect(conflicted.status).toBe('conflict');
      expect(conflicted.reason).toMatch(/version 1 → 2/);
      expect((await brainFog()).summary).toBe('Edited meanwhile.');
      await expect(review.approve(BOB, proposal.id, 2)).rejects.toBeInstanceOf(WrongStateError);

      const amended = await review.amend(
        ALICE,
        proposal.id,
        2,
        {
          kind: 'updateNode',
          id: IDS.brainFog,
          expectedVersion: 2,
          patch: { summary: 'Both, merged by hand.' },
        },
        'Rebased onto Carol’s edit.',
      );
      expect(amended).toMatchObject({ status: 'open', version: 3, reason: null });
      await expect(
        review.amend(
          BOB,
          proposal.id,
          3,
          { kind: 'deleteNode', id: IDS.brainFog, expectedVersion: 2 },
          'mine',
        ),
      ).rejects.toBeInstanceOf(NotAllowedError);
      await review.approve(BOB, proposal.id, 3);
      expect(await brainFog()).toMatchObject({ summary: 'Both, merged by hand.', version: 3 });
    });

    it('rebases a conflicting edit onto the current version when its proposer asks, and only then', async () => {
      const proposal = await proposeSummary(ALICE, 'Mine, on top.');
      await store().updateNode(IDS.brainFog, { aliases: ['Fibro fog'] }, 1, { actor: 'carol' });
      const conflicted = await review.approve(BOB, proposal.id, 1);
      expect(conflicted.status).toBe('conflict');
      const rebased = await review.amend(
        ALICE,
        proposal.id,
        2,
        null,
        'Seen Carol’s alias; my summary still holds.',
      );
      expect(rebased).toMatchObject({ status: 'open', change: { expectedVersion: 2 } });
      await review.approve(BOB, proposal.id, 3);
      expect(await brainFog()).toMatchObject({
        summary: 'Mine, on top.',
        aliases: ['Fibro fog'],
        version: 3,
      });
      const create = await review.propose(
        ALICE,
        { kind: 'createNode', input: { kind: 'symptom', name: 'Itch' } },
        'x',
      );
      await expect(review.amend(ALICE, create.id, 1, null, 'rebase')).rejects.toMatchObject({
        field: 'change',
      });
    });

    it('keeps a discussion and checks the version each step names', async () => {
      const proposal = await proposeSummary(ALICE, 'Discuss me.');
      await review.comment(BOB, proposal.id, 'Which source says so?');
      const answered = await review.comment(ALICE, proposal.id, 'The FM/a questionnaire study.');
      expect(answered.comments.map((c) => c.author)).toEqual(['bob', 'alice']);
      expect(answered.version).toBe(3);
      await expect(review.approve(BOB, proposal.id, 1)).rejects.toBeInstanceOf(VersionConflictError);
      await expect(review.comment(BOB, 'proposal:missing', 'hello')).rejects.toBeInstanceOf(NotFoundError);
    });

    it('finishes an approval whose write landed before the process stopped, without writing twice', async () => {
      const proposal = await proposeSummary(ALICE, 'Half-approved.');
      // The write as approve makes it, then "a crash" before the proposal was marked published.
      await store().updateNode(IDS.brainFog, { summary: 'Half-approved.' }, 1, {
        actor: 'alice',
        review: { mode: 'reviewed', proposalId: proposal.id, approvedBy: 'bob' },
      });
      const published = await review.approve(BOB, proposal.id, 1);
      expect(published.status).toBe('published');
      expect((await brainFog()).version).toBe(2);
      expect(
        (await store().history({ targetId: IDS.brainFog })).changes.filter((c) => c.action === 'update'),
      ).toHaveLength(1);
    });

    it('lists proposals newest first by status, target and proposer', async () => {
      const first = await proposeSummary(ALICE, 'One.');
      const second = await review.propose(
        BOB,
        { kind: 'createNode', input: { kind: 'symptom', name: 'Dry eyes' } },
        'Sicca symptoms are common.',
      );
      await review.reject(BOB, first.id, 1, 'Not needed.');
      const all = await store().listReviewRecords({ collection: 'proposal' });
      expect(all.map((p) => p.id)).toEqual([second.id, first.id]);
      expect(
        (await store().listReviewRecords({ collection: 'proposal', statuses: ['open'] })).map((p) => p.id),
      ).toEqual([second.id]);
      expect(
        (await store().listReviewRecords({ collection: 'proposal', actor: 'alice' })).map((p) => p.id),
      ).toEqual([first.id]);
      expect(
        (await store().listReviewRecords({ collection: 'proposal', targetId: 'symptom:dry-eyes' })).map(
          (p) => p.id,
        ),
      ).toEqual([second.id]);
      const page = await store().listReviewRecords({ collection: 'proposal', first: 1, after: second.id });
      expect(page.map((p) => p.id)).toEqual([first.id]);
      expect(await store().listReviewRecords({ collection: 'report' })).toEqual([]);
    });

    it('takes reader reports on a claim or an evidence item and resolves them with a note', async () => {
      const [claim] = await store().claimsOf(IDS.myalgia, 'in');
      if (claim === undefined) throw new Error('fixture: myalgia has claims');
      const item = claim.evidence[0];
      if (item === undefined) throw new Error('fixture: claims have evidence');
      const report = await review.report(
        claim.id,
        item.id,
        'quote-wrong',
        'The quote is cut mid-sentence.',
        null,
      );
      expect(report).toMatchObject({
        status: 'open',
        actor: 'reader',
        targetId: claim.id,
        evidenceId: item.id,
      });
      await expect(review.report('claim:nothing', null, 'other', 'x', null)).rejects.toBeInstanceOf(
        NotFoundError,
      );
      await expect(
        review.report(claim.id, 'evidence:nothing', 'quote-wrong', null, null),
      ).rejects.toMatchObject({
        field: 'evidenceId',
      });
      await expect(review.report(claim.id, null, 'other', '   ', null)).rejects.toMatchObject({
        field: 'text',
      });
      await expect(review.report(claim.id, null, 'nonsense' as never, null, null)).rejects.toMatchObject({
        field: 'problem',
      });

      await expect(review.resolveReport(BOB, report.id, 1, '')).rejects.toMatchObject({ field: 'note' });
      const resolved = await review.resolveReport(BOB, report.id, 1, 'Quote completed from the paper.');
      expect(resolved).toMatchObject({
        status: 'resolved',
        resolvedBy: 'bob',
        note: 'Quote completed from the paper.',
      });
      await expect(review.resolveReport(BOB, report.id, 2, 'again')).rejects.toBeInstanceOf(WrongStateError);
      const open = await store().listReviewRecords({ collection: 'report', statuses: ['open'] });
      expect(open).toEqual([]);
      expect(((await store().getReviewRecord(report.id)) as Report).note).toBe(
        'Quote completed from the paper.',
      );
    });

    it('keeps an activity feed, filterable by person and by what it concerns, paged newest first', async () => {
      const proposal = await proposeSummary(ALICE, 'Feed me.');
      await review.comment(BOB, proposal.id, 'Looks fine.');
      await review.approve(BOB, proposal.id, 2);
      await review.createRelease('root', 'v1');

      const feed = await store().activity();
      expect(feed.events.map((e) => e.type)).toEqual([
        'release-created',
        'proposal-approved',
        'proposal-commented',
        'proposal-opened',
      ]);
      expect(feed.events[3]).toMatchObject({
        actor: 'alice',
        subjectId: proposal.id,
        targetId: IDS.brainFog,
      });
      expect(feed.events[3]?.summary).toMatch(/Edit node “Brain fog”/);
      expect((await store().activity({ actor: 'bob' })).events.map((e) => e.type)).toEqual([
        'proposal-approved',
        'proposal-commented',
      ]);
      expect((await store().activity({ targetId: IDS.brainFog })).events).toHaveLength(3);
      expect((await store().activity({ targetId: 'release:1' })).events).toHaveLength(1);
      const page = await store().activity({ first: 3 });
      expect(page.events).toHaveLength(3);
      const rest = await store().activity({ first: 3, after: page.nextCursor ?? undefined });
      expect(rest.events.map((e) => e.type)).toEqual(['proposal-opened']);
      expect(rest.nextCursor).toBeNull();
    });

    it('saves a workflow record only at the version it expects, and moves the revision when it does', async () => {
      const proposal = await proposeSummary(ALICE, 'Versioned.');
      const before = await store().revision();
      const stale = { ...proposal, version: 2, status: 'rejected' as const };
      const event = {
        at: proposal.createdAt,
        actor: 'x',
        type: 'proposal-rejected' as const,
        subjectId: proposal.id,
        targetId: null,
        summary: 'x',
      };
      await expect(store().saveReviewRecord(stale, 5, event)).rejects.toBeInstanceOf(VersionConflictError);
      await expect(
        store().saveReviewRecord({ ...proposal, id: 'proposal:new' }, 1, event),
      ).rejects.toBeInstanceOf(VersionConflictError);
      expect(await store().getReviewRecord('proposal:new')).toBeNull();
      expect((await store().activity({ actor: 'x' })).events).toEqual([]);
      await store().saveReviewRecord(stale, 1, event);
      expect((await store().getReviewRecord(proposal.id))?.status).toBe('rejected');
      const after = await store().revision();
      if (before !== null) expect(after).not.toBe(before);
    });

    it('freezes numbered releases that read back exactly and tell what changed since', async () => {
      const frozen = await store().exportGraph();
      const revision = await store().revision();
      const first = await review.createRelease('root', '2026.12', 'First public release.');
      // A cached list of releases must not outlive a new one.
      if (revision !== null) expect(await store().revision()).not.toBe(revision);
      expect(first).toMatchObject({
        number: 1,
        name: '2026.12',
        note: 'First public release.',
        createdBy: 'root',
        counts: { nodes: frozen.nodes.length, claims: frozen.claims.length },
      });
      await expect(review.createRelease('root', '2026.12')).rejects.toBeInstanceOf(AlreadyExistsError);
      await expect(review.createRelease('root', 'no spaces')).rejects.toMatchObject({ field: 'name' });

      await store().updateNode(IDS.brainFog, { summary: 'Changed after the release.' }, 1, {
        actor: 'carol',
      });
      await store().createNode({ kind: 'symptom', name: 'Dry eyes' }, { actor: 'carol' });
      const [claim] = await store().claimsOf(IDS.myalgia, 'in');
      if (claim === undefined) throw new Error('fixture: myalgia has claims');
      await store().addEvidence(
        claim.id,
        { sourceId: IDS.blog, note: 'A second account.', stance: 'supports', level: 'anecdote' },
        claim.version,
        { actor: 'carol' },
      );
      const second = await review.createRelease('root', 'v2');
      expect(second.number).toBe(2);
      expect((await store().releases()).map((r) => r.name)).toEqual(['2026.12', 'v2']);

      expect(await store().releaseSnapshot(1)).toEqual(frozen);
      expect(await store().releaseSnapshot(3)).toBeNull();
      const diff = diffSnapshots(frozen, (await store().releaseSnapshot(2)) ?? frozen);
      expect(diff.nodesAdded.map((n) => n.id)).toEqual(['symptom:dry-eyes']);
      expect(diff.nodesChanged).toMatchObject([{ id: IDS.brainFog, fields: ['summary'] }]);
      expect(diff.claimsChanged).toHaveLength(1);
      expect(diff.claimsChanged[0]).toMatchObject({ id: claim.id, relationChanged: false });
      expect(diff.claimsChanged[0]?.evidenceAdded).toHaveLength(1);
      expect(diff.nodesRemoved).toEqual([]);
      expect(diff.claimsAdded).toEqual([]);
    });
  });
}

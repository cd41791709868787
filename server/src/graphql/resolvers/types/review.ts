/** Field resolvers of the workflow's types: Proposal, Report, Release, ReleaseDiff and its entries, Viewer. */
import { baseVersionOf, changeKindName, describeOperation } from '../../../review/change-operation.ts';
import type { ClaimDifference as ClaimDifferenceRecord } from '../../../review/releases.ts';
import { citationOf } from '../../../review/releases.ts';
import type { Proposal as ProposalRecord } from '../../../review/review-model.ts';
import type { FibroGraphContext } from '../../context.ts';
import type {
  ActivityPageResolvers,
  ClaimDifferenceResolvers,
  NodeDifferenceResolvers,
  ProposalResolvers,
  ReleaseDiffResolvers,
  ReleaseResolvers,
  ReportResolvers,
  ViewerResolvers,
} from '../../generated/resolvers-types.ts';
import type { ClaimDifferenceModel } from '../../models.ts';
import { claimReading } from '../../../domain/path-reading.ts';

/** Proposal: the change in words, and whether its record has moved on since. */
export const Proposal: ProposalResolvers = {
  proposer: (proposal) => proposal.actor,
  changeKind: (proposal) => changeKindName(proposal.change),
  description: (proposal) => describeOperation(proposal.change),
  change: (proposal) => proposal.change,
  baseVersion: (proposal) => baseVersionOf(proposal.change),
  currentVersion: (proposal, _args, context) => currentVersionOf(proposal, context),
  stale: async (proposal, _args, context) => {
    if (proposal.status !== 'open') return false;
    const current = await currentVersionOf(proposal, context);
    const base = baseVersionOf(proposal.change);
    // A create is stale once its id is taken; an edit once its record is at another version or gone.
    return base === null ? current !== null : current !== base;
  },
  publishedChange: (proposal, _args, context) =>
    proposal.publishedSeq === null ? null : context.liveStore.getChange(proposal.publishedSeq),
};

/** ActivityPage: the store's page under the API's names. */
export const ActivityPage: ActivityPageResolvers = {
  entries: (page) => [...page.events],
};

/** Report: the claim as it is now. */
export const Report: ReportResolvers = {
  claimId: (report) => report.targetId,
  claim: (report, _args, context) => context.liveStore.getClaim(report.targetId),
};

/** Release: its counts and how to cite it. */
export const Release: ReleaseResolvers = {
  nodes: (release) => release.counts.nodes,
  claims: (release) => release.counts.claims,
  evidence: (release) => release.counts.evidence,
  citation: (release) => citationOf(release),
};

/** ReleaseDiff: each list as entries with names. */
export const ReleaseDiff: ReleaseDiffResolvers = {
  nodesAdded: (diff) => diff.nodesAdded.map((node) => ({ node, fields: [] })),
  nodesRemoved: (diff) => diff.nodesRemoved.map((node) => ({ node, fields: [] })),
  nodesChanged: (diff) => diff.nodesChanged.map((entry) => ({ node: entry.after, fields: entry.fields })),
  claimsAdded: (diff) => diff.claimsAdded.map((claim) => ({ claim, names: diff.names, difference: null })),
  claimsRemoved: (diff) =>
    diff.claimsRemoved.map((claim) => ({ claim, names: diff.names, difference: null })),
  claimsChanged: (diff) =>
    diff.claimsChanged.map((difference) => ({ claim: difference.after, names: diff.names, difference })),
};

export const NodeDifference: NodeDifferenceResolvers = {
  id: (entry) => entry.node.id,
  kind: (entry) => entry.node.kind,
  name: (entry) => entry.node.name,
  fields: (entry) => [...entry.fields],
};

export const ClaimDifference: ClaimDifferenceResolvers = {
  id: (entry) => entry.claim.id,
  relation: (entry) => entry.claim.relation,
  from: (entry) => entry.claim.from,
  to: (entry) => entry.claim.to,
  reading: (entry) =>
    claimReading(nameIn(entry, entry.claim.from), entry.claim.relation, nameIn(entry, entry.claim.to)),
  relationChanged: (entry) => entry.difference?.relationChanged ?? false,
  summaryChanged: (entry) => entry.difference?.summaryChanged ?? false,
  evidenceAdded: (entry) => countOf(entry.difference, 'evidenceAdded'),
  evidenceRemoved: (entry) => countOf(entry.difference, 'evidenceRemoved'),
  evidenceChanged: (entry) => countOf(entry.difference, 'evidenceChanged'),
};

/** Viewer: whether this person's changes go through review. */
export const Viewer: ViewerResolvers = {
  mustPropose: (viewer, _args, context) => context.reviewPolicy === 'required' && viewer.role !== 'admin',
};

async function currentVersionOf(
  proposal: ProposalRecord,
  context: FibroGraphContext,
): Promise<number | null> {
  const record =
    proposal.targetType === 'claim'
      ? await context.liveStore.getClaim(proposal.targetId)
      : await context.liveStore.getNode(proposal.targetId);
  return record?.version ?? null;
}

function nameIn(entry: ClaimDifferenceModel, id: string): string {
  return entry.names.get(id) ?? id;
}

function countOf(
  difference: ClaimDifferenceRecord | null,
  key: 'evidenceAdded' | 'evidenceRemoved' | 'evidenceChanged',
): number {
  return difference?.[key].length ?? 0;
}

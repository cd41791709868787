/** Query.proposals, proposal, reports and activity: the editors' queues and feed. */
import type { Proposal, Report } from '../../../review/review-model.ts';
import { requireReviewer } from '../../auth.ts';
import type { QueryResolvers } from '../../generated/resolvers-types.ts';

type Resolver<K extends keyof QueryResolvers> = NonNullable<QueryResolvers[K]>;

/** Proposals, newest first. */
export const proposals: Resolver<'proposals'> = async (
  _parent,
  { status, targetId, proposer, first, after },
  context,
) => {
  requireReviewer(context);
  const records = await context.liveStore.listReviewRecords({
    collection: 'proposal',
    ...(status == null ? {} : { statuses: status }),
    ...(targetId == null ? {} : { targetId }),
    ...(proposer == null ? {} : { actor: proposer }),
    ...(first == null ? {} : { first }),
    ...(after == null ? {} : { after }),
  });
  return records as Proposal[];
};

/** One proposal, or null. */
export const proposal: Resolver<'proposal'> = (_parent, { id }, context) => {
  requireReviewer(context);
  return context.review.getProposal(id);
};

/** Reader reports, newest first. */
export const reports: Resolver<'reports'> = async (_parent, { status, claimId, first, after }, context) => {
  requireReviewer(context);
  const records = await context.liveStore.listReviewRecords({
    collection: 'report',
    ...(status == null ? {} : { statuses: status }),
    ...(claimId == null ? {} : { targetId: claimId }),
    ...(first == null ? {} : { first }),
    ...(after == null ? {} : { after }),
  });
  return records as Report[];
};

/** The activity feed, newest first. */
export const activity: Resolver<'activity'> = (_parent, { actor, targetId, first, after }, context) => {
  requireReviewer(context);
  return context.liveStore.activity({
    ...(actor == null ? {} : { actor }),
    ...(targetId == null ? {} : { targetId }),
    ...(first == null ? {} : { first }),
    ...(after == null ? {} : { after }),
  });
};

/** Mutation.propose, amendProposal, commentOnProposal, withdrawProposal, rejectProposal, approveProposal. */
import { requireReviewer } from '../../auth.ts';
import type { FibroGraphContext } from '../../context.ts';
import type { MutationResolvers } from '../../generated/resolvers-types.ts';
import { toChangeOperation } from '../../mutation-inputs.ts';

type Resolver<K extends keyof MutationResolvers> = NonNullable<MutationResolvers[K]>;

/** Opens a proposal for one change. */
export const propose: Resolver<'propose'> = (_parent, { change, comment }, context) =>
  context.review.propose(requireReviewer(context), toChangeOperation(change), comment);

/** The proposer replaces the change. */
export const amendProposal: Resolver<'amendProposal'> = (
  _parent,
  { id, expectedVersion, change, comment },
  context,
) =>
  context.review.amend(
    requireReviewer(context),
    id,
    expectedVersion,
    change == null ? null : toChangeOperation(change),
    comment,
  );

/** Adds a remark to the discussion. */
export const commentOnProposal: Resolver<'commentOnProposal'> = (_parent, { id, text }, context) =>
  context.review.comment(requireReviewer(context), id, text);

/** The proposer takes it back. */
export const withdrawProposal: Resolver<'withdrawProposal'> = (
  _parent,
  { id, expectedVersion, reason },
  context,
) => context.review.withdraw(requireReviewer(context), id, expectedVersion, reason);

/** Another editor turns it down. */
export const rejectProposal: Resolver<'rejectProposal'> = (
  _parent,
  { id, expectedVersion, reason },
  context,
) => context.review.reject(requireReviewer(context), id, expectedVersion, reason);

/** Another editor approves and publishes it; later fields of the request see the change. */
export const approveProposal: Resolver<'approveProposal'> = async (
  _parent,
  { id, expectedVersion, comment },
  context: FibroGraphContext,
) => {
  try {
    return await context.review.approve(requireReviewer(context), id, expectedVersion, comment);
  } finally {
    context.loaders.clear();
  }
};

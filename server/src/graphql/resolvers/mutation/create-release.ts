/** Mutation.createRelease. */
import { requireAdmin } from '../../auth.ts';
import type { MutationResolvers } from '../../generated/resolvers-types.ts';

/** Freezes the published graph as the next numbered release, as the signed-in admin. */
export const createRelease: NonNullable<MutationResolvers['createRelease']> = (
  _parent,
  { name, note },
  context,
) => context.review.createRelease(requireAdmin(context).actor, name, note);

/** Mutation.revertChange. */
import { NotFoundError } from '../../../domain/errors.ts';
import { revertChange as revert } from '../../../store/revert-plan.ts';
import { requireAdmin } from '../../auth.ts';
import type { MutationResolvers } from '../../generated/resolvers-types.ts';
import { write } from './write.ts';

/** Undoes change `seq` as the signed-in admin; returns the change the undo recorded. */
export const revertChange: NonNullable<MutationResolvers['revertChange']> = (_parent, { seq }, context) => {
  requireAdmin(context);
  return write(context, async (store, writer) => {
    const change = await store.getChange(seq);
    if (change === null) throw new NotFoundError('change', String(seq));
    await revert(store, change, writer);
    const [latest] = (await store.history({ targetId: change.targetId, first: 1 })).changes;
    if (latest === undefined) throw new Error(`revertChange: no change recorded for ${change.targetId}`);
    return latest;
  });
};

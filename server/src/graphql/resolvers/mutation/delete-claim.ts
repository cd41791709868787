/** Mutation.deleteClaim. */
import type { MutationResolvers } from '../../generated/resolvers-types.ts';
import { write } from './write.ts';

/** Deletes a claim and its evidence; returns its id. */
export const deleteClaim: NonNullable<MutationResolvers['deleteClaim']> = (
  _parent,
  { id, expectedVersion },
  context,
) =>
  write(context, async (store, writer) => {
    await store.deleteClaim(id, expectedVersion, writer);
    return id;
  });

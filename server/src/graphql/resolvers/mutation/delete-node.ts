/** Mutation.deleteNode. */
import type { MutationResolvers } from '../../generated/resolvers-types.ts';
import { write } from './write.ts';

/** Deletes a node or source nothing refers to; returns its id. */
export const deleteNode: NonNullable<MutationResolvers['deleteNode']> = (
  _parent,
  { id, expectedVersion },
  context,
) =>
  write(context, async (store, writer) => {
    await store.deleteNode(id, expectedVersion, writer);
    return id;
  });

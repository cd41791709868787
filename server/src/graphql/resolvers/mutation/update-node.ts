/** Mutation.updateNode. */
import type { MutationResolvers } from '../../generated/resolvers-types.ts';
import { toNodePatch } from '../../mutation-inputs.ts';
import { write } from './write.ts';

/** Patches a concept node that is still at `expectedVersion`. */
export const updateNode: NonNullable<MutationResolvers['updateNode']> = (
  _parent,
  { id, expectedVersion, patch },
  context,
) => write(context, (store, writer) => store.updateNode(id, toNodePatch(patch), expectedVersion, writer));

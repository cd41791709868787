/** Mutation.updateSource. */
import type { MutationResolvers } from '../../generated/resolvers-types.ts';
import { toSourcePatch } from '../../mutation-inputs.ts';
import { write } from './write.ts';

/** Patches a source that is still at `expectedVersion`. */
export const updateSource: NonNullable<MutationResolvers['updateSource']> = (
  _parent,
  { id, expectedVersion, patch },
  context,
) => write(context, (store, writer) => store.updateSource(id, toSourcePatch(patch), expectedVersion, writer));

/** Mutation.updateClaim. */
import type { MutationResolvers } from '../../generated/resolvers-types.ts';
import { toClaimPatch } from '../../mutation-inputs.ts';
import { write } from './write.ts';

/** Changes a claim's relation or summary while it is still at `expectedVersion`. */
export const updateClaim: NonNullable<MutationResolvers['updateClaim']> = (
  _parent,
  { id, expectedVersion, patch },
  context,
) => write(context, (store, writer) => store.updateClaim(id, toClaimPatch(patch), expectedVersion, writer));

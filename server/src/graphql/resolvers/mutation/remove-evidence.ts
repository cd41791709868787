/** Mutation.removeEvidence. */
import type { MutationResolvers } from '../../generated/resolvers-types.ts';
import { write } from './write.ts';

/** Removes one evidence item (never a claim's last) from a claim still at `expectedVersion`. */
export const removeEvidence: NonNullable<MutationResolvers['removeEvidence']> = (
  _parent,
  { claimId, evidenceId, expectedVersion },
  context,
) => write(context, (store, writer) => store.removeEvidence(claimId, evidenceId, expectedVersion, writer));

/** Mutation.addEvidence. */
import type { MutationResolvers } from '../../generated/resolvers-types.ts';
import { toEvidenceInput } from '../../mutation-inputs.ts';
import { write } from './write.ts';

/** Adds an evidence item to a claim that is still at `expectedVersion`. */
export const addEvidence: NonNullable<MutationResolvers['addEvidence']> = (
  _parent,
  { claimId, expectedVersion, evidence },
  context,
) =>
  write(context, (store, writer) =>
    store.addEvidence(claimId, toEvidenceInput(evidence), expectedVersion, writer),
  );

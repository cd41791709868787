/** Mutation.createClaim. */
import type { MutationResolvers } from '../../generated/resolvers-types.ts';
import { toClaimInput } from '../../mutation-inputs.ts';
import { write } from './write.ts';

/** Creates a claim with at least one evidence item. */
export const createClaim: NonNullable<MutationResolvers['createClaim']> = (_parent, { input }, context) =>
  write(context, (store, writer) => store.createClaim(toClaimInput(input), writer));

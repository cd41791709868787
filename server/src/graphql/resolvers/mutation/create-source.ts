/** Mutation.createSource. */
import type { MutationResolvers } from '../../generated/resolvers-types.ts';
import { toSourceInput } from '../../mutation-inputs.ts';
import { write } from './write.ts';

/** Creates a source at version 1. */
export const createSource: NonNullable<MutationResolvers['createSource']> = (_parent, { input }, context) =>
  write(context, (store, writer) => store.createSource(toSourceInput(input), writer));

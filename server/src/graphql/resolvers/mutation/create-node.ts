/** Mutation.createNode. */
import type { MutationResolvers } from '../../generated/resolvers-types.ts';
import { toNodeInput } from '../../mutation-inputs.ts';
import { write } from './write.ts';

/** Creates a concept node at version 1. */
export const createNode: NonNullable<MutationResolvers['createNode']> = (_parent, { input }, context) =>
  write(context, (store, writer) => store.createNode(toNodeInput(input), writer));
